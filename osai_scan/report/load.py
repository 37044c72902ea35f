"""A saved JSON report back into a ``Report``, so any format can be rendered from it later.

``models.from_dict`` rebuilds the records; the JSON text has its object keys sorted, so the
pairs whose order the scan fixes (the five components in report order, the finding counts in
severity order) are put back in that order. The result renders byte for byte as the scan did.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from ..errors import UsageError
from ..models import AI_COMPONENTS, Component, ComponentResult, Report, Severity, from_dict

_COMPONENT_ORDER = {c: i for i, c in enumerate(AI_COMPONENTS)}
_SEVERITY_ORDER = {s.value: i for i, s in enumerate(Severity)}


class ReportLoadError(UsageError):
    """A file is not a JSON report of this tool (``osai-scan scan --format json``); exit 2."""


def _components(pairs: tuple[tuple[Component, ComponentResult], ...]) -> tuple[tuple[Component, ComponentResult], ...]:
    return tuple(sorted(pairs, key=lambda pair: _COMPONENT_ORDER.get(pair[0], len(_COMPONENT_ORDER))))


def report_from_data(data: dict[str, Any]) -> Report:
    """Rebuild the ``Report`` that ``render_json`` wrote as ``data``.

    Raises:
        ReportLoadError: ``data`` is not such a report.
    """
    try:
        report = from_dict(Report, data)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise ReportLoadError(f"not an osai-scan JSON report: {exc}") from None
    summary = replace(report.summary, findings_by_severity=tuple(sorted(
        report.summary.findings_by_severity, key=lambda pair: _SEVERITY_ORDER.get(pair[0], len(_SEVERITY_ORDER)))))
    profiles = tuple((pid, replace(result, components=_components(result.components)))
                     for pid, result in report.profiles)
    return replace(report, components=_components(report.components), summary=summary, profiles=profiles)


def load_report(text: str, where: str = "report") -> Report:
    """Parse a JSON report's text into a ``Report``.

    Raises:
        ReportLoadError: the text is not JSON, or not an osai-scan report.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportLoadError(f"{where}: not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or "schema_version" not in data or "files" not in data:
        raise ReportLoadError(f"{where}: not an osai-scan JSON report (no schema_version/files)")
    try:
        return report_from_data(data)
    except ReportLoadError as exc:
        raise ReportLoadError(f"{where}: {exc}") from None


__all__ = ["ReportLoadError", "load_report", "report_from_data"]
