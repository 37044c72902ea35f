"""The entries of the rules files: license rows, license files, Hub ids, frameworks, findings, MOF lists.

``rules.py`` loads the files; this module holds what one entry is and how it is parsed, so
that every error names the file and the line of the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import RuleError
from ..models import (
    Component,
    Freedom,
    FreedomCell,
    FreedomRow,
    FreedomStatus,
    Severity,
)
from .parse import as_list, check_keys, line_of

LICENSE_KINDS = ("software", "model", "data", "content", "policy", "generic")


@dataclass(frozen=True, slots=True, kw_only=True)
class LicenseFileRule:
    """File names whose text governs other files (``attribution.yaml``)."""

    id: str
    names: tuple[str, ...]
    components: tuple[Component, ...] = ()
    dirs: tuple[str, ...] = ()
    #: The components the file declares a license for even when none of their files (for the
    #: Model: weights) are in the target; None: all of ``components``.
    declares_absent: tuple[Component, ...] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LicenseFacts:
    """A curated license row from ``licenses.yaml``."""

    key: str
    name: str
    kind: str
    open_data: bool
    row: FreedomRow
    source: str


@dataclass(frozen=True, slots=True, kw_only=True)
class HubLicense:
    """A Hugging Face Hub license id and the ScanCode expression it stands for."""

    id: str
    name: str
    expression: str | None
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Framework:
    """A framework that runs models (``frameworks.yaml``): Code satisfied by reference.

    Attributes:
        id: stable dotted id, e.g. ``framework.transformers``.
        name: the framework's name.
        library_names: model card ``library_name`` values that mean it (lowercase).
        formats: weight-file extensions that imply it when the card names no library.
        license: ScanCode key expression of the framework's own license.
        source: its code repository.
        license_url: the license file the entry was checked against.
        where: ``frameworks.yaml:<line>`` of the entry.
        export: True for export and runtime formats (ONNX, GGUF): they never displace the
            framework the weights were made with, only join it.
        files: (path, keys) pairs: a JSON file at the repository's root that names the
            framework when its top-level object holds any of ``keys`` (no keys: its presence).
    """

    id: str
    name: str
    library_names: tuple[str, ...]
    formats: tuple[str, ...]
    license: str
    source: str
    license_url: str
    where: str
    export: bool = False
    files: tuple[tuple[str, tuple[str, ...]], ...] = ()


def parse_framework(raw: Any, path: Path) -> Framework:
    """Parse one entry of ``frameworks.yaml``.

    Raises:
        RuleError: a missing id, name, license or source, or neither library names nor formats.
    """
    if not isinstance(raw, dict):
        raise RuleError("each framework entry must be a mapping", path=str(path))
    line = line_of(raw)
    for key in ("id", "name", "license", "source"):
        if not raw.get(key):
            raise RuleError(f"framework entry needs {key!r}", path=str(path), line=line)
    names = tuple(n.lower() for n in as_list(raw.get("library_names")))
    formats = tuple(f.lower().lstrip(".") for f in as_list(raw.get("formats")))
    if not names and not formats:
        raise RuleError("framework entry needs 'library_names' or 'formats'", path=str(path), line=line)
    files = []
    raw_files = raw.get("files") or []
    if not isinstance(raw_files, list):
        raise RuleError("a framework's 'files' must be a list", path=str(path), line=line)
    for item in raw_files:
        if not isinstance(item, dict) or not item.get("path"):
            raise RuleError("each 'files' item of a framework needs a 'path' (and optional 'keys')",
                            path=str(path), line=line)
        files.append((str(item["path"]), tuple(str(k) for k in as_list(item.get("keys")))))
    return Framework(id=str(raw["id"]), name=str(raw["name"]), library_names=names, formats=formats,
                     license=str(raw["license"]), source=str(raw["source"]),
                     license_url=str(raw.get("license_url") or raw["source"]), where=f"{path.name}:{line}",
                     export=bool(raw.get("export", False)), files=tuple(files))


@dataclass(frozen=True, slots=True, kw_only=True)
class FindingSpec:
    """A finding type of the catalogue (``findings.yaml``): id, severity, title and hint."""

    id: str
    severity: Severity
    title: str
    hint: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MofLicenses:
    """The Model Openness Framework's license lists (``mof/licenses.yaml``), SPDX ids.

    Attributes:
        recommended: content type (code, data, document) → licenses the MOF recommends for it.
        open_data: open-data licenses the MOF's tool accepts as open (SPDX ids as the MOF writes them).
        source: where the lists were copied from.
    """

    recommended: tuple[tuple[str, tuple[str, ...]], ...]
    open_data: tuple[str, ...]
    source: str

    def recommended_for(self, content_type: str) -> frozenset[str]:
        """The SPDX ids (lowercased, for comparison) the MOF recommends for ``content_type``."""
        return frozenset(s.lower() for s in dict(self.recommended).get(content_type, ()))

    def recommended_names(self, content_type: str) -> tuple[str, ...]:
        """The SPDX ids the MOF recommends for ``content_type``, as the MOF writes them."""
        return dict(self.recommended).get(content_type, ())


_FREEDOM_STATUSES = {s.value for s in FreedomStatus}
_LICENSE_KEYS = {"key", "name", "kind", "open_data", "freedoms"}
_DOT_ID = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


def parse_row(raw: Any, where: str, line: int | None) -> FreedomRow:
    """Parse the ``freedoms`` mapping of a license entry: a status and a reason per freedom.

    Raises:
        RuleError: a freedom without a valid status or without a ``because``.
    """
    if not isinstance(raw, dict):
        raise RuleError("'freedoms' must be a mapping of study/use/modify/share", path=where, line=line)
    check_keys(raw, {f.value for f in Freedom}, "freedoms", where)
    cells = {}
    for freedom in Freedom:
        cell = raw.get(freedom.value)
        if not isinstance(cell, dict) or cell.get("status") not in _FREEDOM_STATUSES:
            raise RuleError(f"freedom {freedom.value!r} needs a status among {sorted(_FREEDOM_STATUSES)}",
                            path=where, line=line_of(cell, line))
        because = str(cell.get("because") or "").strip()
        if not because:
            raise RuleError(f"freedom {freedom.value!r} needs a 'because'", path=where, line=line_of(cell, line))
        cells[freedom.value] = FreedomCell(status=FreedomStatus(cell["status"]), because=(because,))
    return FreedomRow(**cells)


def parse_license(raw: Any, path: Path) -> LicenseFacts:
    """Parse one entry of ``licenses.yaml``.

    Raises:
        RuleError: a missing key, an unknown kind, or ``open_data: true`` on a row that restricts a freedom.
    """
    where = str(path)
    if not isinstance(raw, dict):
        raise RuleError("each license entry must be a mapping", path=where)
    line = line_of(raw)
    check_keys(raw, _LICENSE_KEYS, "license entry", where)
    if not raw.get("key"):
        raise RuleError("license entry needs a 'key'", path=where, line=line)
    kind = str(raw.get("kind") or "generic")
    if kind not in LICENSE_KINDS:
        raise RuleError(f"unknown kind {kind!r} (expected one of: {', '.join(LICENSE_KINDS)})", path=where, line=line)
    if not isinstance(raw.get("open_data", False), bool):
        raise RuleError("'open_data' must be true or false", path=where, line=line)
    row = parse_row(raw.get("freedoms"), where, line)
    if raw.get("open_data") and any(row.cell(f).status is not FreedomStatus.MEETS for f in Freedom):
        raise RuleError(f"{raw['key']}: open_data: true needs every freedom to meet", path=where, line=line)
    return LicenseFacts(key=str(raw["key"]), name=str(raw.get("name") or raw["key"]), kind=kind,
                        open_data=bool(raw.get("open_data", False)), row=row, source=f"{path.name}:{line}")


def parse_finding(raw: Any, where: str) -> FindingSpec:
    """Parse one entry of ``findings.yaml``.

    Raises:
        RuleError: not a mapping, a bad id or severity, or a missing title or hint.
    """
    if not isinstance(raw, dict):
        raise RuleError("each finding must be a mapping", path=where)
    line = line_of(raw)
    check_keys(raw, {"id", "severity", "title", "hint"}, "finding", where)
    if not _DOT_ID.match(str(raw.get("id") or "")):
        raise RuleError(f"finding id {raw.get('id')!r} must be dotted lowercase (a.b-c)", path=where, line=line)
    try:
        severity = Severity(raw.get("severity"))
    except ValueError:
        raise RuleError(f"unknown severity {raw.get('severity')!r} (error, warning, info)", path=where,
                        line=line) from None
    if not raw.get("title") or not raw.get("hint"):
        raise RuleError(f"finding {raw['id']!r} needs a 'title' and a 'hint'", path=where, line=line)
    return FindingSpec(id=str(raw["id"]), severity=severity, title=" ".join(str(raw["title"]).split()),
                       hint=" ".join(str(raw["hint"]).split()))


@dataclass(frozen=True, slots=True, kw_only=True)
class ThirdPartyRule:
    """A license file that, beside a folder's own license file, holds a third party's license
    (``attribution.yaml`` ``third_party_license_files``): it governs no file by folder."""

    id: str
    names: tuple[str, ...]
    beside: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Companion:
    """A license text meant to sit beside another (``attribution.yaml`` ``companions``)."""

    id: str
    licenses: tuple[str, ...]
    companions: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class StatementRule:
    """A README sentence pattern that scopes a license to components (``scoped_statements``)."""

    id: str
    components: tuple[Component, ...]
    pattern: re.Pattern[str]
    #: ``referenced-model``: the text before the pattern on the line must name a model the target
    #: fetches as weights (the name part of a weights reference, "Qwen-7B" for ``Qwen/Qwen-7B``).
    subject: str | None = None
    #: The license may follow the sentence within this many lines ("The following license
    #: applies to ...", then the notice); 0: on the sentence's own lines.
    window: int = 0


#: The subjects a scoped statement may require.
STATEMENT_SUBJECTS = ("referenced-model",)


def parse_companion(raw: Any, where: str) -> Companion:
    """One ``companions`` entry.

    Raises:
        RuleError: a missing id, license, companion or reason, or an unknown key.
    """
    if not isinstance(raw, dict) or not all(raw.get(k) for k in ("id", "license", "companion", "reason")):
        raise RuleError("a companion needs 'id', 'license', 'companion' and 'reason'", path=where, line=line_of(raw))
    check_keys(raw, {"id", "license", "companion", "reason"}, "companion", where)
    return Companion(id=str(raw["id"]), licenses=as_list(raw["license"]), companions=as_list(raw["companion"]),
                     reason=str(raw["reason"]))


def parse_third_party(raw: Any, where: str) -> ThirdPartyRule:
    """One ``third_party_license_files`` entry.

    Raises:
        RuleError: a missing id, name, beside or reason, or an unknown key.
    """
    if not isinstance(raw, dict) or not all(raw.get(k) for k in ("id", "name", "beside", "reason")):
        raise RuleError("a third-party license file rule needs 'id', 'name', 'beside' and 'reason'", path=where,
                        line=line_of(raw))
    check_keys(raw, {"id", "name", "beside", "reason"}, "third-party license file", where)
    return ThirdPartyRule(id=str(raw["id"]), names=tuple(n.lower() for n in as_list(raw["name"])),
                          beside=tuple(n.lower() for n in as_list(raw["beside"])), reason=str(raw["reason"]))


def parse_statement(raw: Any, where: str) -> StatementRule:
    """One ``scoped_statements`` entry.

    Raises:
        RuleError: a missing id, components or pattern, an unknown component, an invalid pattern.
    """
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("components") or not raw.get("pattern"):
        raise RuleError("a scoped statement needs 'id', 'components' and 'pattern'", path=where, line=line_of(raw))
    check_keys(raw, {"id", "components", "pattern", "reason", "subject", "window"}, "scoped statement", where)
    window = raw.get("window", 0)
    if not isinstance(window, int) or isinstance(window, bool) or not 0 <= window <= 50:
        raise RuleError(f"{raw['id']}: window must be a whole number of lines from 0 to 50", path=where,
                        line=line_of(raw))
    subject = raw.get("subject")
    if subject is not None and subject not in STATEMENT_SUBJECTS:
        raise RuleError(f"{raw['id']}: unknown subject {subject!r} (known: {', '.join(STATEMENT_SUBJECTS)})",
                        path=where, line=line_of(raw))
    try:
        components = tuple(Component(c) for c in as_list(raw["components"]))
        pattern = re.compile(str(raw["pattern"]))
    except (ValueError, re.error) as exc:
        raise RuleError(f"{raw['id']}: {exc}", path=where, line=line_of(raw)) from None
    return StatementRule(id=str(raw["id"]), components=components, pattern=pattern,
                         subject=str(subject) if subject is not None else None, window=window)


@dataclass(frozen=True, slots=True, kw_only=True)
class WeightSource:
    """A pattern that finds where code fetches weights from (``weights.yaml`` ``sources``)."""

    id: str
    kind: str
    pattern: re.Pattern[str]


def parse_weight_source(raw: Any, where: str) -> WeightSource:
    """One ``sources`` entry of ``weights.yaml``.

    Raises:
        RuleError: a missing id, kind or pattern, an unknown kind, an invalid pattern or one
            without the group its kind needs.
    """
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("kind") or not raw.get("pattern"):
        raise RuleError("a weights source needs 'id', 'kind' and 'pattern'", path=where, line=line_of(raw))
    check_keys(raw, {"id", "kind", "pattern", "reason"}, "weights source", where)
    group = {"hub": "repo", "torch-hub": "repo", "url": "url"}.get(str(raw["kind"]))
    if group is None:
        raise RuleError(f"{raw['id']}: kind is hub, torch-hub or url", path=where, line=line_of(raw))
    try:
        pattern = re.compile(str(raw["pattern"]))
    except re.error as exc:
        raise RuleError(f"{raw['id']}: invalid pattern: {exc}", path=where, line=line_of(raw)) from None
    if group not in pattern.groupindex:
        raise RuleError(f"{raw['id']}: the pattern needs a group named {group!r}", path=where, line=line_of(raw))
    return WeightSource(id=str(raw["id"]), kind=str(raw["kind"]), pattern=pattern)


__all__ = ["WeightSource", "parse_weight_source", "ThirdPartyRule", "parse_third_party", "Companion", "StatementRule", "parse_companion", "parse_statement", "FindingSpec", "Framework", "HubLicense", "LICENSE_KINDS", "LicenseFacts", "LicenseFileRule",
           "MofLicenses", "parse_finding", "parse_framework", "parse_license", "parse_row"]
