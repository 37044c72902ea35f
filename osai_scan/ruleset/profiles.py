"""Policy profiles (``rules/profiles/*.yaml``): what each profile asks of an AI system.

Two kinds of profile exist, both pure data:

- ``components`` profiles say, for each of the five components, a requirement (required,
  information, reported, not-applicable), the freedoms its licenses must meet and the
  criterion its licenses must satisfy (``osd``, ``open-data``, ``osd-or-open-data``);
- the ``mof`` kind describes the Model Openness Framework: its components (each typed code,
  data or document, with a class and file matchers) and cumulative classes III → II → I.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from ..errors import RuleError
from ..models import AI_COMPONENTS, Component, Criterion, Freedom, Requirement
from .parse import as_list, check_keys, line_of

PROFILE_SCHEMA = "osai-scan/profile/1"
CONTENT_TYPES = ("code", "data", "document")
_PROFILE_KEYS = {"schema", "id", "title", "description", "kind", "components", "framework", "verdict_class",
                 "criterion", "classes", "mof_components", "source"}
_POLICY_KEYS = {"requirement", "criterion", "freedoms", "because", "information"}
_MATCH_KEYS = {"component", "rule", "name", "path", "dir", "top_level"}
_MOF_KEYS = {"id", "mof_id", "name", "description", "content_type", "class", "required", "match", "exclude",
             "card_keys"}


@dataclass(frozen=True, slots=True, kw_only=True)
class FileMatcher:
    """Selects files by label and path. All given conditions must hold; list values are alternatives.

    Attributes:
        components: the file's component label is one of these.
        rules: globs on the id of the classification rule that labelled the file.
        names: globs on the file name (case-insensitive).
        paths: globs on the repo-relative path (case-insensitive; ``*`` crosses folders).
        dirs: globs, one of which must match the name of some enclosing folder.
        top_level: the file must (True) or must not (False) sit at the root.
    """

    components: tuple[Component, ...] = ()
    rules: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    dirs: tuple[str, ...] = ()
    top_level: bool | None = None
    source: str = ""

    def matches(self, path: str, component: Component, rule: str) -> bool:
        """True when the file at ``path``, labelled ``component`` by ``rule``, matches."""
        if self.components and component not in self.components:
            return False
        if self.rules and not _glob_any(rule, self.rules):
            return False
        lower = path.lower()
        parts = lower.split("/")  # repo-relative POSIX paths: the same parts as PurePosixPath's
        if self.top_level is not None and self.top_level != (len(parts) == 1):
            return False
        if self.names and not _glob_any(parts[-1], self.names):
            return False
        if self.paths and not _glob_any(lower, self.paths):
            return False
        if self.dirs and not any(_glob_any(part, self.dirs) for part in parts[:-1]):
            return False
        return True


@lru_cache(maxsize=1024)
def _globs(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


def _glob_any(value: str, patterns: tuple[str, ...]) -> bool:
    """``fnmatchcase(value, p)`` for some ``p`` of ``patterns``, with one compiled regex."""
    return _globs(patterns).match(value) is not None


def any_match(matchers: tuple[FileMatcher, ...], path: str, component: Component, rule: str) -> bool:
    """True when one of ``matchers`` matches the file."""
    return any(m.matches(path, component, rule) for m in matchers)


@dataclass(frozen=True, slots=True, kw_only=True)
class InformationSpec:
    """Evidence that counts as information about a component (OSAID's data information).

    Attributes:
        card_keys: model card metadata keys whose presence counts (e.g. ``datasets``).
        files: files whose presence counts (data cards, datasheets, technical reports).
    """

    card_keys: tuple[str, ...] = ()
    files: tuple[FileMatcher, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentPolicy:
    """What a profile asks of one component."""

    requirement: Requirement
    criterion: Criterion
    freedoms: tuple[Freedom, ...]
    because: str = ""
    information: InformationSpec | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MofComponentSpec:
    """One Model Openness Framework component and how osai-scan finds its files."""

    id: str
    mof_id: int
    name: str
    description: str
    content_type: str
    mof_class: int
    required: bool
    match: tuple[FileMatcher, ...]
    exclude: tuple[FileMatcher, ...] = ()
    card_keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MofSpec:
    """The MOF part of a ``mof`` profile."""

    framework: str
    verdict_class: int
    criterion: Criterion
    class_names: tuple[tuple[int, str], ...]
    components: tuple[MofComponentSpec, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """A policy profile (``profiles/<id>.yaml``)."""

    id: str
    title: str
    description: str
    kind: str
    components: tuple[tuple[Component, ComponentPolicy], ...]
    source: str
    mof: MofSpec | None = None

    def policy(self, component: Component) -> ComponentPolicy:
        """Return what this profile asks of ``component``."""
        return dict(self.components)[component]


def _enum(kind: type, value: Any, what: str, where: str, line: int | None) -> Any:
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(m.value for m in kind)
        raise RuleError(f"unknown {what} {value!r} (expected one of: {known})", path=where, line=line) from None


def parse_matcher(raw: Any, where: str, line: int | None) -> FileMatcher:
    """Parse one file matcher mapping.

    Raises:
        RuleError: not a mapping, unknown key or unknown component.
    """
    if not isinstance(raw, dict):
        raise RuleError("a file matcher must be a mapping", path=where, line=line)
    line = line_of(raw, line)
    check_keys(raw, _MATCH_KEYS, "file matcher", where)
    if len(set(raw) - {"__line__"}) == 0:
        raise RuleError("a file matcher needs at least one condition", path=where, line=line)
    top = raw.get("top_level")
    if top is not None and not isinstance(top, bool):
        raise RuleError("'top_level' must be true or false", path=where, line=line)
    return FileMatcher(
        components=tuple(_enum(Component, c, "component", where, line) for c in as_list(raw.get("component"))),
        rules=as_list(raw.get("rule")),
        names=tuple(n.lower() for n in as_list(raw.get("name"))),
        paths=tuple(p.lower() for p in as_list(raw.get("path"))),
        dirs=tuple(d.lower() for d in as_list(raw.get("dir"))),
        top_level=top,
        source=f"{where}:{line}" if line else where,
    )


def _matchers(raw: Any, where: str, line: int | None) -> tuple[FileMatcher, ...]:
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    return tuple(parse_matcher(item, where, line) for item in items)


def _policy(raw: Any, component: Component, where: str, line: int | None) -> ComponentPolicy:
    if not isinstance(raw, dict):
        raise RuleError(f"profile must say what it asks of {component.value!r}", path=where, line=line)
    line = line_of(raw, line)
    check_keys(raw, _POLICY_KEYS, f"component {component.value!r}", where)
    requirement = _enum(Requirement, raw.get("requirement"), "requirement", where, line)
    criterion = _enum(Criterion, raw.get("criterion", Criterion.OSD.value), "criterion", where, line)
    freedoms = tuple(_enum(Freedom, f, "freedom", where, line) for f in as_list(raw.get("freedoms")))
    information = None
    if requirement is Requirement.INFORMATION:
        info = raw.get("information")
        if not isinstance(info, dict):
            raise RuleError("requirement 'information' needs an 'information' mapping (card_keys, files)",
                            path=where, line=line)
        check_keys(info, {"card_keys", "files"}, "information", where)
        information = InformationSpec(card_keys=as_list(info.get("card_keys")),
                                      files=_matchers(info.get("files"), where, line_of(info, line)))
    elif raw.get("information") is not None:
        raise RuleError("'information' is only allowed with requirement: information", path=where, line=line)
    return ComponentPolicy(requirement=requirement, criterion=criterion, freedoms=freedoms or tuple(Freedom),
                           because=str(raw.get("because") or "").strip(), information=information)


def _mof_component(raw: Any, where: str, classes: dict[int, str]) -> MofComponentSpec:
    if not isinstance(raw, dict):
        raise RuleError("each MOF component must be a mapping", path=where)
    line = line_of(raw)
    check_keys(raw, _MOF_KEYS, "MOF component", where)
    for key in ("id", "mof_id", "name", "content_type", "class", "match"):
        if raw.get(key) in (None, ""):
            raise RuleError(f"MOF component is missing {key!r}", path=where, line=line)
    if raw["content_type"] not in CONTENT_TYPES:
        raise RuleError(f"unknown content_type {raw['content_type']!r} (expected one of: {', '.join(CONTENT_TYPES)})",
                        path=where, line=line)
    if raw["class"] not in classes:
        raise RuleError(f"unknown class {raw['class']!r} (classes: {sorted(classes)})", path=where, line=line)
    return MofComponentSpec(
        id=str(raw["id"]), mof_id=int(raw["mof_id"]), name=str(raw["name"]),
        description=str(raw.get("description") or ""), content_type=str(raw["content_type"]),
        mof_class=int(raw["class"]), required=bool(raw.get("required", True)),
        match=_matchers(raw["match"], where, line), exclude=_matchers(raw.get("exclude"), where, line),
        card_keys=as_list(raw.get("card_keys")),
    )


def _mof(doc: dict[str, Any], where: str) -> MofSpec:
    line = line_of(doc)
    raw_classes = doc.get("classes")
    if not isinstance(raw_classes, dict) or not raw_classes:
        raise RuleError("a mof profile needs 'classes' (class number: name)", path=where, line=line)
    classes = {int(k): str(v) for k, v in raw_classes.items() if k != "__line__"}
    verdict_class = doc.get("verdict_class", max(classes))
    if verdict_class not in classes:
        raise RuleError(f"verdict_class {verdict_class!r} is not one of the classes {sorted(classes)}", path=where,
                        line=line)
    raw_components = doc.get("mof_components")
    if not isinstance(raw_components, list) or not raw_components:
        raise RuleError("a mof profile needs a list of 'mof_components'", path=where, line=line)
    components = tuple(_mof_component(raw, where, classes) for raw in raw_components)
    ids = [c.id for c in components]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuleError(f"duplicate MOF component id(s) {duplicates}", path=where, line=line)
    return MofSpec(framework=str(doc.get("framework") or "Model Openness Framework"), verdict_class=int(verdict_class),
                   criterion=_enum(Criterion, doc.get("criterion", "osd-or-open-data"), "criterion", where, line),
                   class_names=tuple(sorted(classes.items(), reverse=True)), components=components)


#: The five-component view of a mof profile when it does not give one: everything reported.
_MOF_DEFAULT = ComponentPolicy(requirement=Requirement.REPORTED, criterion=Criterion.OSD_OR_OPEN_DATA,
                               freedoms=tuple(Freedom), because="reported; the MOF classes decide the verdict")


def _raise(error: RuleError) -> None:
    raise error


def parse_profile(doc: Any, path: Path, report: Callable[[RuleError], None] = _raise) -> Profile:
    """Parse a profile document.

    Args:
        doc: the loaded YAML.
        path: the profile file.
        report: receives every error but the last of a profile with several bad components
            (the last is raised), so that a validation can name them all.

    Raises:
        RuleError: the document is not a valid profile (names the file and line).
    """
    where = str(path)
    if not isinstance(doc, dict) or not doc.get("id"):
        raise RuleError("a profile needs an 'id'", path=where, line=line_of(doc))
    check_keys(doc, _PROFILE_KEYS, "profile", where)
    if doc.get("schema", PROFILE_SCHEMA) != PROFILE_SCHEMA:
        raise RuleError(f"unknown profile schema {doc.get('schema')!r} (expected {PROFILE_SCHEMA})", path=where,
                        line=line_of(doc))
    kind = str(doc.get("kind") or "components")
    if kind not in ("components", "mof"):
        raise RuleError(f"unknown profile kind {kind!r} (expected components or mof)", path=where, line=line_of(doc))
    raw_components = doc.get("components")
    if raw_components is None and kind == "mof":
        comps = tuple((c, _MOF_DEFAULT) for c in AI_COMPONENTS)
    else:
        if not isinstance(raw_components, dict):
            raise RuleError("a profile needs 'components' (what it asks of each of the five)", path=where,
                            line=line_of(doc))
        unknown = sorted(set(raw_components) - {c.value for c in AI_COMPONENTS} - {"__line__"})
        if unknown:
            raise RuleError(f"unknown component(s) {unknown} in profile", path=where, line=line_of(raw_components))
        parsed, errors = [], []
        for c in AI_COMPONENTS:
            try:
                parsed.append((c, _policy(raw_components.get(c.value), c, where, line_of(raw_components))))
            except RuleError as exc:
                errors.append(exc)
        if errors:
            for error in errors[:-1]:
                report(error)
            raise errors[-1]
        comps = tuple(parsed)
    return Profile(id=str(doc["id"]), title=str(doc.get("title") or doc["id"]),
                   description=" ".join(str(doc.get("description") or "").split()), kind=kind,
                   components=comps, source=f"{path.parent.name}/{path.name}",
                   mof=_mof(doc, where) if kind == "mof" else None)


__all__ = ["CONTENT_TYPES", "ComponentPolicy", "FileMatcher", "InformationSpec", "MofComponentSpec", "MofSpec",
           "Profile", "any_match", "parse_matcher", "parse_profile"]
