"""Load and validate the rules under ``rules/`` (and a user's ``--rules DIR`` or profile file).

Rules are data: component classification (``components.yaml``), license-file naming
(``attribution.yaml``), license freedoms (``licenses.yaml``), Hub license ids
(``hub-licenses.yaml``), the findings catalogue (``findings.yaml``), the Model Openness
Framework's license lists (``mof/licenses.yaml``) and policy profiles (``profiles/*.yaml``).
A user folder holds files of the same names; entries are merged by id (an entry with an
existing id replaces it, a new entry is added, new classification rules first). A single
profile file can be given too.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from .errors import RuleError
from .models import Component, Freedom, FreedomCell, FreedomRow, FreedomStatus, Severity
from .profiles import CONTENT_TYPES, Profile, parse_profile
from .ruleio import Problems, as_list, check_keys, entries, line_of, load_yaml
from .scancode_db import SYMBOL, scancode_license_info

LICENSE_KINDS = ("software", "model", "data", "content", "policy", "generic")


def builtin_rules_dir() -> Path:
    """The rules shipped with osai-scan (packaged copy, or ``rules/`` in a source checkout)."""
    packaged = resources.files("osai_scan") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentRule:
    """One classification rule. All given conditions must hold; list values are alternatives.

    Attributes:
        id: stable dotted id, e.g. ``model.weights``.
        component: the label the rule gives.
        reason: one line saying why files matching it get that label.
        names: globs on the file name (case-insensitive).
        paths: globs on the repo-relative path (case-insensitive; ``*`` crosses folders).
        exts: file extensions without the dot (``tar.gz`` style allowed).
        not_exts: extensions the file must not have.
        dirs: globs, one of which must match the name of some enclosing folder.
        top_level: when set, the file must (True) or must not (False) sit at the root.
        content: regular expressions; one must match the head of the file.
        max_size: the file must be at most this many bytes.
    """

    id: str
    component: Component
    reason: str
    names: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    exts: tuple[str, ...] = ()
    not_exts: tuple[str, ...] = ()
    dirs: tuple[str, ...] = ()
    top_level: bool | None = None
    content: tuple[re.Pattern[str], ...] = ()
    max_size: int | None = None
    source: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class LicenseFileRule:
    """File names whose text governs other files (``attribution.yaml``)."""

    id: str
    names: tuple[str, ...]
    components: tuple[Component, ...] = ()
    dirs: tuple[str, ...] = ()


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
_RULE_KEYS = {"id", "component", "reason", "match", "before", "after"}
_MATCH_KEYS = {"name", "path", "ext", "not_ext", "dir", "top_level", "content", "max_size"}
_LICENSE_KEYS = {"key", "name", "kind", "open_data", "freedoms"}
_DOT_ID = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


def _component(value: Any, where: str, line: int | None) -> Component:
    try:
        return Component(value)
    except ValueError:
        known = ", ".join(c.value for c in Component)
        raise RuleError(f"unknown component {value!r} (expected one of: {known})", path=where, line=line) from None


def _parse_component_rule(raw: Any, where: str) -> tuple[ComponentRule, str | None, str | None]:
    if not isinstance(raw, dict):
        raise RuleError("each rule must be a mapping", path=where)
    line = line_of(raw)
    check_keys(raw, _RULE_KEYS, "rule", where)
    for key in ("id", "component", "reason"):
        if not raw.get(key):
            raise RuleError(f"rule is missing {key!r}", path=where, line=line)
    match = raw.get("match") or {}
    if not isinstance(match, dict):
        raise RuleError("'match' must be a mapping", path=where, line=line)
    check_keys(match, _MATCH_KEYS, f"match of rule {raw['id']!r}", where)
    patterns = []
    for pattern in as_list(match.get("content")):
        try:
            patterns.append(re.compile(pattern, re.MULTILINE))
        except re.error as exc:
            raise RuleError(f"bad content regex {pattern!r}: {exc}", path=where, line=line) from None
    rule = ComponentRule(
        id=str(raw["id"]),
        component=_component(raw["component"], where, line),
        reason=str(raw["reason"]),
        names=tuple(n.lower() for n in as_list(match.get("name"))),
        paths=tuple(p.lower() for p in as_list(match.get("path"))),
        exts=tuple(e.lower().lstrip(".") for e in as_list(match.get("ext"))),
        not_exts=tuple(e.lower().lstrip(".") for e in as_list(match.get("not_ext"))),
        dirs=tuple(d.lower() for d in as_list(match.get("dir"))),
        top_level=match.get("top_level"),
        content=tuple(patterns),
        max_size=match.get("max_size"),
        source=f"{where}:{line}" if line else where,
    )
    return rule, raw.get("before"), raw.get("after")


def _parse_row(raw: Any, where: str, line: int | None) -> FreedomRow:
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


def _parse_license(raw: Any, path: Path) -> LicenseFacts:
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
    row = _parse_row(raw.get("freedoms"), where, line)
    if raw.get("open_data") and any(row.cell(f).status is not FreedomStatus.MEETS for f in Freedom):
        raise RuleError(f"{raw['key']}: open_data: true needs every freedom to meet", path=where, line=line)
    return LicenseFacts(key=str(raw["key"]), name=str(raw.get("name") or raw["key"]), kind=kind,
                        open_data=bool(raw.get("open_data", False)), row=row, source=f"{path.name}:{line}")


class RuleSet:
    """All rules in force for a scan, merged from the built-in set and user folders or files.

    Args:
        dirs: rules folders, built-in first.
        profile_files: single profile files given by the user.
        collect: gather every error in ``problems.errors`` instead of raising the first.
    """

    def __init__(self, dirs: Iterable[Path], profile_files: Iterable[Path] = (), collect: bool = False) -> None:
        self.dirs = tuple(Path(d) for d in dirs)
        self.profile_files = tuple(Path(f) for f in profile_files)
        self.problems = Problems(collect)
        self._files: list[Path] = []
        self.component_rules = self._load_component_rules()
        self.license_files, self.component_license_files, self.reference_keys = self._load_attribution()
        self.licenses = self._load_licenses()
        self.hub_licenses = self._load_hub_licenses()
        self.findings = self._load_findings()
        self.mof_licenses = self._load_mof_licenses()
        self.profiles = self._load_profiles()
        if collect:
            self._check_profile_rules()

    # -- loading ---------------------------------------------------------------------------

    def _docs(self, name: str) -> Iterable[tuple[Path, Any]]:
        for folder in self.dirs:
            path = folder / name
            if path.is_file():
                self._files.append(path)
                try:
                    yield path, load_yaml(path)
                except RuleError as exc:
                    self.problems.report(exc)

    def _each(self, doc: Any, key: str, path: Path) -> Iterable[Any]:
        try:
            yield from entries(doc, key, str(path))
        except RuleError as exc:
            self.problems.report(exc)

    def _load_component_rules(self) -> tuple[ComponentRule, ...]:
        rules: list[ComponentRule] = []
        for number, (path, doc) in enumerate(self._docs("components.yaml")):
            added: list[ComponentRule] = []
            for raw in self._each(doc, "rules", path):
                try:
                    rule, before, after = _parse_component_rule(raw, str(path))
                    ids = [r.id for r in rules]
                    anchor = before or after
                    if rule.id not in ids and anchor and anchor not in ids:
                        raise RuleError(f"rule {rule.id!r} refers to unknown rule {anchor!r}", path=str(path),
                                        line=line_of(raw))
                except RuleError as exc:
                    self.problems.report(exc)
                    continue
                if rule.id in ids:
                    rules[ids.index(rule.id)] = rule
                elif anchor:
                    rules.insert(ids.index(anchor) + (1 if after else 0), rule)
                elif number == 0:
                    rules.append(rule)
                else:
                    added.append(rule)
            rules[:0] = added  # a user's new rules take precedence over the built-in ones
        if not rules:
            self.problems.report(RuleError("no classification rules found", path=" ".join(map(str, self.dirs))))
        return tuple(rules)

    def _load_attribution(
        self,
    ) -> tuple[tuple[LicenseFileRule, ...], tuple[LicenseFileRule, ...], frozenset[str]]:
        generic: dict[str, LicenseFileRule] = {}
        scoped: dict[str, LicenseFileRule] = {}
        references: dict[str, str] = {}
        for path, doc in self._docs("attribution.yaml"):
            for raw in self._each(doc, "reference_keys", path):
                if not isinstance(raw, dict) or not raw.get("id") or not raw.get("key"):
                    self.problems.report(RuleError("reference key needs 'id' and 'key'", path=str(path),
                                                   line=line_of(raw)))
                    continue
                references[raw["id"]] = str(raw["key"])
            for key, target in (("license_files", generic), ("component_license_files", scoped)):
                for raw in self._each(doc, key, path):
                    try:
                        target[raw["id"]] = self._license_file_rule(raw, key, str(path))
                    except (RuleError, TypeError, KeyError) as exc:
                        self.problems.report(exc if isinstance(exc, RuleError) else RuleError(
                            "license file rule must be a mapping with 'id' and 'name'", path=str(path)))
        return tuple(generic.values()), tuple(scoped.values()), frozenset(references.values())

    @staticmethod
    def _license_file_rule(raw: dict[str, Any], key: str, where: str) -> LicenseFileRule:
        line = line_of(raw)
        if not raw.get("id") or not raw.get("name"):
            raise RuleError("license file rule needs 'id' and 'name'", path=where, line=line)
        comps = tuple(_component(c, where, line) for c in as_list(raw.get("components")))
        if key == "component_license_files" and not comps:
            raise RuleError("component license file rule needs 'components'", path=where, line=line)
        return LicenseFileRule(id=raw["id"], names=tuple(n.lower() for n in as_list(raw["name"])),
                               components=comps, dirs=tuple(d.lower() for d in as_list(raw.get("dir"))))

    def _load_licenses(self) -> dict[str, LicenseFacts]:
        facts: dict[str, LicenseFacts] = {}
        for path, doc in self._docs("licenses.yaml"):
            for raw in self._each(doc, "licenses", path):
                try:
                    entry = _parse_license(raw, path)
                    if self.problems.collect and scancode_license_info(entry.key) is None:
                        raise RuleError(f"{entry.key!r} is not a ScanCode license key", path=str(path),
                                        line=line_of(raw))
                except RuleError as exc:
                    self.problems.report(exc)
                    continue
                facts[entry.key] = entry
        return facts

    def _load_hub_licenses(self) -> dict[str, HubLicense]:
        table: dict[str, HubLicense] = {}
        for path, doc in self._docs("hub-licenses.yaml"):
            for raw in self._each(doc, "licenses", path):
                if not isinstance(raw, dict) or not raw.get("id"):
                    self.problems.report(RuleError("hub license entry needs an 'id'", path=str(path),
                                                   line=line_of(raw)))
                    continue
                if raw.get("expression") is None and not raw.get("reason"):
                    self.problems.report(RuleError(f"hub license {raw['id']!r} maps to null: give a 'reason'",
                                                   path=str(path), line=line_of(raw)))
                unknown = [k for k in SYMBOL.findall(raw.get("expression") or "")
                           if k.lower() not in ("and", "or", "with") and scancode_license_info(k) is None]
                if self.problems.collect and unknown:
                    self.problems.report(RuleError(f"hub license {raw['id']!r}: unknown ScanCode key(s) {unknown}",
                                                   path=str(path), line=line_of(raw)))
                table[str(raw["id"]).lower()] = HubLicense(
                    id=str(raw["id"]), name=str(raw.get("name") or raw["id"]),
                    expression=raw.get("expression") or None, reason=str(raw.get("reason") or ""))
        return table

    def _load_findings(self) -> dict[str, FindingSpec]:
        specs: dict[str, FindingSpec] = {}
        for path, doc in self._docs("findings.yaml"):
            for raw in self._each(doc, "findings", path):
                line = line_of(raw)
                try:
                    if not isinstance(raw, dict):
                        raise RuleError("each finding must be a mapping", path=str(path))
                    check_keys(raw, {"id", "severity", "title", "hint"}, "finding", str(path))
                    if not _DOT_ID.match(str(raw.get("id") or "")):
                        raise RuleError(f"finding id {raw.get('id')!r} must be dotted lowercase (a.b-c)",
                                        path=str(path), line=line)
                    severity = Severity(raw.get("severity"))
                    if not raw.get("title") or not raw.get("hint"):
                        raise RuleError(f"finding {raw['id']!r} needs a 'title' and a 'hint'", path=str(path),
                                        line=line)
                except ValueError:
                    self.problems.report(RuleError(f"unknown severity {raw.get('severity')!r} (error, warning, info)",
                                                   path=str(path), line=line))
                    continue
                except RuleError as exc:
                    self.problems.report(exc)
                    continue
                specs[raw["id"]] = FindingSpec(id=raw["id"], severity=severity, title=" ".join(str(raw["title"]).split()),
                                               hint=" ".join(str(raw["hint"]).split()))
        return specs

    def _load_mof_licenses(self) -> MofLicenses:
        recommended: dict[str, tuple[str, ...]] = {}
        open_data: tuple[str, ...] = ()
        source = ""
        for path, doc in self._docs("mof/licenses.yaml"):
            try:
                if not isinstance(doc, dict):
                    raise RuleError("expected a mapping with 'recommended' and 'open_data'", path=str(path))
                check_keys(doc, {"schema", "source", "recommended", "open_data"}, "MOF license lists", str(path))
                raw = doc.get("recommended") or {}
                unknown = sorted(set(raw) - set(CONTENT_TYPES) - {"__line__"})
                if unknown:
                    raise RuleError(f"unknown content type(s) {unknown}", path=str(path), line=line_of(raw))
            except RuleError as exc:
                self.problems.report(exc)
                continue
            for content_type in CONTENT_TYPES:
                if content_type in raw:
                    recommended[content_type] = as_list(raw[content_type])
            if "open_data" in doc:
                open_data = as_list(doc["open_data"])
            source = str(doc.get("source") or source)
        return MofLicenses(recommended=tuple(sorted(recommended.items())), open_data=open_data, source=source)

    def _load_profiles(self) -> dict[str, Profile]:
        profiles: dict[str, Profile] = {}
        paths = [p for folder in self.dirs for p in sorted((folder / "profiles").glob("*.yaml"))]
        for path in paths + list(self.profile_files):
            self._files.append(path)
            try:
                profile = parse_profile(load_yaml(path), path, self.problems.report)
            except RuleError as exc:
                self.problems.report(exc)
                continue
            profiles[profile.id] = profile
        return profiles

    def _check_profile_rules(self) -> None:
        """Profile file matchers must name classification rules that exist (typos match nothing)."""
        ids = [r.id for r in self.component_rules]
        for profile in self.profiles.values():
            policies = [p for _, p in profile.components]
            matchers = [m for p in policies if p.information for m in p.information.files]
            if profile.mof:
                matchers += [m for c in profile.mof.components for m in (*c.match, *c.exclude)]
            for matcher in matchers:
                for pattern in matcher.rules:
                    if not any(fnmatch.fnmatchcase(i, pattern) for i in ids):
                        where, _, line = matcher.source.rpartition(":")
                        self.problems.report(RuleError(
                            f"rule {pattern!r} matches no classification rule id", path=where or matcher.source,
                            line=int(line) if line.isdigit() else None))

    # -- queries ---------------------------------------------------------------------------

    @cached_property
    def digest(self) -> str:
        """A digest of every rules file in force, recorded in reports and cache keys."""
        h = hashlib.sha256()
        for path in self._files:
            h.update(path.name.encode())
            h.update(path.read_bytes())
        return "sha256:" + h.hexdigest()[:16]

    def profile(self, name: str) -> Profile:
        """Return the profile called ``name``.

        Raises:
            RuleError: no such profile.
        """
        try:
            return self.profiles[name]
        except KeyError:
            known = ", ".join(sorted(self.profiles)) or "none"
            raise RuleError(f"unknown profile {name!r} (available: {known})", path="profiles") from None


def split_rule_paths(extra: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Sort ``--rules`` arguments into folders and single profile files.

    Raises:
        RuleError: a path does not exist, or is a file that is not a ``.yaml`` profile.
    """
    dirs, files = [], []
    for item in extra:
        item = Path(item)
        if item.is_dir():
            dirs.append(item)
        elif item.is_file() and item.suffix in (".yaml", ".yml"):
            files.append(item)
        elif item.exists():
            raise RuleError("--rules takes a rules folder or a profile .yaml file", path=str(item))
        else:
            raise RuleError("rules folder or profile file not found", path=str(item))
    return dirs, files


def load_rules(extra: Iterable[Path] = ()) -> RuleSet:
    """Load the built-in rules, then each folder (or profile file) of ``extra`` on top.

    Raises:
        RuleError: a rules path does not exist or a file in it is invalid.
    """
    dirs, files = split_rule_paths(extra)
    return RuleSet([builtin_rules_dir(), *dirs], files)


__all__ = ["ComponentRule", "FindingSpec", "HubLicense", "LICENSE_KINDS", "LicenseFacts", "LicenseFileRule",
           "MofLicenses", "Profile", "RuleSet", "builtin_rules_dir", "load_rules", "split_rule_paths"]
