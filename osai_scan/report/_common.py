"""What several formats say the same way: labels, the target's name, the matrix cells, and the
content digest and timestamp that keep documents deterministic."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from ..models import ComponentResult, ComponentStatus, Freedom, Presence, Report, VerdictStatus

VERDICT_LABEL = {
    VerdictStatus.OPEN_SOURCE_AI: "Open Source AI",
    VerdictStatus.NOT_OPEN_SOURCE_AI: "Not Open Source AI",
    VerdictStatus.UNDETERMINED: "Undetermined",
}

#: When the report has no ``generated_at`` (SOURCE_DATE_EPOCH unset), formats that must carry a
#: creation time use this fixed one, so that the same scan always gives the same bytes.
EPOCH = "1970-01-01T00:00:00Z"


def target_label(report: Report) -> str:
    """The target as the user would type it: ``hf:org/name@rev``, a repo id, or the folder name (for
    a system of several sources, each of them joined by `` + ``)."""
    t = report.target
    if report.sources:  # one AI system from several sources: each as it was given
        return " + ".join(i.given for i in report.sources)
    if t.kind == "hub":
        return f"hf:{t.repo_id}@{t.revision}" if t.revision else f"hf:{t.repo_id}"
    return t.repo_id or t.name


def license_label(expression: str | None, spdx: str | None) -> str:
    """A license as SPDX when known, else the ScanCode key, else ``none``."""
    return spdx or expression or "none"


def created(report: Report) -> str:
    """The document's creation time: the scan's ``generated_at`` (SOURCE_DATE_EPOCH), else ``EPOCH``."""
    return report.generated_at or EPOCH


@lru_cache(maxsize=8)
def _digest_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_digest(report: Report) -> str:
    """sha256 of the JSON report: the same scan gives the same digest (document ids derive from it)."""
    from .json import render_json

    return _digest_of(render_json(report))


def freedom_cells(result: ComponentResult) -> list[str]:
    """The four matrix cells of a component (study, use, modify, share): a status, or ``n/a``/``-``."""
    if result.status is ComponentStatus.ABSENT and result.presence is not Presence.REFERENCED:
        return ["n/a"] * 4
    if result.freedoms is None:
        return ["-"] * 4
    return [result.freedoms.cell(f).status.value for f in Freedom]


def component_licenses(result: ComponentResult) -> list[str]:
    """A component's governing licenses with their file counts and an example path or reference."""
    out = []
    for lc in result.licenses:
        label = license_label(lc.expression, lc.expression_spdx)
        if lc.references:
            out.append(f"{label} (by reference: {', '.join(lc.references)})")
        else:
            out.append(f"{label} ({lc.files} file{'s' if lc.files != 1 else ''}, e.g. {lc.example})")
    if result.unlicensed:
        out.append(f"{len(result.unlicensed)} unlicensed (e.g. {result.unlicensed[0]})")
    return out


def escaped_paths(report: Report) -> list[tuple[str, str]]:
    """(escaped path, base64 of the exact name) of every file whose name is shown escaped
    (not valid UTF-8, or holding a control character or a backslash; ``models.names``), sorted by path."""
    return sorted((f.path, f.path_base64) for f in report.files if f.path_base64)


def path_base64(report: Report, path: str | None) -> str | None:
    """The exact bytes (base64) of the file ``path`` names when ``path`` is its escaped form, else None."""
    if path is None:
        return None
    return next((f.path_base64 for f in report.files if f.path == path and f.path_base64), None)


#: The line every text format puts before its list of escaped names.
ESCAPED_NAMES_TITLE = ("File names shown escaped (not valid UTF-8, or holding control characters or a backslash: "
                       "\\xNN is a byte, \\n \\t \\r a control character, \\\\ a backslash); their exact bytes in base64")


def where_line(report: Report) -> str:
    """One line naming the target, its commit and the tool that scanned it."""
    t = report.target
    parts = [target_label(report)]
    if t.commit:
        parts.append(f"commit {t.commit}" + (" (dirty)" if t.dirty else ""))
    return ", ".join(parts)


__all__ = ["EPOCH", "ESCAPED_NAMES_TITLE", "VERDICT_LABEL", "component_licenses", "content_digest", "created",
           "escaped_paths", "freedom_cells", "license_label", "path_base64", "target_label", "where_line"]
