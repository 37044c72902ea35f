"""Fast content search: skip a regular expression when a literal it needs is absent.

Content rules hold dozens of expressions, most of which match nothing in a given file.
Python's regex engine scans the whole text for each one, and expressions that start with
``\\b``, a lookbehind or ``(?i)`` cannot use its literal-prefix search. A substring test
(``"post(" in text``) costs a small fraction of that, so each expression is paired with the
literals one of which must occur in any text it matches, read from its parsed form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

try:  # the parser of the re module: private, but stable since Python 3.11
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python without it simply gets no prefilter
    _sre = _sre_parse = None

#: Literals shorter than this are not worth a substring test.
_MIN_LITERAL = 3
Alternatives = tuple[str, ...]


def _best(candidates: list[Alternatives]) -> Alternatives | None:
    """The alternative set whose shortest literal is longest (the most selective test)."""
    usable = [c for c in candidates if c and min(len(s) for s in c) >= _MIN_LITERAL]
    return max(usable, key=lambda c: (min(len(s) for s in c), -len(c)), default=None)


def _sequence(items: Any) -> Alternatives | None:
    """Literals one of which occurs in every match of a sequence of parsed items."""
    candidates: list[Alternatives] = []
    run: list[str] = []

    def close() -> None:
        if run:
            candidates.append(("".join(run),))
            run.clear()

    for op, arg in items:
        if op is _sre.LITERAL:
            run.append(chr(arg))
            continue
        close()
        if op is _sre.SUBPATTERN:
            found = _sequence(arg[-1])
        elif op is _sre.BRANCH:
            branches = [_sequence(branch) for branch in arg[1]]
            found = None if any(b is None for b in branches) else tuple(s for b in branches for s in b)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and arg[0] >= 1:
            found = _sequence(arg[2])
        else:
            found = None
        if found:
            candidates.append(found)
    close()
    return _best(candidates)


def required_literals(pattern: re.Pattern[str]) -> Alternatives | None:
    """Literals one of which must occur in any text ``pattern`` matches (lowercased when the
    pattern ignores case), or None when none can be derived."""
    if _sre_parse is None:
        return None
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
        found = _sequence(list(tree))
    except Exception:  # noqa: BLE001 - an unparsable pattern just gets no prefilter
        return None
    if found and pattern.flags & re.IGNORECASE:
        found = tuple(s.lower() for s in found)
    return found


@dataclass(frozen=True, slots=True)
class Signal:
    """A compiled expression with its literal prefilter."""

    pattern: re.Pattern[str]
    literals: Alternatives | None = field(default=None)
    fold: bool = False

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> "Signal":
        """Wrap ``pattern`` with the literals it needs."""
        return cls(pattern, required_literals(pattern), bool(pattern.flags & re.IGNORECASE))

    def possible(self, text: str, folded: str) -> bool:
        """False when the text cannot match (a needed literal is absent)."""
        if not self.literals:
            return True
        haystack = folded if self.fold else text
        return any(lit in haystack for lit in self.literals)

    def search(self, text: str, folded: str) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped when a needed literal is absent."""
        return self.pattern.search(text) if self.possible(text, folded) else None

    def finditer(self, text: str, folded: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, empty when a needed literal is absent."""
        return self.pattern.finditer(text) if self.possible(text, folded) else iter(())
