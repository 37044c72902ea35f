"""Compare osai-scan's per-file detected expressions with ScanCode's, and explain each difference.

What is compared is what each file's *own* content says. osai-scan reports it as
``files[].detected_expression``. ScanCode's CLI reports ``detected_license_expression`` after a
post-scan step that follows references such as "see LICENSE for details" to other files of
the scan and replaces the file's own detection with the referenced file's license (the
matches then carry a ``from_file`` naming that other file). That step is attribution, which
osai-scan does separately, so it is undone here: in each detection that holds matches from
another file, the expression is rebuilt from the file's own matches, and the file's
expression is the AND of its detections, combined as ScanCode combines them
(``license_expression.combine_expressions``, unique terms).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from license_expression import ExpressionError, combine_expressions, get_scancode_licensing

_LICENSING = get_scancode_licensing()
#: ScanCode's key-file words; with them a file counts as a license, notice or README file.
KEY_WORDS = ("license", "licence", "copying", "notice", "readme", "copyright")
#: Code and data extensions: a key word in such a file's name does not make it a license file.
CODE_EXTS = frozenset("py pyi pyx ipynb js ts json jsonl yaml yml toml csv c h cpp go rs java sh".split())
TEXT_STATUSES = ("scanned", "partial")


@dataclass(frozen=True)
class Difference:
    """One file where the two expressions differ."""

    path: str
    osai: str | None
    scancode: str | None
    mode: str | None
    key_file: bool
    equivalent: bool
    reason: str


@dataclass(frozen=True)
class Comparison:
    """The outcome over every text file."""

    text_files: int
    equal: int
    key_files: int
    key_equal: int
    differences: tuple[Difference, ...]
    not_compared: int
    scancode_found_in_not_compared: tuple[tuple[str, str], ...]

    @property
    def strict_equal(self) -> int:
        """Files whose expressions are the same string."""
        return self.text_files - len(self.differences)


def _combine(expressions: list[str | None]) -> str | None:
    kept = [e for e in expressions if e]
    return str(combine_expressions(kept, "AND", True, _LICENSING)) if kept else None


def own_expression(resource: dict[str, Any]) -> str | None:
    """ScanCode's expression for a file's own content (reference following undone)."""
    path = resource["path"]
    parts = []
    for detection in resource.get("license_detections") or []:
        matches = detection.get("matches") or []
        if any(m.get("from_file") not in (None, path) for m in matches):
            parts.append(_combine([m["license_expression"] for m in matches if m.get("from_file") in (None, path)]))
        else:
            parts.append(detection["license_expression"])
    return _combine(parts)


def is_key_file(path: str, component: str) -> bool:
    """A license, notice, copying or README file (ScanCode's key-file words, any depth), or a ``legal`` file."""
    if component == "legal":
        return True
    name = PurePosixPath(path).name.lower()
    stem, _, ext = name.partition(".")
    if ext.rsplit(".", 1)[-1] in CODE_EXTS:
        return False
    return any(stem.startswith(w) or stem.endswith(w) for w in KEY_WORDS)


def _equivalent(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a == b
    try:
        return bool(_LICENSING.is_equivalent(a, b))
    except ExpressionError:
        return False


def _keys(expression: str | None) -> set[str]:
    if not expression:
        return set()
    try:
        return {str(k) for k in _LICENSING.license_keys(expression)}
    except ExpressionError:
        return {expression}


def _reason(osai: dict[str, Any], sc: dict[str, Any], mine: str | None, theirs: str | None) -> str:
    mode = osai.get("detection_mode") or ""
    if sc.get("scan_errors"):
        return "ScanCode did not finish this file: " + " ".join(sc["scan_errors"]).replace("\n", " ")[:160]
    if osai["status"] == "partial":
        return f"osai-scan reached its per-file time budget: {osai['status_reason']}"
    if _equivalent(mine, theirs):
        return "same licenses, terms in another order (ScanCode orders AND terms by detection order)"
    extra, missing = _keys(mine) - _keys(theirs), _keys(theirs) - _keys(mine)
    delta = "; ".join(x for x in (f"only osai-scan has {', '.join(sorted(extra))}" if extra else "",
                                  f"only ScanCode has {', '.join(sorted(missing))}" if missing else "") if x)
    if mode.endswith("notebook-source"):
        return f"notebook: osai-scan matches the source cells, ScanCode the whole JSON with outputs ({delta})"
    if mode.startswith("exact+approximate-regions"):
        return f"large file: approximate matching limited to its lines of interest ({delta})"
    if mode.startswith("exact") and "approximate" not in mode:
        return f"exact-only matching (the exact result was not unclear by the escalation rule): {delta}"
    return f"same matching mode as ScanCode ({mode}), different result: {delta}"


def compare(report: dict[str, Any], scancode: dict[str, Any], root_name: str) -> Comparison:
    """Compare an osai-scan JSON report with ScanCode's JSON output on the same tree.

    Args:
        report: the osai-scan report.
        scancode: ScanCode's ``--json-pp`` output.
        root_name: the tree's folder name (ScanCode's paths start with it).
    """
    theirs = {r["path"].split("/", 1)[1]: r for r in scancode["files"]
              if r["type"] == "file" and "/" in r["path"] and r["path"].split("/", 1)[0] == root_name}
    differences = []
    text = equal = key_files = key_equal = not_compared = 0
    found_elsewhere = []
    for file in report["files"]:
        sc = theirs.get(file["path"])
        if sc is None:
            raise ValueError(f"ScanCode's output has no entry for {file['path']!r}")
        if file["status"] not in TEXT_STATUSES:
            not_compared += 1
            if sc.get("detected_license_expression"):
                found_elsewhere.append((file["path"], sc["detected_license_expression"]))
            continue
        text += 1
        key = is_key_file(file["path"], file["component"])
        key_files += key
        mine, their = file["detected_expression"], own_expression(sc)
        same = mine == their
        if not same:
            differences.append(Difference(path=file["path"], osai=mine, scancode=their,
                                          mode=file.get("detection_mode"), key_file=key,
                                          equivalent=_equivalent(mine, their),
                                          reason=_reason(file, sc, mine, their)))
        equivalent = same or differences[-1].equivalent
        equal += equivalent
        key_equal += key and equivalent
    return Comparison(text_files=text, equal=equal, key_files=key_files, key_equal=key_equal,
                      differences=tuple(differences), not_compared=not_compared,
                      scancode_found_in_not_compared=tuple(found_elsewhere))
