"""Whether the lines of a match name the licenses of the rule ScanCode matched them to.

Approximate (sequence) matching aligns a text with the rule it is most alike, and a notice
that names a license ScanCode does not know can come out as one it knows: "This software may be
used and distributed according to the terms of the Chameleon License Agreement" is matched to
``gpl-1.0-plus_13`` ("... according to the terms of the GNU Public License") at 70%, "Licensed
under the Apache License 2.0, see LICENSE file" to ``mit_and_apache-2.0_9`` at 80%. A license
is named when a word of one of its names (ScanCode's short name and name, its SPDX ids) starts a
word of the matched lines; words that name no license in particular ("license", "general",
"version", ...) do not count (rules/notices.yaml, settings ``name_*``). Generic and unknown
licenses (``other-permissive``, ``unknown-license-reference``) have no name to look for.
"""

from __future__ import annotations

import re
from typing import Callable

from ..licenses.spdx import expression_keys
from ..ruleset.notices import NoticeSettings

_WORD = re.compile(r"[a-z][a-z0-9]*|[0-9]+")
#: Shortest word of a license name that is looked for as the start of a word of the text.
_MIN_WORD = 2


class NameCheck:
    """Finds the licenses of an approximate notice match that its own lines do not name.

    Args:
        names: the names ScanCode knows a license key by, or None when it has none to look for
            (a generic or unknown license, or no license database loaded).
        settings: which matches are checked and which words are ignored (notices.yaml).
    """

    def __init__(self, names: Callable[[str], tuple[str, ...] | None], settings: NoticeSettings) -> None:
        self._names = names
        self._settings = settings
        self._words: dict[str, frozenset[str]] = {}

    def applies(self, matcher: str, kind: str) -> bool:
        """True when a match of this matcher and rule kind must name its licenses."""
        return matcher in self._settings.name_check_matchers and kind in self._settings.name_check_kinds

    def words(self, key: str) -> frozenset[str]:
        """The words that name license ``key`` (empty: nothing to look for)."""
        if key not in self._words:
            names = self._names(key) or ()
            self._words[key] = frozenset(
                w for name in names if not name.startswith("LicenseRef-")
                for w in _WORD.findall(name.lower())
                if len(w) >= _MIN_WORD and not w.isdigit() and w not in self._settings.name_ignored_words)
        return self._words[key]

    def unnamed(self, expression: str, text: str) -> tuple[str, ...]:
        """The licenses of ``expression`` that ``text`` (the matched lines) does not name."""
        found = set(_WORD.findall(text.lower()))
        out = []
        for key in expression_keys(expression):
            words = self.words(key)
            if words and not any(t.startswith(w) for w in words for t in found):
                out.append(key)
        return tuple(out)
