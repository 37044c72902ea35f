"""SPDX 2.3 JSON, written and validated with ``spdx-tools``.

One package for the scanned repository or Hub model (its commit as version, its URL as download
location), and one element per file, each CONTAINed by that package: ``licenseConcluded`` is the
governing license, ``licenseInfoInFiles`` the licenses ScanCode found in the file itself, the
component (and the rule that chose it) an annotation. Licenses that ScanCode knows and the SPDX list
lacks are ``LicenseRef-scancode-<key>`` with a pointer to their text in ScanCode's LicenseDB.

Checksums: SPDX 2.3 requires a SHA1 for every file element. The report records a file's git blob id
(a SHA1 of git's ``blob <size>\\0`` header and the content), not the SHA1 of the bytes; files that
have one are file elements whose SHA1 is that blob id (each file's comment says so). Files without a
SHA1 (Git LFS weights, whose content id is the LFS sha256, and files of plain folders) are packages
of purpose FILE with the checksums the report has, so the document stays valid.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime
from typing import Any

from ..models import FileResult, FileStatus, Report
from ._common import VERDICT_LABEL, content_digest, created, target_label
from ._licenses import is_spdx_id, license_ids, pointer, scancode_key

_ID_CHARS = re.compile(r"[^A-Za-z0-9.-]+")
ROOT_ID = "SPDXRef-Package-target"


class SpdxValidationError(Exception):
    """spdx-tools rejected the document this module built (a bug in osai-scan)."""


def _name_note(f: FileResult) -> str:
    """For a name shown escaped (not UTF-8, or with control characters): its exact bytes."""
    return f"; file name shown escaped, exact name (base64): {f.path_base64}" if f.path_base64 else ""


def _spdx_id(kind: str, path: str) -> str:
    slug = _ID_CHARS.sub("-", path).strip("-")[:80] or "file"
    return f"SPDXRef-{kind}-{slug}-{hashlib.sha1(path.encode('utf-8')).hexdigest()[:8]}"


def _time(report: Report) -> datetime:
    return datetime.fromisoformat(created(report).replace("Z", "+00:00"))


def _sha1(f: FileResult) -> str | None:
    if f.content_id and f.content_id.startswith("git-blob:"):
        return f.content_id.split(":", 1)[1]
    return None


def _sha256(f: FileResult) -> str | None:
    if f.content_id and f.content_id.startswith("sha256:"):
        return f.content_id.split(":", 1)[1]
    return f.lfs.oid.split(":")[-1] if f.lfs is not None else None


class _Builder:
    """Collects the document's elements and the LicenseRefs they use."""

    def __init__(self, report: Report) -> None:
        from license_expression import get_spdx_licensing

        self.report = report
        self.licensing = get_spdx_licensing()
        self.refs: set[str] = set()

    def expression(self, spdx: str | None) -> Any:
        from spdx_tools.spdx.model import SpdxNoAssertion

        if not spdx:
            return SpdxNoAssertion()
        for symbol in license_ids(spdx):
            if symbol.startswith("LicenseRef-"):
                self.refs.add(symbol)
        return self.licensing.parse(spdx)

    def in_file(self, f: FileResult) -> list[Any]:
        from spdx_tools.spdx.model import SpdxNoAssertion, SpdxNone

        ids = sorted({s for m in f.detections if m.expression_spdx for s in license_ids(m.expression_spdx)
                      if is_spdx_id(s) or s.startswith("LicenseRef-")})
        if not ids:
            return [SpdxNone()] if f.status is FileStatus.SCANNED else [SpdxNoAssertion()]
        return [self.expression(s) for s in ids]

    def annotation(self, spdx_id: str, f: FileResult) -> Any:
        from spdx_tools.spdx.model import Actor, ActorType, Annotation, AnnotationType

        return Annotation(spdx_id, AnnotationType.OTHER, Actor(ActorType.TOOL, self._tool()), _time(self.report),
                          f"osai-scan component: {f.component.value} (rule {f.rule}: {f.reason})")

    def _tool(self) -> str:
        return f"{self.report.tool.name}-{self.report.tool.version}"

    def file_comment(self, f: FileResult) -> str:
        parts = [f"governing license from {f.attribution.source.value}"
                 + (f" ({f.attribution.source_path})" if f.attribution.source_path else ""),
                 f"scan status {f.status.value}" + (f": {f.status_reason}" if f.status_reason else "")]
        if _sha1(f):
            parts.append("SHA1 is the git blob id (sha1 of git's blob header and the content)")
        return "; ".join(parts)

    def extracted(self) -> list[Any]:
        from spdx_tools.spdx.model import ExtractedLicensingInfo

        out = []
        for ref in sorted(self.refs):
            key = scancode_key(ref)
            url = pointer(ref)
            text = (f"The text of ScanCode license '{key}' is published at {url}." if url
                    else f"License {ref} as named by the scanned repository; no text is recorded.")
            out.append(ExtractedLicensingInfo(license_id=ref, extracted_text=text, license_name=key or ref,
                                              cross_references=[url] if url else []))
        return out


def build_document(report: Report) -> Any:
    """The SPDX 2.3 ``Document`` of the report (spdx-tools model)."""
    from spdx_tools.spdx.model import (
        Actor,
        ActorType,
        Checksum,
        ChecksumAlgorithm,
        CreationInfo,
        Document,
        File,
        Package,
        PackagePurpose,
        Relationship,
        RelationshipType,
        SpdxNoAssertion,
    )

    b = _Builder(report)
    t = report.target
    name = target_label(report)
    declared = sorted({d.expression_spdx for d in report.declared.licenses if d.expression_spdx})
    profiles = "; ".join(f"{pid}: {r.verdict.status.value}" for pid, r in report.profiles)
    from spdx_tools.spdx.validation.uri_validators import validate_download_location

    # A URL SPDX does not take as a download location (a host with a port, e.g. a local mirror)
    # is kept as source information.
    location = t.url if t.url and not validate_download_location(t.url) else None
    root = Package(
        spdx_id=ROOT_ID, name=name, download_location=location or SpdxNoAssertion(), version=t.commit or t.revision,
        source_info=f"scanned from {t.url}" if t.url else None,
        files_analyzed=True, license_concluded=SpdxNoAssertion(),
        license_declared=b.expression(" AND ".join(f"({d})" for d in declared) if len(declared) > 1
                                      else (declared[0] if declared else None)),
        copyright_text=SpdxNoAssertion(), primary_package_purpose=PackagePurpose.SOURCE,
        comment=f"osai-scan verdict ({report.profile}): {VERDICT_LABEL[report.verdict.status]}. Profiles: {profiles}.")
    files, packages, relationships, annotations = [], [root], [], []
    relationships.append(Relationship("SPDXRef-DOCUMENT", RelationshipType.DESCRIBES, ROOT_ID))
    for f in report.files:
        sha1, sha256 = _sha1(f), _sha256(f)
        checksums = ([Checksum(ChecksumAlgorithm.SHA1, sha1)] if sha1 else []) + \
                    ([Checksum(ChecksumAlgorithm.SHA256, sha256)] if sha256 else [])
        if sha1:
            spdx_id = _spdx_id("File", f.path)
            files.append(File(name=f"./{f.path}", spdx_id=spdx_id, checksums=checksums,
                              license_concluded=b.expression(f.license_spdx), license_info_in_file=b.in_file(f),
                              copyright_text=SpdxNoAssertion(), comment=b.file_comment(f) + _name_note(f)))
        else:
            spdx_id = _spdx_id("Package", f.path)
            in_file = [str(e) for e in b.in_file(f)]
            packages.append(Package(
                spdx_id=spdx_id, name=f.path, file_name=f"./{f.path}", download_location=SpdxNoAssertion(),
                files_analyzed=False, checksums=checksums, license_concluded=b.expression(f.license_spdx),
                license_declared=SpdxNoAssertion(), copyright_text=SpdxNoAssertion(),
                primary_package_purpose=PackagePurpose.FILE,
                comment=b.file_comment(f) + _name_note(f) + f"; licenses in the file itself: {', '.join(in_file)}"
                        + "; a package because the report has no SHA1 for this file"))
        relationships.append(Relationship(ROOT_ID, RelationshipType.CONTAINS, spdx_id))
        annotations.append(b.annotation(spdx_id, f))
    digest = content_digest(report)
    info = CreationInfo(
        spdx_version="SPDX-2.3", spdx_id="SPDXRef-DOCUMENT", name=f"osai-scan {name}",
        document_namespace=f"https://spdx.org/spdxdocs/osai-scan/{_ID_CHARS.sub('-', name)}-{digest}",
        creators=[Actor(ActorType.TOOL, b._tool())], created=_time(report),
        creator_comment=f"ScanCode {report.tool.scancode_version}, license DB {report.tool.license_db}")
    return Document(creation_info=info, packages=packages, files=files, relationships=relationships,
                    annotations=annotations, extracted_licensing_info=b.extracted())


def validate_document(document: Any) -> list[str]:
    """spdx-tools' own validation messages for ``document`` (empty when it is valid)."""
    from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document

    return [m.validation_message for m in validate_full_spdx_document(document)]


def render_spdx(report: Report) -> str:
    """Render the report as an SPDX 2.3 JSON document (validated by spdx-tools before it is written).

    Raises:
        SpdxValidationError: spdx-tools found the document invalid.
    """
    from spdx_tools.spdx.jsonschema.document_converter import DocumentConverter

    document = build_document(report)
    problems = validate_document(document)
    if problems:
        raise SpdxValidationError("; ".join(problems[:5]))
    data: dict[str, Any] = DocumentConverter().convert(document)
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


__all__ = ["SpdxValidationError", "build_document", "render_spdx", "validate_document"]
