"""The element graph of an SPDX 3.0.1 document, built with ``spdx-python-model``'s bindings.

``Graph`` hands out element IRIs derived from the document namespace and each element's own key
(a path, a license expression, a reference id), so the same scan gives the same IRIs and a file
keeps its IRI when other files change. It keeps one ``simplelicensing_LicenseExpression`` per
distinct expression, with ``customIdToUri`` pointing each ``LicenseRef-scancode-<key>`` at its text
in ScanCode's LicenseDB, and writes relationships and annotations with one shared CreationInfo.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from functools import lru_cache
from typing import Any

from ..models import Report
from ._common import content_digest, created, target_label
from ._licenses import license_ids, pointer

SPEC_VERSION = "3.0.1"
#: The SPDX 3 individuals for "no license" and "no assertion" (ExpandedLicensing profile).
NONE_LICENSE = "https://spdx.org/rdf/3.0.1/terms/ExpandedLicensing/NoneLicense"
NO_ASSERTION_LICENSE = "https://spdx.org/rdf/3.0.1/terms/ExpandedLicensing/NoAssertionLicense"
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


def _slug(text: str) -> str:
    return _SLUG.sub("-", text).strip("-.")[:60] or "x"


def _key_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def namespace(report: Report) -> str:
    """The document's namespace: the target's name and the sha256 of the JSON report."""
    return f"https://spdx.org/spdxdocs/osai-scan/{_slug(target_label(report))}-{content_digest(report)}"


@lru_cache(maxsize=4096)
def is_expression_known(expression: str) -> bool:
    """Whether ``expression`` parses as SPDX: every id on the SPDX lists (licenses, exceptions) or a ``LicenseRef-``."""
    from license_expression import get_spdx_licensing

    result = get_spdx_licensing().validate(expression)
    return not result.errors and not result.invalid_symbols


class Graph:
    """Collects the elements of one document; every element shares the document's CreationInfo."""

    def __init__(self, report: Report) -> None:
        from spdx_python_model import v3_0_1 as spdx

        self.spdx = spdx
        self.report = report
        self.ns = namespace(report)
        self.elements: list[Any] = []
        self._ids: set[str] = set()
        self._licenses: dict[str, Any] = {}
        when = datetime.fromisoformat(created(report).replace("Z", "+00:00"))
        tool = report.tool
        self.info = spdx.CreationInfo(
            specVersion=SPEC_VERSION, created=when,
            comment=f"osai-scan {tool.version} with ScanCode {tool.scancode_version} (license DB "
                    f"{tool.license_db}), rules {tool.rules_digest}")
        agent = self.add(spdx.SoftwareAgent, "Agent", tool.name, name=tool.name)
        self.info.createdBy = [agent]
        self.info.createdUsing = [
            self.add(spdx.Tool, "Tool", tool.name, name=f"{tool.name} {tool.version}"),
            self.add(spdx.Tool, "Tool", "scancode-toolkit", name=f"scancode-toolkit {tool.scancode_version}")]

    def iri(self, kind: str, key: str) -> str:
        """The IRI of the element of ``kind`` identified by ``key`` (a path, an expression, an id)."""
        return f"{self.ns}/{kind}/{_slug(key)}-{_key_hash(key)}"

    def local(self, element: Any) -> str:
        """An element's IRI (or an SPDX individual's) without the document namespace."""
        name = element if isinstance(element, str) else element._id
        return name[len(self.ns) + 1:] if name.startswith(self.ns + "/") else name.rsplit("/", 1)[-1]

    def add(self, cls: Any, kind: str, key: str, **properties: Any) -> Any:
        """Create an element of binding class ``cls`` with the IRI of (kind, key), and keep it."""
        element = cls(_id=self.iri(kind, key), creationInfo=self.info,
                      **{k: v for k, v in properties.items() if v not in (None, [], "")})
        if element._id in self._ids:
            raise ValueError(f"two SPDX 3 elements would share the IRI {element._id}")
        self._ids.add(element._id)
        self.elements.append(element)
        return element

    def license(self, expression: str | None, *, none: bool = False) -> Any:
        """The license expression element of an SPDX expression, NoneLicense when ``none``, else NoAssertion."""
        if not expression:
            return NONE_LICENSE if none else NO_ASSERTION_LICENSE
        if expression in self._licenses:
            return self._licenses[expression]
        uris = [self.spdx.DictionaryEntry(key=ref, value=url) for ref in license_ids(expression)
                if ref.startswith("LicenseRef-") and (url := pointer(ref))]
        element = self.add(self.spdx.simplelicensing_LicenseExpression, "License", expression,
                           simplelicensing_licenseExpression=expression, simplelicensing_customIdToUri=uris)
        self._licenses[expression] = element
        return element

    def conjunction(self, expressions: list[str | None]) -> Any:
        """One license element for all of ``expressions`` together (AND), NoAssertion when none is known."""
        known = sorted({e for e in expressions if e})
        if not known:
            return NO_ASSERTION_LICENSE
        return self.license(known[0] if len(known) == 1 else " AND ".join(f"({e})" for e in known))

    def relate(self, source: Any, kind: str, targets: list[Any], *, comment: str | None = None,
               completeness: str | None = None) -> Any:
        """A relationship of type ``kind`` (a RelationshipType name) from ``source`` to ``targets``."""
        if not targets:
            return None
        rel_type = getattr(self.spdx.RelationshipType, kind)
        key = f"{self.local(source)} {kind} {' '.join(self.local(t) for t in targets)}"
        return self.add(self.spdx.Relationship, "Relationship", key,
                        from_=source, relationshipType=rel_type, to=list(targets), comment=comment,
                        completeness=getattr(self.spdx.RelationshipCompleteness, completeness)
                        if completeness else None)

    def annotate(self, subject: Any, statement: str, topic: str) -> Any:
        """An ``other`` annotation on ``subject``; ``topic`` tells it apart from the subject's others."""
        return self.add(self.spdx.Annotation, "Annotation", f"{self.local(subject)} {topic}", subject=subject,
                        annotationType=self.spdx.AnnotationType.other, statement=statement)


__all__ = ["NONE_LICENSE", "NO_ASSERTION_LICENSE", "SPEC_VERSION", "Graph", "is_expression_known", "namespace"]
