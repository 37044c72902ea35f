"""HTML: one self-contained page (no network, no external assets, no script): the verdict, the
freedoms matrix coloured by status, the profiles side by side, the findings with their hints, and
each component's files with their evidence in collapsible sections. Readable on a phone, printable."""

from __future__ import annotations

from html import escape

from ..models import Component, FileResult, Freedom, Report
from ..policy.mof import roman
from ._common import ESCAPED_NAMES_TITLE, VERDICT_LABEL, component_licenses, freedom_cells, license_label, where_line

_CSS = """
:root{--open:#1a7f37;--open-bg:#dafbe1;--cond:#9a6700;--cond-bg:#fff8c5;--bad:#cf222e;--bad-bg:#ffebe9;
--unk:#57606a;--unk-bg:#eaeef2;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328}
body{margin:0 auto;max-width:72rem;padding:1rem;line-height:1.45}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #d0d7de}
.meta{color:#57606a;font-size:.9rem;overflow-wrap:anywhere}
.verdict{border-radius:.5rem;padding:.8rem 1rem;margin:1rem 0;border:2px solid}
.verdict .label{font-size:1.6rem;font-weight:700;margin:0}
.v-open-source-ai{background:var(--open-bg);border-color:var(--open)}
.v-not-open-source-ai{background:var(--bad-bg);border-color:var(--bad)}
.v-undetermined{background:var(--unk-bg);border-color:var(--unk)}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.cell{text-align:center;font-weight:600}
.s-meets,.s-open{background:var(--open-bg);color:var(--open)}
.s-conditional{background:var(--cond-bg);color:var(--cond)}
.s-fails,.s-not-open,.s-unlicensed{background:var(--bad-bg);color:var(--bad)}
.s-unknown,.s-absent,.s-n-a,.s--{background:var(--unk-bg);color:var(--unk)}
.profiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.8rem}
.profile{border:1px solid #d0d7de;border-radius:.5rem;padding:.6rem .8rem}
.profile h3{font-size:1rem;margin:.1rem 0}.profile .verdict-text{font-weight:700}
.profile ul{padding-left:1.1rem;margin:.3rem 0}.chosen{outline:3px solid #0969da}
.finding{border-left:4px solid var(--unk);padding:.3rem .7rem;margin:.5rem 0;background:#f6f8fa}
.f-error{border-color:var(--bad)}.f-warning{border-color:var(--cond)}
.finding code{font-weight:600}.hint{color:#57606a}.paths{font-size:.85rem;overflow-wrap:anywhere}
details{border:1px solid #d0d7de;border-radius:.4rem;margin:.4rem 0;padding:.3rem .6rem}
summary{cursor:pointer;font-weight:600}
@media print{body{max-width:none;font-size:10pt}.scroll{overflow:visible}.profiles{display:block}.profile{margin:.4rem 0;break-inside:avoid}}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _cls(status: str) -> str:
    return "s-" + status.replace("/", "-")


def _matrix(report: Report) -> str:
    rows = []
    for component, result in report.components:
        cells = "".join(f'<td class="cell {_cls(v)}" data-freedom="{f.value}">{_e(v)}</td>'
                        for f, v in zip(Freedom, freedom_cells(result)))
        files = {"referenced": "by reference", "declared": "declared"}.get(result.presence.value, str(result.files))
        licenses = "<br>".join(_e(x) for x in component_licenses(result)) or "none"
        rows.append(f'<tr data-component="{component.value}"><th scope="row">{component.value}</th>'
                    f"<td>{_e(result.requirement.value)}</td><td>{files}</td>"
                    f'<td class="cell {_cls(result.status.value)}" data-status>{_e(result.status.value)}</td>'
                    f"{cells}<td>{_e(result.criterion.value if result.criterion else '-')}</td><td>{licenses}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("component", "requirement", "files", "status", "study", "use", "modify",
                                              "share", "criterion", "licenses"))
    return f'<div class="scroll"><table id="matrix"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _profiles(report: Report) -> str:
    cards = []
    for pid, result in sorted(report.profiles, key=lambda pair: pair[0]):
        items = "".join(f'<li>{c.value}: <span class="{_cls(r.status.value)}">{_e(r.status.value)}</span></li>'
                        for c, r in result.components)
        mof = ""
        if result.mof is not None:
            mof = f"<p>MOF class reached: {_e(roman(result.mof.class_reached))}</p>"
        chosen = " chosen" if pid == report.profile else ""
        cards.append(f'<div class="profile{chosen}" data-profile="{_e(pid)}"><h3>{_e(pid)}</h3>'
                     f'<p class="meta">{_e(result.title)}</p>'
                     f'<p class="verdict-text v-{result.verdict.status.value}">{_e(VERDICT_LABEL[result.verdict.status])}</p>'
                     f"{mof}<ul>{items}</ul></div>")
    return f'<div class="profiles" id="profiles">{"".join(cards)}</div>'


def _findings(report: Report) -> str:
    if not report.findings:
        return '<p id="findings">No findings.</p>'
    items = []
    for f in report.findings:
        paths = f'<div class="paths">{_e(", ".join(f.paths))}</div>' if f.paths else ""
        hint = f'<div class="hint">Hint: {_e(f.hint)}</div>' if f.hint else ""
        items.append(f'<div class="finding f-{f.severity.value}" data-finding="{_e(f.id)}">'
                     f"<div><strong>{f.severity.value}</strong> <code>{_e(f.id)}</code>: {_e(f.message)}</div>"
                     f"{paths}{hint}</div>")
    return f'<div id="findings">{"".join(items)}</div>'


def _evidence(f: FileResult) -> str:
    parts = [f"{f.attribution.source.value}" + (f" ({f.attribution.source_path})" if f.attribution.source_path else "")]
    for m in f.detections[:3]:
        lines = f" lines {m.start_line}-{m.end_line}" if m.start_line else ""
        parts.append(f"{m.expression_spdx or m.expression} [{m.matcher}{lines}]")
    if len(f.detections) > 3:
        parts.append(f"+{len(f.detections) - 3} more matches")
    if f.header is not None and f.header.parameter_count is not None:
        parts.append(f"{f.header.format} header: {f.header.parameter_count} parameters")
    return "; ".join(parts)


def _path_cell(f: FileResult) -> str:
    """A file's path; an escaped name also shows its exact bytes (base64)."""
    if not f.path_base64:
        return _e(f.path)
    return (f'{_e(f.path)} <span class="b64" title="{_e(ESCAPED_NAMES_TITLE)}">(exact name, base64: '
            f"{_e(f.path_base64)})</span>")


def _files(report: Report) -> str:
    sections = []
    for component in Component:
        files = [f for f in report.files if f.component is component]
        if not files:
            continue
        rows = "".join(f"<tr><td>{_path_cell(f)}</td><td>{_e(license_label(f.license, f.license_spdx))}</td>"
                       f"<td>{_e(f.status.value)}</td><td>{_e(f.rule)}</td><td>{_e(_evidence(f))}</td></tr>"
                       for f in files)
        sections.append(f'<details data-files="{component.value}"><summary>{component.value} ({len(files)} '
                        f'file{"s" if len(files) != 1 else ""})</summary><div class="scroll"><table><thead><tr>'
                        "<th>path</th><th>license</th><th>status</th><th>rule</th><th>evidence</th></tr></thead>"
                        f"<tbody>{rows}</tbody></table></div></details>")
    return "".join(sections)


def render_html(report: Report) -> str:
    """Render the report as one self-contained HTML page."""
    status = report.verdict.status
    reasons = "".join(f"<li>{_e(r)}</li>" for r in report.verdict.reasons)
    incomplete = ("<p><strong>The scan is incomplete</strong>: some files could not be read.</p>"
                  if not report.complete else "")
    body = (f"<h1>osai-scan report</h1><p class=\"meta\">{_e(where_line(report))} · profile {_e(report.profile)} · "
            f"{report.summary.files} files · osai-scan {_e(report.tool.version)}, ScanCode "
            f"{_e(report.tool.scancode_version)}</p>"
            f'<section id="verdict" class="verdict v-{status.value}"><p class="label">{_e(VERDICT_LABEL[status])}</p>'
            f"<ul>{reasons}</ul>{incomplete}</section>"
            f"<h2>Components and freedoms</h2>{_matrix(report)}"
            f"<h2>Profiles</h2>{_profiles(report)}"
            f"<h2>Findings</h2>{_findings(report)}"
            f"<h2>Files by component</h2>{_files(report)}")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>osai-scan: {_e(where_line(report))}</title><style>{_CSS}</style></head>"
            f"<body>{body}</body></html>\n")


__all__ = ["render_html"]
