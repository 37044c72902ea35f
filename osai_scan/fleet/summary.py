"""The batch summary: counts by verdict and profile, by model license, the most common findings.

``aggregate`` reads records (from a run, or a results file); the renderers only read the
``BatchSummary`` and the records: a text table, Markdown, HTML and CSV (one row per target).
"""

from __future__ import annotations

import csv
import html
import io
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

#: Findings listed in the summary.
TOP_FINDINGS = 10


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchSummary:
    """What a batch found, over its records.

    Attributes:
        targets: records read.
        scanned: records of scanned targets.
        failed: records of targets that could not be scanned.
        incomplete: scanned, but some file could not be read.
        verdicts: (profile, ((verdict, count), ...)), profiles sorted, verdicts by count.
        licenses: (model license, count), by count ("none" when no license is declared).
        findings: (finding id, targets it occurs in), the most common first.
        errors: (error kind, count), by count.
    """

    targets: int
    scanned: int
    failed: int
    incomplete: int
    verdicts: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    licenses: tuple[tuple[str, int], ...]
    findings: tuple[tuple[str, int], ...]
    errors: tuple[tuple[str, int], ...]


def _ranked(counter: Counter[str], limit: int | None = None) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])


def aggregate(records: Iterable[dict[str, Any]]) -> BatchSummary:
    """Count the records' outcomes."""
    verdicts: dict[str, Counter[str]] = {}
    licenses: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    total = scanned = failed = incomplete = 0
    for record in records:
        total += 1
        summary = record.get("summary")
        if not record.get("ok") or not summary:
            failed += 1
            errors[str(record.get("error_kind") or "error")] += 1
            continue
        scanned += 1
        incomplete += bool(record.get("exit_code"))
        for profile, verdict in (summary.get("verdicts") or {}).items():
            verdicts.setdefault(profile, Counter())[str(verdict)] += 1
        licenses[str(summary.get("model_license") or "none")] += 1
        findings.update((summary.get("findings") or {}).keys())
    return BatchSummary(targets=total, scanned=scanned, failed=failed, incomplete=incomplete,
                        verdicts=tuple((p, _ranked(c)) for p, c in sorted(verdicts.items())),
                        licenses=_ranked(licenses), findings=_ranked(findings, TOP_FINDINGS), errors=_ranked(errors))


def _pairs(items: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{name} {count}" for name, count in items) or "-"


def render_summary_text(summary: BatchSummary) -> str:
    """The summary as lines of text (the end of ``osai-scan batch`` on standard error)."""
    lines = [f"{summary.targets} target(s): {summary.scanned} scanned ({summary.incomplete} incomplete), "
             f"{summary.failed} failed" + (f" ({_pairs(summary.errors)})" if summary.errors else "")]
    for profile, counts in summary.verdicts:
        lines.append(f"  verdicts ({profile}): {_pairs(counts)}")
    lines.append(f"  model licenses: {_pairs(summary.licenses)}")
    lines.append(f"  most common findings (targets): {_pairs(summary.findings)}")
    return "\n".join(lines) + "\n"


def _row(record: dict[str, Any], profiles: list[str]) -> list[str]:
    summary = record.get("summary") or {}
    verdicts = summary.get("verdicts") or {}
    severity = summary.get("findings_by_severity") or {}
    return [record.get("target", ""), "scanned" if record.get("ok") else "failed", str(record.get("exit_code", "")),
            str(summary.get("commit") or ""), *[str(verdicts.get(p) or "") for p in profiles],
            str(summary.get("model_license") or ""), str(severity.get("error", "")), str(severity.get("warning", "")),
            str((record.get("timings") or {}).get("total", "")), str(record.get("error") or "")]


def _profiles(summary: BatchSummary) -> list[str]:
    return [p for p, _ in summary.verdicts]


def _header(profiles: list[str]) -> list[str]:
    return ["target", "status", "exit", "commit", *profiles, "model license", "errors", "warnings", "seconds", "error"]


def render_csv(summary: BatchSummary, records: list[dict[str, Any]]) -> str:
    """One row per target: status, commit, verdict per profile, model license, findings, seconds, error."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    profiles = _profiles(summary)
    writer.writerow(_header(profiles))
    for record in records:
        writer.writerow(_row(record, profiles))
    return out.getvalue()


def render_markdown(summary: BatchSummary, records: list[dict[str, Any]]) -> str:
    """The summary and one table row per target, in Markdown."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    profiles = _profiles(summary)
    lines = ["# osai-scan batch", "", render_summary_text(summary).rstrip().replace("\n  ", "\n- "), "",
             "| " + " | ".join(_header(profiles)) + " |", "|" + "---|" * len(_header(profiles))]
    lines += ["| " + " | ".join(cell(c) for c in _row(r, profiles)) + " |" for r in records]
    return "\n".join(lines) + "\n"


def render_html(summary: BatchSummary, records: list[dict[str, Any]]) -> str:
    """The summary and one table row per target, as a standalone HTML page."""
    profiles = _profiles(summary)
    items = "".join(f"<li>{html.escape(line.strip())}</li>" for line in render_summary_text(summary).splitlines())
    head = "".join(f"<th>{html.escape(h)}</th>" for h in _header(profiles))
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _row(r, profiles)) + "</tr>\n"
                   for r in records)
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>osai-scan batch</title></head><body>\n"
            f"<h1>osai-scan batch</h1>\n<ul>{items}</ul>\n<table>\n<tr>{head}</tr>\n{rows}</table>\n</body></html>\n")


def render_table(summary: BatchSummary, records: list[dict[str, Any]]) -> str:
    """The summary, then one aligned line per target."""
    profiles = _profiles(summary)
    rows = [_header(profiles)[:-1]] + [_row(r, profiles)[:-1] for r in records]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    failed = [f"{r['target']}: {r.get('error')}" for r in records if not r.get("ok")]
    return render_summary_text(summary) + "\n" + "\n".join(lines) + "\n" + \
        ("\nfailed:\n" + "\n".join(failed) + "\n" if failed else "")


RENDERERS = {"markdown": render_markdown, "html": render_html, "csv": render_csv, "table": render_table}
