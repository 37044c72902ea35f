"""Load and validate the rules under ``rules/`` (and a user's ``--rules DIR``).

Rules are data: component classification (``components.yaml``), license-file naming
(``attribution.yaml``), license freedoms (``licenses.yaml``), Hub license ids
(``hub-licenses.yaml``) and policy profiles (``profiles/*.yaml``). A user folder given with
``--rules`` holds files of the same names; its entries are merged by id (an entry with an
existing id replaces it, a new entry is added, new classification rules first).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from .component_rules import ComponentRule, parse_component_rule
from .component_rules import as_list as _as_list
from .component_rules import component_of as _component
from .errors import RuleError
from .models import Component, Freedom, FreedomCell, FreedomRow, FreedomStatus, Requirement


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that records the line of every mapping as ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def builtin_rules_dir() -> Path:
    """The rules shipped with osai-scan (packaged copy, or ``rules/`` in a source checkout)."""
    packaged = resources.files("osai_scan") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


def _load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(f"cannot read rules file: {exc.strerror}", path=str(path)) from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else None
        raise RuleError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path=str(path), line=line) from None


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
    """

    id: str
    name: str
    library_names: tuple[str, ...]
    formats: tuple[str, ...]
    license: str
    source: str
    license_url: str
    where: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentPolicy:
    """What a profile requires of one component."""

    requirement: Requirement
    freedoms: tuple[Freedom, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """A policy profile (``profiles/<id>.yaml``)."""

    id: str
    title: str
    description: str
    components: tuple[tuple[Component, ComponentPolicy], ...]
    source: str

    def policy(self, component: Component) -> ComponentPolicy:
        """Return what this profile asks of ``component``."""
        return dict(self.components)[component]


_FREEDOM_STATUSES = {s.value for s in FreedomStatus}
def _parse_row(raw: Any, where: str, line: int | None) -> FreedomRow:
    if not isinstance(raw, dict):
        raise RuleError("'freedoms' must be a mapping of study/use/modify/share", path=where, line=line)
    cells = {}
    for freedom in Freedom:
        cell = raw.get(freedom.value)
        if not isinstance(cell, dict) or cell.get("status") not in _FREEDOM_STATUSES:
            raise RuleError(
                f"freedom {freedom.value!r} needs a status among {sorted(_FREEDOM_STATUSES)}",
                path=where,
                line=(cell or {}).get("__line__", line) if isinstance(cell, dict) else line,
            )
        because = str(cell.get("because") or "").strip()
        if not because:
            raise RuleError(f"freedom {freedom.value!r} needs a 'because'", path=where, line=cell.get("__line__"))
        cells[freedom.value] = FreedomCell(status=FreedomStatus(cell["status"]), because=(because,))
    return FreedomRow(**cells)


def _entries(doc: Any, key: str, where: str) -> list[Any]:
    if doc is None:
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get(key, []), list):
        raise RuleError(f"expected a mapping with a list under {key!r}", path=where)
    return doc.get(key) or []


class RuleSet:
    """All rules in force for a scan, merged from the built-in set and user folders."""

    def __init__(self, dirs: Iterable[Path]) -> None:
        self.dirs = tuple(Path(d) for d in dirs)
        self._files: list[Path] = []
        self.component_rules = self._load_component_rules()
        self.license_files, self.component_license_files, self.reference_keys = self._load_attribution()
        self.licenses = self._load_licenses()
        self.hub_licenses = self._load_hub_licenses()
        self.frameworks = self._load_frameworks()
        self.profiles = self._load_profiles()

    # -- loading ---------------------------------------------------------------------------

    def _docs(self, name: str) -> Iterable[tuple[Path, Any]]:
        for folder in self.dirs:
            path = folder / name
            if path.is_file():
                self._files.append(path)
                yield path, _load_yaml(path)

    def _load_component_rules(self) -> tuple[ComponentRule, ...]:
        rules: list[ComponentRule] = []
        for number, (path, doc) in enumerate(self._docs("components.yaml")):
            added: list[ComponentRule] = []
            for raw in _entries(doc, "rules", str(path)):
                rule, before, after = parse_component_rule(raw, str(path))
                ids = [r.id for r in rules]
                if rule.id in ids:
                    rules[ids.index(rule.id)] = rule
                elif before or after:
                    anchor = before or after
                    if anchor not in ids:
                        raise RuleError(f"rule {rule.id!r} refers to unknown rule {anchor!r}", path=str(path))
                    rules.insert(ids.index(anchor) + (1 if after else 0), rule)
                elif number == 0:
                    rules.append(rule)
                else:
                    added.append(rule)
            rules[:0] = added  # a user's new rules take precedence over the built-in ones
        if not rules:
            raise RuleError("no classification rules found", path=" ".join(map(str, self.dirs)))
        return tuple(rules)

    def _load_attribution(
        self,
    ) -> tuple[tuple[LicenseFileRule, ...], tuple[LicenseFileRule, ...], frozenset[str]]:
        generic: dict[str, LicenseFileRule] = {}
        scoped: dict[str, LicenseFileRule] = {}
        references: dict[str, str] = {}
        for path, doc in self._docs("attribution.yaml"):
            for raw in _entries(doc, "reference_keys", str(path)):
                if not raw.get("id") or not raw.get("key"):
                    raise RuleError("reference key needs 'id' and 'key'", path=str(path), line=raw.get("__line__"))
                references[raw["id"]] = str(raw["key"])
            for key, target in (("license_files", generic), ("component_license_files", scoped)):
                for raw in _entries(doc, key, str(path)):
                    line = raw.get("__line__")
                    if not raw.get("id") or not raw.get("name"):
                        raise RuleError("license file rule needs 'id' and 'name'", path=str(path), line=line)
                    comps = tuple(_component(c, str(path), line) for c in _as_list(raw.get("components")))
                    if key == "component_license_files" and not comps:
                        raise RuleError("component license file rule needs 'components'", path=str(path), line=line)
                    target[raw["id"]] = LicenseFileRule(
                        id=raw["id"],
                        names=tuple(n.lower() for n in _as_list(raw["name"])),
                        components=comps,
                        dirs=tuple(d.lower() for d in _as_list(raw.get("dir"))),
                    )
        return tuple(generic.values()), tuple(scoped.values()), frozenset(references.values())

    def _load_licenses(self) -> dict[str, LicenseFacts]:
        facts: dict[str, LicenseFacts] = {}
        for path, doc in self._docs("licenses.yaml"):
            for raw in _entries(doc, "licenses", str(path)):
                line = raw.get("__line__")
                if not raw.get("key"):
                    raise RuleError("license entry needs a 'key'", path=str(path), line=line)
                facts[raw["key"]] = LicenseFacts(
                    key=raw["key"],
                    name=str(raw.get("name") or raw["key"]),
                    kind=str(raw.get("kind") or "generic"),
                    open_data=bool(raw.get("open_data", False)),
                    row=_parse_row(raw.get("freedoms"), str(path), line),
                    source=f"{path.name}:{line}",
                )
        return facts

    def _load_hub_licenses(self) -> dict[str, HubLicense]:
        table: dict[str, HubLicense] = {}
        for path, doc in self._docs("hub-licenses.yaml"):
            for raw in _entries(doc, "licenses", str(path)):
                if not raw.get("id"):
                    raise RuleError("hub license entry needs an 'id'", path=str(path), line=raw.get("__line__"))
                table[str(raw["id"]).lower()] = HubLicense(
                    id=str(raw["id"]),
                    name=str(raw.get("name") or raw["id"]),
                    expression=raw.get("expression") or None,
                    reason=str(raw.get("reason") or ""),
                )
        return table

    def _load_frameworks(self) -> tuple[Framework, ...]:
        table: dict[str, Framework] = {}
        for path, doc in self._docs("frameworks.yaml"):
            for raw in _entries(doc, "frameworks", str(path)):
                line = raw.get("__line__")
                for key in ("id", "name", "license", "source"):
                    if not raw.get(key):
                        raise RuleError(f"framework entry needs {key!r}", path=str(path), line=line)
                names = tuple(n.lower() for n in _as_list(raw.get("library_names")))
                formats = tuple(f.lower().lstrip(".") for f in _as_list(raw.get("formats")))
                if not names and not formats:
                    raise RuleError("framework entry needs 'library_names' or 'formats'", path=str(path), line=line)
                table[str(raw["id"])] = Framework(
                    id=str(raw["id"]), name=str(raw["name"]), library_names=names, formats=formats,
                    license=str(raw["license"]), source=str(raw["source"]),
                    license_url=str(raw.get("license_url") or raw["source"]), where=f"{path.name}:{line}")
        return tuple(table.values())

    def _load_profiles(self) -> dict[str, Profile]:
        profiles: dict[str, Profile] = {}
        for folder in self.dirs:
            for path in sorted((folder / "profiles").glob("*.yaml")):
                self._files.append(path)
                doc = _load_yaml(path)
                if not isinstance(doc, dict) or not doc.get("id"):
                    raise RuleError("a profile needs an 'id'", path=str(path))
                comps = []
                raw_components = doc.get("components") or {}
                for component in (Component.CODE, Component.TRAINING_CODE, Component.MODEL,
                                  Component.TRAINING_DATA, Component.DATA):
                    raw = raw_components.get(component.value)
                    if not isinstance(raw, dict):
                        raise RuleError(f"profile must say what it asks of {component.value!r}",
                                        path=str(path), line=doc.get("__line__"))
                    line = raw.get("__line__")
                    try:
                        requirement = Requirement(raw.get("requirement"))
                    except ValueError:
                        raise RuleError(f"unknown requirement {raw.get('requirement')!r}", path=str(path),
                                        line=line) from None
                    try:
                        freedoms = tuple(Freedom(f) for f in _as_list(raw.get("freedoms")))
                    except ValueError as exc:
                        raise RuleError(str(exc), path=str(path), line=line) from None
                    comps.append((component, ComponentPolicy(requirement=requirement, freedoms=freedoms)))
                profiles[doc["id"]] = Profile(
                    id=doc["id"],
                    title=str(doc.get("title") or doc["id"]),
                    description=str(doc.get("description") or "").strip(),
                    components=tuple(comps),
                    source=str(path),
                )
        return profiles

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


def load_rules(extra: Iterable[Path] = ()) -> RuleSet:
    """Load the built-in rules, then each folder of ``extra`` on top.

    Raises:
        RuleError: a rules folder does not exist or a file in it is invalid.
    """
    dirs = [builtin_rules_dir()]
    for folder in extra:
        folder = Path(folder)
        if not folder.is_dir():
            raise RuleError("rules folder not found", path=str(folder))
        dirs.append(folder)
    return RuleSet(dirs)
