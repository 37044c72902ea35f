"""SPDX 3.0.1 JSON-LD with the AI and Dataset profiles, written with ``spdx-python-model``.

spdx-tools writes SPDX 2.3 only; ``spdx-python-model`` holds the SPDX project's bindings generated
from the 3.0.1 model (SHACL), which check each property's type as it is set and the required
properties as the document is written. The document:

* a ``software_Package`` for the scanned repository or Hub model (its commit as
  ``software_packageVersion``, its URL as ``software_downloadLocation``), with the repository's
  declared licenses (``hasDeclaredLicense``), the verdict of every profile and every finding as
  annotations; it CONTAINS every file (completeness ``complete`` when the scan was);
* a ``software_File`` per file: ``hasConcludedLicense`` is the governing license,
  ``hasDeclaredLicense`` what the file itself says (``NoneLicense`` when ScanCode read it and found
  nothing, ``NoAssertionLicense`` when it was not read); the component as the file's
  ``software_primaryPurpose`` and, with the rule that chose it, an annotation; the git blob id as a
  ``gitoid`` content identifier and the content's sha256 (Git LFS oid, plain folders) as a
  ``verifiedUsing`` hash;
* one package per component (``_spdx3_ai``): the model an ``ai_AIPackage``, training data and data
  ``dataset_DatasetPackage`` elements, base models, referenced datasets and frameworks.

Element IRIs derive from the document namespace (the target and the JSON report's sha256) and each
element's key; the creation time is the report's (SOURCE_DATE_EPOCH) or the epoch: the same scan
gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from ..models import Component, FileResult, FileStatus, Report
from ._common import VERDICT_LABEL, target_label
from ._spdx3_ai import PURPOSE, add_components
from ._spdx3_graph import NO_ASSERTION_LICENSE, NONE_LICENSE, Graph, is_expression_known

#: The profiles the document conforms to (SpdxDocument.profileConformance).
PROFILES = ("core", "software", "simpleLicensing", "ai", "dataset")


class Spdx3ValidationError(Exception):
    """spdx-python-model rejected the document this module built (a bug in osai-scan)."""


def _hashes(g: Graph, f: FileResult) -> dict[str, Any]:
    spdx, out = g.spdx, {}
    cid = f.content_id or ""
    kind, _, value = cid.partition(":")
    if kind in ("git-blob", "git-commit") and value:
        # a git object id is a gitoid (sha1 of git's header and the content), not the content's sha1
        out["software_contentIdentifier"] = [spdx.software_ContentIdentifier(
            software_contentIdentifierType=spdx.software_ContentIdentifierType.gitoid,
            software_contentIdentifierValue=f"gitoid:{kind[4:]}:sha1:{value}")]
    sha256 = value if kind == "sha256" else (f.lfs.oid.split(":")[-1] if f.lfs is not None else None)
    if sha256:
        out["verifiedUsing"] = [spdx.Hash(algorithm=spdx.HashAlgorithm.sha256, hashValue=sha256)]
    return out


def _in_file(g: Graph, f: FileResult) -> list[Any]:
    """What the file itself says: its detections' SPDX expressions, or None/NoAssertion."""
    found = sorted({m.expression_spdx for m in f.detections
                    if m.expression_spdx and is_expression_known(m.expression_spdx)})
    if not found:
        return [g.license(None, none=f.status is FileStatus.SCANNED)]
    return [g.license(e) for e in found]


def _file_comment(f: FileResult) -> str:
    parts = [f"governing license from {f.attribution.source.value}"
             + (f" ({f.attribution.source_path})" if f.attribution.source_path else ""),
             f"scan status {f.status.value}" + (f": {f.status_reason}" if f.status_reason else ""),
             f"{f.size} bytes"]
    if f.lfs is not None:
        parts.append("a Git LFS object")
    return "; ".join(parts)


def _file(g: Graph, f: FileResult) -> Any:
    spdx = g.spdx
    element = g.add(spdx.software_File, "File", f.path, name=f.path, comment=_file_comment(f),
                    software_primaryPurpose=getattr(spdx.software_SoftwarePurpose, PURPOSE[f.component]),
                    **_hashes(g, f))
    g.relate(element, "hasConcludedLicense", [g.license(f.license_spdx)])
    g.relate(element, "hasDeclaredLicense", _in_file(g, f))
    g.annotate(element, f"osai-scan component: {f.component.value} (rule {f.rule}: {f.reason})", "component")
    return element


def _root(g: Graph) -> Any:
    spdx, report = g.spdx, g.report
    t = report.target
    if t.kind != "hub":
        purpose = spdx.software_SoftwarePurpose.source
    elif any((name or "").startswith("datasets/") for name in (t.name, t.repo_id)):
        purpose = spdx.software_SoftwarePurpose.data
    else:
        purpose = spdx.software_SoftwarePurpose.model
    root = g.add(spdx.software_Package, "Package", "target", name=target_label(report),
                 software_packageVersion=t.commit or t.revision, software_downloadLocation=t.url,
                 software_primaryPurpose=purpose,
                 comment=f"scanned as a {t.kind} target" + (" (a dirty work tree)" if t.dirty else ""))
    declared = [d.expression_spdx for d in report.declared.licenses]
    if any(declared):
        g.relate(root, "hasDeclaredLicense", [g.conjunction(declared)])
    profiles = "; ".join(f"{pid}: {r.verdict.status.value}" for pid, r in report.profiles)
    reasons = " ".join(report.verdict.reasons)
    g.annotate(root, f"osai-scan verdict ({report.profile}): {VERDICT_LABEL[report.verdict.status]}."
               + (f" {reasons}" if reasons else "") + (f" Profiles: {profiles}." if profiles else ""), "verdict")
    for i, finding in enumerate(report.findings):
        paths = f" ({', '.join(finding.paths)})" if finding.paths else ""
        g.annotate(root, f"osai-scan finding {finding.id} ({finding.severity.value}): {finding.message}{paths}"
                   + (f" Hint: {finding.hint}" if finding.hint else ""), f"finding {i} {finding.id}")
    return root


def build_graph(report: Report) -> Graph:
    """Every element of the report's SPDX 3.0.1 document, the ``SpdxDocument`` last."""
    g = Graph(report)
    spdx = g.spdx
    root = _root(g)
    by_component: dict[Component, list[Any]] = {}
    elements = []
    for f in report.files:
        element = _file(g, f)
        elements.append(element)
        by_component.setdefault(f.component, []).append(element)
    g.relate(root, "contains", elements, completeness="complete" if report.complete else "noAssertion")
    add_components(g, root, by_component)
    data_license = g.license("CC0-1.0")
    g.add(spdx.SpdxDocument, "Document", "document", name=f"osai-scan {target_label(report)}",
          rootElement=[root], element=list(g.elements), dataLicense=data_license,
          profileConformance=[getattr(spdx.ProfileIdentifierType, p) for p in PROFILES],
          comment=f"osai-scan report schema {report.schema_version}; verdict "
                  f"{report.verdict.status.value} under {report.profile}")
    return g


def spdx3_dict(report: Report) -> dict[str, Any]:
    """The report's SPDX 3.0.1 document as JSON-LD data, checked by spdx-python-model: every
    reference resolves to an element of the document (or an SPDX individual), and the serializer
    finds every required property set within its bounds.

    Raises:
        Spdx3ValidationError: the bindings found the document incomplete or inconsistent.
    """
    g = build_graph(report)
    objects = g.spdx.SHACLObjectSet(g.elements)
    dangling = sorted(objects.link() - {NO_ASSERTION_LICENSE, NONE_LICENSE})
    if dangling:
        raise Spdx3ValidationError(f"references to elements not in the document: {', '.join(dangling[:5])}")
    try:
        data: dict[str, Any] = g.spdx.JSONLDSerializer().serialize_data(objects)
    except (ValueError, TypeError) as exc:
        raise Spdx3ValidationError(str(exc)) from exc
    return data


def render_spdx3(report: Report) -> str:
    """Render the report as SPDX 3.0.1 JSON-LD (AI and Dataset profiles).

    Raises:
        Spdx3ValidationError: the bindings found the document incomplete or inconsistent.
    """
    return json.dumps(spdx3_dict(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


__all__ = ["PROFILES", "Spdx3ValidationError", "build_graph", "render_spdx3", "spdx3_dict"]
