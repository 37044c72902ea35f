"""Load and validate the rules under ``rules/`` (and a user's ``--rules DIR`` or profile file).

Rules are data: component classification (``components.yaml``), license-file naming
(``attribution.yaml``), license freedoms (``licenses.yaml``), Hub license ids
(``hub-licenses.yaml``), frameworks that stand in for Code (``frameworks.yaml``), the findings catalogue (``findings.yaml``), the Model Openness
Framework's license lists (``mof/licenses.yaml``) and policy profiles (``profiles/*.yaml``).
A user folder holds files of the same names; entries are merged by id (an entry with an
existing id replaces it, a new entry is added, new classification rules first). A single
profile file can be given too.
"""

from __future__ import annotations

import fnmatch
import hashlib
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from ..errors import RuleError
from ..models import Component
from .components import ComponentRule, parse_component_rule
from .components import component_of as component
from .entries import (
    Companion,
    StatementRule,
    parse_companion,
    parse_statement,
    parse_third_party,
    WeightSource,
    parse_weight_source,
    LICENSE_KINDS,
    FindingSpec,
    Framework,
    HubLicense,
    LicenseFacts,
    LicenseFileRule,
    MofLicenses,
    parse_finding,
    parse_framework,
    parse_license,
)
from .notices import NoticeRules, load_notice_rules
from .parse import Problems, as_list, check_keys, entries, line_of, load_yaml
from .profiles import CONTENT_TYPES, Profile, parse_profile
from .scancode_db import SYMBOL, scancode_license_info


def builtin_rules_dir() -> Path:
    """The rules shipped with osai-scan (packaged copy, or ``rules/`` in a source checkout)."""
    packaged = resources.files("osai_scan") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


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
        self.companions = tuple(self._by_id("attribution.yaml", "companions", parse_companion).values())
        self.third_party_license_files = tuple(
            self._by_id("attribution.yaml", "third_party_license_files", parse_third_party).values())
        self.scoped_statements = tuple(self._by_id("attribution.yaml", "scoped_statements", parse_statement).values())
        self.statement_max_lines = self._statement_max_lines()
        self.root_model_license_kinds = self._root_model_license_kinds()
        self.weight_sources = tuple(self._by_id("weights.yaml", "sources", parse_weight_source).values())
        self.weight_files = self._weight_settings()
        self.licenses = self._load_licenses()
        self.hub_licenses = self._load_hub_licenses()
        self.frameworks = self._load_frameworks()
        self.findings = self._load_findings()
        self.notices = load_notice_rules(self._docs("notices.yaml"), self.problems.report)
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
                    rule, before, after = parse_component_rule(raw, str(path))
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
        comps = tuple(component(c, where, line) for c in as_list(raw.get("components")))
        if key == "component_license_files" and not comps:
            raise RuleError("component license file rule needs 'components'", path=where, line=line)
        absent = (tuple(component(c, where, line) for c in as_list(raw["declares_absent"]))
                  if raw.get("declares_absent") is not None else None)
        if absent is not None and not set(absent) <= set(comps):
            raise RuleError("'declares_absent' names a component the rule does not cover", path=where, line=line)
        return LicenseFileRule(id=raw["id"], names=tuple(n.lower() for n in as_list(raw["name"])),
                               components=comps, dirs=tuple(d.lower() for d in as_list(raw.get("dir"))),
                               declares_absent=absent)

    def _load_licenses(self) -> dict[str, LicenseFacts]:
        facts: dict[str, LicenseFacts] = {}
        for path, doc in self._docs("licenses.yaml"):
            for raw in self._each(doc, "licenses", path):
                try:
                    entry = parse_license(raw, path)
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

    def _statement_max_lines(self) -> int:
        """How many lines of a paragraph one scoped statement is read over (the last folder's wins)."""
        value = 3
        for path, doc in self._docs("attribution.yaml"):
            raw = doc.get("statement_max_lines") if isinstance(doc, dict) else None
            if raw is None:
                continue
            if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= 20:
                self.problems.report(RuleError("statement_max_lines must be a whole number of lines from 1 to 20",
                                               path=str(path), line=line_of(doc)))
                continue
            value = raw
        return value

    def _root_model_license_kinds(self) -> tuple[str, ...]:
        """License kinds whose root license file declares the Model (the last folder's wins)."""
        value: tuple[str, ...] = ()
        for path, doc in self._docs("attribution.yaml"):
            raw = doc.get("root_model_license_kinds") if isinstance(doc, dict) else None
            if raw is None:
                continue
            if not isinstance(raw, list) or not all(isinstance(k, str) for k in raw):
                self.problems.report(RuleError("root_model_license_kinds must be a list of license kinds",
                                               path=str(path), line=line_of(doc)))
                continue
            value = tuple(raw)
        return value

    def _weight_settings(self) -> tuple[tuple[Component, ...], tuple[str, ...], int]:
        """The components, file globs and size cap of ``weights.yaml`` (the last folder's win)."""
        settings: tuple[tuple[Component, ...], tuple[str, ...], int] = ((), (), 1024 * 1024)
        for path, doc in self._docs("weights.yaml"):
            if not isinstance(doc, dict):
                continue
            try:
                check_keys(doc, {"schema", "components", "files", "max_bytes", "sources"}, "weights.yaml", str(path))
                comps = tuple(component(c, str(path), line_of(doc)) for c in as_list(doc.get("components")))
                settings = (comps or settings[0], as_list(doc.get("files")) or settings[1],
                            int(doc.get("max_bytes", settings[2])))
            except (RuleError, ValueError) as exc:
                self.problems.report(exc if isinstance(exc, RuleError) else RuleError(
                    "weights.yaml: max_bytes is a number", path=str(path)))
        return settings

    def _by_id(self, name: str, key: str, parse: Any) -> dict[str, Any]:
        """Entries under ``key`` of every ``name`` file, merged by id."""
        table: dict[str, Any] = {}
        for path, doc in self._docs(name):
            for raw in self._each(doc, key, path):
                try:
                    entry = parse(raw, str(path))
                except RuleError as exc:
                    self.problems.report(exc)
                    continue
                table[entry.id] = entry
        return table

    def _load_frameworks(self) -> tuple[Framework, ...]:
        return tuple(self._by_id("frameworks.yaml", "frameworks", lambda raw, where: parse_framework(raw, Path(where)))
                     .values())

    def _load_findings(self) -> dict[str, FindingSpec]:
        return self._by_id("findings.yaml", "findings", parse_finding)

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


__all__ = ["ComponentRule", "FindingSpec", "Framework", "HubLicense", "LICENSE_KINDS", "LicenseFacts", "LicenseFileRule",
           "Companion", "WeightSource", "MofLicenses", "NoticeRules", "StatementRule", "Profile", "RuleSet", "builtin_rules_dir", "load_rules", "split_rule_paths"]
