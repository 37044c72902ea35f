"""When is an exact-only result not good enough? The escalation rule of exact-first detection.

An ordinary text file is first matched with ScanCode's exact matchers only. Its result is
**unclear**, and the file is matched again with ScanCode's full approximate matching, when any
of these holds (each gives a reason that is recorded in the file's ``status_reason``):

1. ``unstated-license``: the detected expression contains a key that ScanCode's license DB
   flags ``is_unknown`` (``unknown-license-reference``, ``unknown``, ``free-unknown``, ...)
   or ``is_generic`` (``other-permissive``, ``proprietary-license``, ``public-domain``, ...),
   or whose category is "Unstated License": ScanCode saw license text it could not name, which
   is what approximate matching of a modified license resolves (an MIT text with a sentence
   reworded matches ``other-permissive`` exactly and ``mit`` approximately).
2. ``license-clues``: ScanCode returned license clues (matches too weak to form a detection).
3. ``imperfect-detection``: a detection's log shows ScanCode had to guess (an unknown match,
   extra words, low-quality fragments, imperfect coverage, a possible false positive).
4. ``unmatched-license-text``: the file holds license *prose* that no exact match covers: a
   line outside every matched line range that has a licensing keyword (license/licence,
   copyright, warranty, redistribute, permission, patent) and, in the uncovered lines within
   :data:`WINDOW_LINES` lines of it, at least :data:`MIN_LEGALESE_WORDS` distinct words of
   ScanCode's own license vocabulary (its "legalese" token ids, such as *sublicense*,
   *merchantability*, *redistributions*; common words such as *software* or *copy* are not
   in it). Each of the texts of MIT, BSD-2/3-Clause, ISC, Zlib, Unlicense, Apache-2.0, GPL,
   LGPL, MPL-2.0, CC-BY-4.0, Llama 3.1 and BigScience OpenRAIL-M has at least two lines that
   qualify, so an altered or unknown license text is caught; ``license = get_license(name)``
   in code has 1 or 2 such words. On the benchmark's 1,800 files, 4 files met this rule with
   these values (13 with 6 words, 164 with 3).

The approximate result replaces the exact one, except when it detects nothing where the exact
pass detected something: ScanCode's approximate matcher can absorb an exact match into a weak
sequence match that it then reports only as a clue ("Licensed under the license found in the
LICENSE.txt file": exact gives ``unknown-license-reference``, approximate only a 17% clue for
``bsd-new OR gpl-2.0``), and a reference to a license file is evidence an auditor needs.

Rule 4 costs one pass over the text (a keyword regex, then a dictionary look-up of the words
of the few lines that have a keyword). An unclear file up to 256 KiB is matched again whole,
exactly as ScanCode's default would; a larger one only on the lines of interest (those above
and every exactly matched line, with a few lines of context), because approximate matching of
a large file can take minutes (see ``detect.WHOLE_FILE_APPROXIMATE_MAX_BYTES``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from ..licenses import scancode_license_info

#: ScanCode's license category for statements that name no license.
UNSTATED_CATEGORY = "Unstated License"
#: Detection-log entries that mean ScanCode was not sure.
DOUBTFUL_LOGS = frozenset({"unknown-match", "extra-words", "license-clues", "low-quality-matches",
                           "imperfect-match-coverage", "possible-false-positive", "undetected-license"})
#: Lines on each side of a keyword line that count with it (rule 4).
WINDOW_LINES = 2
#: Distinct legalese words the uncovered lines around a keyword line need (rule 4).
MIN_LEGALESE_WORDS = 8
_KEYWORD = re.compile(r"licen[cs]|copyright|warrant|redistribut|permission|patent", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SYMBOL = re.compile(r"[a-z0-9][a-z0-9.+_-]*")
_OPERATORS = {"and", "or", "with"}


class LegaleseSource(Protocol):
    """What rule 4 needs from the engine: ScanCode's token dictionary and legalese bound."""

    def legalese(self) -> tuple[dict[str, int], int]:
        """Return (token → id, number of legalese ids)."""


def _keys(expression: str | None) -> set[str]:
    if not expression:
        return set()
    return {m.group(0) for m in _SYMBOL.finditer(expression.lower()) if m.group(0) not in _OPERATORS}


def _is_unstated(key: str) -> bool:
    info = scancode_license_info(key) or {}
    return bool(info.get("is_unknown") or info.get("is_generic") or info.get("category") == UNSTATED_CATEGORY)


def _covered_lines(data: dict[str, Any]) -> set[int]:
    lines: set[int] = set()
    for detection in list(data.get("license_detections") or []) + [{"matches": data.get("license_clues") or []}]:
        for match in detection.get("matches") or []:
            start, end = match.get("start_line"), match.get("end_line")
            if start is not None and end is not None:
                lines.update(range(int(start), int(end) + 1))
    return lines


def prose_lines(text: str, covered: set[int], engine: LegaleseSource) -> list[int]:
    """Numbers of uncovered keyword lines whose neighbourhood reads like license prose (rule 4)."""
    dictionary, len_legalese = engine.legalese()
    lines = text.splitlines()
    found = []
    for number, line in enumerate(lines, 1):
        if number in covered or not _KEYWORD.search(line):
            continue
        window = range(max(1, number - WINDOW_LINES), min(len(lines), number + WINDOW_LINES) + 1)
        words = {w for n in window if n not in covered for w in _WORD.findall(lines[n - 1].lower())}
        legal = [w for w in words if (tid := dictionary.get(w)) is not None and tid < len_legalese]
        if len(legal) >= MIN_LEGALESE_WORDS:
            found.append(number)
    return found


@dataclass(frozen=True, slots=True)
class Assessment:
    """Why an exact-only result is unclear.

    Attributes:
        reasons: one entry per rule that holds (empty: the result is clear).
        lines: the lines of interest: uncovered license prose (rule 4) and the lines of every
            exact match and clue (1-based, sorted).
    """

    reasons: tuple[str, ...]
    lines: tuple[int, ...]

    @property
    def unclear(self) -> bool:
        """True when the file should be matched again approximately."""
        return bool(self.reasons)


def assess(data: dict[str, Any], text: str, engine: LegaleseSource) -> Assessment:
    """Decide whether an exact-only result is unclear. See the module docstring.

    Args:
        data: ``get_licenses`` output of the exact pass (with ``license_diagnostics``).
        text: the text that was matched.
        engine: gives ScanCode's legalese vocabulary.
    """
    reasons = []
    unstated = sorted(k for k in _keys(data.get("detected_license_expression")) if _is_unstated(k))
    if unstated:
        reasons.append(f"unstated-license: {', '.join(unstated)}")
    if data.get("license_clues"):
        reasons.append(f"license-clues: {len(data['license_clues'])}")
    logs = sorted({log for d in data.get("license_detections") or [] for log in d.get("detection_log") or []}
                  & DOUBTFUL_LOGS)
    if logs:
        reasons.append(f"imperfect-detection: {', '.join(logs)}")
    covered = _covered_lines(data)
    lines = prose_lines(text, covered, engine)
    if lines:
        shown = ", ".join(str(n) for n in lines[:5]) + (", ..." if len(lines) > 5 else "")
        reasons.append(f"unmatched-license-text: line {shown}")
    return Assessment(reasons=tuple(reasons), lines=tuple(sorted(covered.union(lines))))


__all__ = ["Assessment", "DOUBTFUL_LOGS", "MIN_LEGALESE_WORDS", "WINDOW_LINES", "UNSTATED_CATEGORY", "assess", "prose_lines"]
