"""Markdown: what an auditor pastes into a ticket. The verdict with its reasons, the 5x4
freedoms matrix, every profile's verdict, the findings with their hints, and each component's
licenses with an example file."""

from __future__ import annotations

from ..models import AI_COMPONENTS, Component, Report
from ..policy.mof import roman
from ._common import (
    ESCAPED_NAMES_TITLE,
    VERDICT_LABEL,
    component_licenses,
    escaped_paths,
    freedom_cells,
    license_label,
    where_line,
)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def _matrix(report: Report) -> list[str]:
    rows = []
    for component, result in report.components:
        files = {"referenced": "by reference", "declared": "declared"}.get(result.presence.value, str(result.files))
        rows.append([component.value, result.requirement.value, files, f"**{result.status.value}**",
                     *freedom_cells(result), result.criterion.value if result.criterion else "-"])
    return _table(["component", "requirement", "files", "status", "study", "use", "modify", "share", "criterion"],
                  rows)


def _profiles(report: Report) -> list[str]:
    rows = []
    for pid, result in sorted(report.profiles, key=lambda pair: pair[0]):
        mof = "-"
        if result.mof is not None:
            mof = f"class {roman(result.mof.class_reached)}" if result.mof.class_reached else "no class"
        chosen = " (decides the verdict)" if pid == report.profile else ""
        rows.append([f"`{pid}`{chosen}", result.title, f"**{VERDICT_LABEL[result.verdict.status]}**", mof,
                     "; ".join(result.verdict.reasons) or "-"])
    return _table(["profile", "title", "verdict", "MOF", "reasons"], rows)


def _findings(report: Report) -> list[str]:
    if not report.findings:
        return ["No findings."]
    lines = []
    for f in report.findings:
        lines.append(f"- **{f.severity.value}** `{f.id}`: {f.message}")
        if f.paths:
            shown = ", ".join(f"`{p}`" for p in f.paths[:5])
            lines.append(f"  - files: {shown}" + (f" and {len(f.paths) - 5} more" if len(f.paths) > 5 else ""))
        if f.hint:
            lines.append(f"  - hint: {f.hint}")
    return lines


def _licenses(report: Report) -> list[str]:
    rows = []
    for component, result in report.components:
        for text in component_licenses(result) or ["none"]:
            rows.append([component.value, text])
    others = {}
    for f in report.files:
        if f.component not in AI_COMPONENTS:
            others.setdefault((f.component, license_label(f.license, f.license_spdx)), []).append(f.path)
    for (component, label), paths in sorted(others.items(), key=lambda kv: (list(Component).index(kv[0][0]), kv[0][1])):
        rows.append([component.value, f"{label} ({len(paths)} file{'s' if len(paths) != 1 else ''}, e.g. {paths[0]})"])
    return _table(["component", "license (files, example)"], rows)


def render_markdown(report: Report) -> str:
    """Render the report as GitHub-flavoured Markdown."""
    lines = [f"# osai-scan report: {where_line(report)}", "",
             f"Profile `{report.profile}`, {report.summary.files} files, osai-scan {report.tool.version} "
             f"(ScanCode {report.tool.scancode_version}).", "",
             f"## Verdict: {VERDICT_LABEL[report.verdict.status]}", ""]
    lines += [f"- {r}" for r in report.verdict.reasons] or ["- (no reasons given)"]
    if report.sources:  # one AI system from several sources: each file's path starts with its label
        lines += ["", "## Sources", ""]
        lines += _table(["label", "kind", "target", "commit", "files", "how"],
                        [[i.label, i.target.kind, i.given, i.target.commit or "-", str(i.files),
                          f"not scanned: {i.error}" if i.error else
                          f"followed from {i.followed_from}: {i.reference}" if i.followed_from else "given"]
                         for i in report.sources])
    if not report.complete:
        failed = [i.label for i in report.sources if i.error]
        lines += ["", f"**The scan is incomplete**: source(s) {', '.join(failed)} could not be scanned (see the "
                      "`system.source-failed` findings)." if failed else
                  "**The scan is incomplete**: some files could not be read (see the `scan.file-error` findings)."]
    lines += ["", f"## Components and freedoms (profile `{report.profile}`)", "", *_matrix(report)]
    if report.profiles:
        lines += ["", "## Profiles", "", *_profiles(report)]
    lines += ["", "## Findings", "", *_findings(report)]
    lines += ["", "## Licenses per component", "", *_licenses(report)]
    if report.references:
        lines += ["", "## References (named by the target, not part of it)", ""]
        lines += _table(["component", "kind", "name", "license", "matched by", "license from"],
                        [[r.component.value, r.kind.value, r.name,
                          license_label(r.expression, r.expression_spdx) if (r.expression or r.expression_spdx)
                          else f"unknown: {r.detail}", r.matched_by, r.source] for r in report.references])
    escaped = escaped_paths(report)
    if escaped:
        lines += ["", "## File names shown escaped", "", f"{ESCAPED_NAMES_TITLE}:", ""]
        lines += _table(["path (escaped)", "exact name (base64)"], [[p, raw] for p, raw in escaped])
    return "\n".join(lines) + "\n"


__all__ = ["render_markdown"]
