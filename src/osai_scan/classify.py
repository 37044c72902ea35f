"""Give every file exactly one label with the ordered rules of ``components.yaml``.

The first rule whose conditions all hold wins. Content conditions read only the head of a
file, and only when the path conditions of that rule already hold.
"""

from __future__ import annotations

import fnmatch
import re
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Callable

from .models import Classification, Component, FileEntry
from .rules import ComponentRule

#: Reads the first bytes of a file; returns None when the file cannot be read.
HeadReader = Callable[[str], "bytes | None"]

FALLBACK = Classification(
    component=Component.OTHER,
    rule="fallback.other",
    reason="no classification rule matched this file",
)


def _ext_matches(name: str, exts: tuple[str, ...]) -> bool:
    return any(name.endswith("." + ext) for ext in exts)


@lru_cache(maxsize=None)
def _globs_regex(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(fnmatch.translate(p) for p in patterns))


def _glob_any(value: str, patterns: tuple[str, ...]) -> bool:
    """``fnmatchcase(value, p)`` for any ``p``, with one compiled regex per pattern list."""
    return _globs_regex(patterns).match(value) is not None


@lru_cache(maxsize=None)
def required_literal(pattern: re.Pattern[str]) -> str | None:
    """The longest literal every match of ``pattern`` contains, or None if there is none to rely on.

    Python's regex engine scans fast only for patterns that *start* with a literal; a pattern
    such as ``\\boptimizer\\.step\\(`` is tried at every position, about 40 times slower. Testing
    ``"optimizer.step(" in text`` first (a fast substring search) rules out most files, and is
    exact: only the literals of the pattern's top-level sequence are used (not those inside
    alternatives, optional groups or lookarounds), and never for case-insensitive patterns.
    """
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        from re import _parser as parser  # type: ignore[attr-defined]  # Python >= 3.11
        parsed = parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - no prefilter is always correct
        return None
    best, run = "", []
    for op, value in parsed:
        if op is parser.LITERAL:
            run.append(chr(value))
            continue
        best = max(best, "".join(run), key=len)
        run = []
    best = max(best, "".join(run), key=len)
    return best or None


def _content_matches(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    for pattern in patterns:
        literal = required_literal(pattern)
        if (literal is None or literal in text) and pattern.search(text):
            return True
    return False


class Classifier:
    """Applies an ordered rule list to files.

    Args:
        rules: the ordered classification rules.
        read_head: returns the first bytes of a file by path (for content conditions).
    """

    def __init__(self, rules: tuple[ComponentRule, ...], read_head: HeadReader) -> None:
        self.rules = rules
        self._read_head = read_head
        self._heads: dict[str, str | None] = {}

    def _head(self, path: str) -> str | None:
        if path not in self._heads:
            data = self._read_head(path)
            self._heads[path] = data.decode("utf-8", "replace") if data is not None else None
        return self._heads[path]

    def _matches(self, rule: ComponentRule, entry: FileEntry, lower: str, parts: tuple[str, ...]) -> bool:
        name = parts[-1]
        if rule.top_level is not None and rule.top_level != (len(parts) == 1):
            return False
        if rule.names and not _glob_any(name, rule.names):
            return False
        if rule.exts and not _ext_matches(name, rule.exts):
            return False
        if rule.not_exts and _ext_matches(name, rule.not_exts):
            return False
        if rule.paths and not _glob_any(lower, rule.paths):
            return False
        if rule.dirs and not any(_glob_any(part, rule.dirs) for part in parts[:-1]):
            return False
        if rule.max_size is not None and entry.size > rule.max_size:
            return False
        if rule.content:
            if entry.lfs is not None or entry.problem is not None:
                return False
            head = self._head(entry.path)
            if head is None or not _content_matches(rule.content, head):
                return False
        return True

    def classify(self, entry: FileEntry) -> Classification:
        """Return the label of ``entry``: the first matching rule, else ``other``."""
        lower = entry.path.lower()
        parts = PurePosixPath(lower).parts
        for rule in self.rules:
            if self._matches(rule, entry, lower, parts):
                return Classification(component=rule.component, rule=rule.id, reason=rule.reason)
        return FALLBACK

    def forget(self, path: str) -> None:
        """Drop the cached head of ``path`` (call once the file is classified)."""
        self._heads.pop(path, None)
