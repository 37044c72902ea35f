"""Findings from the catalogue (``rules/findings.yaml``): severity and hint are data.

Code decides *that* a finding applies and says what exactly (the message and the paths);
the catalogue gives its severity and the remediation hint, so a user's ``--rules`` can
re-grade a finding without touching code.

Takes in: the rules' finding specs (``FindingSpec``). Hands on: the ``FindingCatalogue`` the
attribute and policy stages make ``Finding`` records with, and their sorting and counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable

from .models import Finding, Severity
from .ruleset import FindingSpec


class FindingCatalogue:
    """Makes findings of the catalogued types.

    Args:
        specs: finding id → its catalogue entry.
    """

    def __init__(self, specs: dict[str, FindingSpec]) -> None:
        self.specs = specs

    def make(self, finding_id: str, message: str, paths: Iterable[str] = (), hint: str | None = None) -> Finding:
        """A finding of type ``finding_id``.

        Args:
            finding_id: a catalogued id.
            message: what exactly is wrong, naming files and licenses.
            paths: the files involved (sorted, deduplicated in the finding).
            hint: a more specific hint; the catalogue's hint is used when None.

        Raises:
            KeyError: ``finding_id`` is not in the catalogue (a bug: every id must be catalogued).
        """
        spec = self.specs[finding_id]
        return Finding(id=finding_id, severity=spec.severity, message=message,
                       paths=tuple(sorted(set(paths))), hint=hint or spec.hint)


    def regrade(self, finding: Finding) -> Finding:
        """A finding made elsewhere (references.py) with the catalogue's severity for its id.

        Its own, specific hint is kept. Ids missing from the catalogue are returned unchanged.
        """
        spec = self.specs.get(finding.id)
        if spec is None or spec.severity is finding.severity:
            return finding
        return replace(finding, severity=spec.severity)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in report order: by severity (errors first), then id, then paths."""
    order = list(Severity)
    return sorted(findings, key=lambda f: (order.index(f.severity), f.id, f.paths, f.message))


def severity_counts(findings: Iterable[Finding]) -> tuple[tuple[str, int], ...]:
    """Count findings by severity, in a fixed order."""
    counts = Counter(f.severity.value for f in findings)
    return tuple((s.value, counts.get(s.value, 0)) for s in Severity)


__all__ = ["FindingCatalogue", "severity_counts", "sort_findings"]
