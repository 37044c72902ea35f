"""Reading rules files: YAML with line numbers, and errors that name the file and the line.

Every mapping loaded here carries its line as ``__line__``, so that a bad entry is reported
as ``rules/profiles/x.yaml:12: ...``. ``Problems`` either raises the first error (a scan) or
collects them all (``osai-scan rules validate``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import RuleError


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe YAML loader (libyaml's when available, about 10 times faster) that records the
    line of every mapping as ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Load a rules file with line numbers on every mapping.

    Raises:
        RuleError: the file cannot be read or is not valid YAML.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleError(f"cannot read rules file: {exc.strerror}", path=str(path)) from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else None
        raise RuleError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path=str(path), line=line) from None


def as_list(value: Any) -> tuple[str, ...]:
    """A scalar or a list, as a tuple of strings (None gives an empty tuple)."""
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return (str(value),)


def line_of(raw: Any, default: int | None = None) -> int | None:
    """The line a mapping started on, when it is a mapping loaded by ``load_yaml``."""
    return raw.get("__line__", default) if isinstance(raw, dict) else default


def entries(doc: Any, key: str, where: str) -> list[Any]:
    """The list under ``key`` of a rules document (an empty list when the document is empty).

    Raises:
        RuleError: the document is not a mapping with a list under ``key``.
    """
    if doc is None:
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get(key, []), list):
        raise RuleError(f"expected a mapping with a list under {key!r}", path=where, line=line_of(doc))
    return doc.get(key) or []


def check_keys(raw: dict[str, Any], allowed: set[str], what: str, where: str) -> None:
    """Reject unknown keys in a mapping (typos must not pass silently).

    Raises:
        RuleError: the mapping has a key outside ``allowed``.
    """
    unknown = sorted(set(raw) - allowed - {"__line__"})
    if unknown:
        raise RuleError(f"unknown key(s) {unknown} in {what} (allowed: {sorted(allowed)})", path=where,
                        line=line_of(raw))


class Problems:
    """Where rule errors go: raised at once (``collect=False``) or gathered for a report.

    Args:
        collect: gather every error instead of raising the first.
    """

    def __init__(self, collect: bool = False) -> None:
        self.collect = collect
        self.errors: list[RuleError] = []

    def report(self, error: RuleError) -> None:
        """Raise ``error``, or record it when collecting.

        Raises:
            RuleError: when not collecting.
        """
        if not self.collect:
            raise error
        self.errors.append(error)


__all__ = ["Problems", "as_list", "check_keys", "entries", "line_of", "load_yaml"]
