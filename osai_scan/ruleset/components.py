"""Classification rules of ``components.yaml``: the ComponentRule record and its parser.

Every condition a rule may hold is parsed and checked here, so that a mistake in a user's
``--rules`` file is reported with its file and line before any file is classified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import RuleError
from ..models import Component
from .parse import as_list


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentRule:
    """One classification rule. All given conditions must hold; list values are alternatives.

    Attributes:
        id: stable dotted id, e.g. ``model.weights``.
        component: the label the rule gives.
        reason: one line saying why files matching it get that label.
        names: globs on the file name (case-insensitive).
        not_names: globs the file name must not match.
        paths: globs on the repo-relative path (case-insensitive; ``*`` crosses folders).
        exts: file extensions without the dot (``tar.gz`` style allowed).
        not_exts: extensions the file must not have.
        dirs: globs, one of which must match the name of some enclosing folder.
        top_level: when set, the file must (True) or must not (False) sit at the root.
        siblings: globs on the names of the other files of the same folder; one must match.
            ``{stem}`` stands for the file name without its extension and ``{rest}`` for the
            name after its first ``_`` or ``-`` (``test_gpt2.c`` → ``gpt2.c``).
        content: regular expressions searched in the head of the file (for notebooks, in the
            source of the cells, never the outputs); at least ``min_matches`` must match.
        min_matches: how many distinct ``content`` expressions must match (default 1).
        lines_per_match: when set, ``content`` must match (every occurrence counted) at least
            once per this many lines of text: a long file must keep returning to the subject.
        not_content: regular expressions none of which may match.
        keys: globs on the key paths of a JSON/YAML file (``a``, ``a.b``, lowercased; a
            top-level list stands for its first record); ``*`` matches within one level,
            ``**`` across levels; one key must match.
        not_keys: globs no key path may match.
        max_size: the file must be at most this many bytes.
        not_dirs: globs no enclosing folder's name may match.
        magic: regular expressions over the first ``MAGIC_BYTES`` bytes of the file (a few bytes
            are read, never the whole file); one must match. For formats recognised by their
            leading bytes (safetensors, GGUF, PyTorch zip, pickle, NumPy, HDF5).
        python: structural conditions on a Python file, from its syntax tree (``ast``; never
            executed); all given ones must hold.
        not_python: structural conditions none of which may hold.
        used_by: the file is imported (Python) or run (a shell script's ``python x.py`` or
            ``python -m x``) by other files of the inventory, and every one of them, apart from
            those ``UsageCondition.ignore`` leaves out, got one of these labels from the other
            rules. Checked in a second pass, once every file has its first label.
        uses: the file imports or runs files of the inventory, and every one of them got one of
            these labels from the other rules (second pass too).
    """

    id: str
    component: Component
    reason: str
    names: tuple[str, ...] = ()
    not_names: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    exts: tuple[str, ...] = ()
    not_exts: tuple[str, ...] = ()
    dirs: tuple[str, ...] = ()
    top_level: bool | None = None
    siblings: tuple[str, ...] = ()
    content: tuple[re.Pattern[str], ...] = ()
    min_matches: int = 1
    lines_per_match: int | None = None
    not_content: tuple[re.Pattern[str], ...] = ()
    keys: tuple[str, ...] = ()
    not_keys: tuple[str, ...] = ()
    max_size: int | None = None
    not_dirs: tuple[str, ...] = ()
    magic: tuple[re.Pattern[bytes], ...] = ()
    python: PythonCondition | None = None
    not_python: PythonCondition | None = None
    used_by: UsageCondition | None = None
    uses: UsageCondition | None = None
    source: str = ""

    @property
    def needs_labels(self) -> bool:
        """True when the rule looks at the labels of other files (``used_by``/``uses``)."""
        return self.used_by is not None or self.uses is not None


#: How many leading bytes ``magic`` conditions see.
MAGIC_BYTES = 64
#: The file extensions a ``python`` condition may apply to (the rule must name some of them).
PYTHON_EXTS = frozenset({"py", "pyi", "pyw"})


@dataclass(frozen=True, slots=True, kw_only=True)
class PythonCondition:
    """Structural conditions on a Python file, read from its syntax tree (lowercased globs).

    Attributes:
        bases: a class of the file derives (directly, or through another class of the same
            file) from a base whose dotted name matches (``nn.module``, ``*pretrainedmodel``).
        loop_calls: a call inside a ``for``/``while`` loop matches (``*.backward``,
            ``*optim*.step``): a training loop.
        calls: a call anywhere matches (``*trainer*.train``).
        main_calls: a call in the ``if __name__ == "__main__":`` block, or in a function of the
            file that block calls by name, matches (``train``, ``*.train``).
    A call's name is its dotted callee as written, ``()`` marking a call in the chain
    (``Trainer(...).train()`` is ``trainer().train``).
    """

    bases: tuple[str, ...] = ()
    loop_calls: tuple[str, ...] = ()
    calls: tuple[str, ...] = ()
    main_calls: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageCondition:
    """Which labels the files that use (or are used by) a file must have.

    Attributes:
        labels: the labels every such file must have (one of them).
        ignore: globs on repo-relative paths (lowercased) of files that do not count: package
            ``__init__.py`` files that only re-export, tests that import what they test.
        some: when True, one such file with one of the labels is enough (instead of every one).
        rules: globs on rule ids: when given, a file has "one of the labels" only when one of
            these rules gave it (``code.inference-*``: inference recognised by its content, not
            the catch-all ``code.source``).
    """

    labels: tuple[Component, ...]
    ignore: tuple[str, ...] = ()
    some: bool = False
    rules: tuple[str, ...] = ()


_RULE_KEYS = {"id", "component", "reason", "match", "before", "after", "__line__"}
_MATCH_KEYS = {"name", "not_name", "path", "ext", "not_ext", "dir", "top_level", "sibling", "content", "min_matches",
               "lines_per_match", "not_content", "keys", "not_keys", "max_size", "not_dir", "magic", "python",
               "not_python", "used_by", "uses", "__line__"}
_PYTHON_KEYS = {"bases", "loop_calls", "calls", "main_calls"}


def component_of(value: Any, where: str, line: int | None) -> Component:
    """The Component named ``value``.

    Raises:
        RuleError: no component has that name.
    """
    try:
        return Component(value)
    except ValueError:
        known = ", ".join(c.value for c in Component)
        raise RuleError(f"unknown component {value!r} (expected one of: {known})", path=where, line=line) from None


def _lower(match: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(v.lower() for v in as_list(match.get(key)))


def _int(match: dict[str, Any], key: str, default: int, where: str, line: int | None) -> int:
    value = match.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise RuleError(f"{key!r} must be a non-negative integer", path=where, line=line)
    return value


def _patterns(value: Any, key: str, where: str, line: int | None) -> tuple[re.Pattern[str], ...]:
    patterns = []
    for pattern in as_list(value):
        try:
            patterns.append(re.compile(pattern, re.MULTILINE))
        except re.error as exc:
            raise RuleError(f"bad {key} regex {pattern!r}: {exc}", path=where, line=line) from None
    return tuple(patterns)


def _magic(value: Any, where: str, line: int | None) -> tuple[re.Pattern[bytes], ...]:
    """``magic`` regexes, written as text: each character stands for the byte of its code point."""
    patterns = []
    for pattern in as_list(value):
        try:
            patterns.append(re.compile(str(pattern).encode("latin-1"), re.DOTALL))
        except UnicodeEncodeError:
            raise RuleError(f"magic regex {pattern!r} has a character above \\xff (write bytes as \\xNN)",
                            path=where, line=line) from None
        except re.error as exc:
            raise RuleError(f"bad magic regex {pattern!r}: {exc}", path=where, line=line) from None
    return tuple(patterns)


def _python(value: Any, key: str, exts: tuple[str, ...], where: str, line: int | None) -> PythonCondition | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not value:
        raise RuleError(f"{key!r} must be a mapping of {sorted(_PYTHON_KEYS)}", path=where, line=line)
    unknown = set(value) - _PYTHON_KEYS - {"__line__"}
    if unknown:
        raise RuleError(f"unknown {key} key(s) {sorted(unknown)} (expected {sorted(_PYTHON_KEYS)})",
                        path=where, line=line)
    if not exts or not set(exts) <= PYTHON_EXTS:
        raise RuleError(f"{key!r} needs 'ext' limited to Python files ({', '.join(sorted(PYTHON_EXTS))}): "
                        "only those are parsed", path=where, line=line)
    return PythonCondition(**{k: _lower(value, k) for k in _PYTHON_KEYS})


def _usage(value: Any, key: str, where: str, line: int | None) -> UsageCondition | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not value.get("labels"):
        raise RuleError(f"{key!r} must be a mapping with 'labels' (and optional 'ignore' globs)", path=where, line=line)
    unknown = set(value) - {"labels", "ignore", "some", "rules", "__line__"}
    if unknown:
        raise RuleError(f"unknown {key} key(s) {sorted(unknown)} (expected ['ignore', 'labels', 'rules', 'some'])",
                        path=where, line=line)
    if not isinstance(value.get("some", False), bool):
        raise RuleError(f"{key}.some must be true or false", path=where, line=line)
    labels = tuple(component_of(v, where, line) for v in as_list(value["labels"]))
    return UsageCondition(labels=labels, ignore=_lower(value, "ignore"), some=value.get("some", False),
                          rules=_lower(value, "rules"))


def parse_component_rule(raw: Any, where: str) -> tuple[ComponentRule, str | None, str | None]:
    """Parse one raw rule mapping; return it with its ``before``/``after`` anchor.

    Raises:
        RuleError: a key is unknown, missing or invalid (with the file and line).
    """
    if not isinstance(raw, dict):
        raise RuleError("each rule must be a mapping", path=where)
    line = raw.get("__line__")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise RuleError(f"unknown key(s) {sorted(unknown)} in rule", path=where, line=line)
    for key in ("id", "component", "reason"):
        if not raw.get(key):
            raise RuleError(f"rule is missing {key!r}", path=where, line=line)
    match = raw.get("match") or {}
    if not isinstance(match, dict):
        raise RuleError("'match' must be a mapping", path=where, line=line)
    unknown = set(match) - _MATCH_KEYS
    if unknown:
        raise RuleError(f"unknown match key(s) {sorted(unknown)} in rule {raw['id']!r}", path=where, line=line)
    content = _patterns(match.get("content"), "content", where, line)
    not_content = _patterns(match.get("not_content"), "not_content", where, line)
    min_matches = _int(match, "min_matches", 1, where, line)
    if content and not 1 <= min_matches <= len(content):
        raise RuleError(f"'min_matches' must be between 1 and the number of content patterns ({len(content)})",
                        path=where, line=line)
    lines_per_match = match.get("lines_per_match")
    if lines_per_match is not None and (_int(match, "lines_per_match", 1, where, line) < 1 or not content):
        raise RuleError("'lines_per_match' must be a positive integer and needs 'content'", path=where, line=line)
    top_level = match.get("top_level")
    if top_level is not None and not isinstance(top_level, bool):
        raise RuleError("'top_level' must be true or false", path=where, line=line)
    max_size = match.get("max_size")
    if max_size is not None:
        max_size = _int(match, "max_size", 0, where, line)
    exts = tuple(e.lstrip(".") for e in _lower(match, "ext"))
    rule = ComponentRule(
        id=str(raw["id"]),
        component=component_of(raw["component"], where, line),
        reason=str(raw["reason"]),
        names=_lower(match, "name"),
        not_names=_lower(match, "not_name"),
        paths=_lower(match, "path"),
        exts=exts,
        not_exts=tuple(e.lstrip(".") for e in _lower(match, "not_ext")),
        dirs=_lower(match, "dir"),
        top_level=top_level,
        siblings=_lower(match, "sibling"),
        content=content,
        min_matches=min_matches,
        lines_per_match=lines_per_match,
        not_content=not_content,
        keys=_lower(match, "keys"),
        not_keys=_lower(match, "not_keys"),
        max_size=max_size,
        not_dirs=_lower(match, "not_dir"),
        magic=_magic(match.get("magic"), where, line),
        python=_python(match.get("python"), "python", exts, where, line),
        not_python=_python(match.get("not_python"), "not_python", exts, where, line),
        used_by=_usage(match.get("used_by"), "used_by", where, line),
        uses=_usage(match.get("uses"), "uses", where, line),
        source=f"{where}:{line}" if line else where,
    )
    return rule, raw.get("before"), raw.get("after")
