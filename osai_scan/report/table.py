"""A terminal view: verdict, the 5x4 freedoms matrix, components and findings."""

from __future__ import annotations

from ..models import (
    Component,
    ComponentStatus,
    Freedom,
    Presence,
    ReferenceKind,
    Report,
    VerdictStatus,
)
from ..policy.mof import roman
from ._common import ESCAPED_NAMES_TITLE, escaped_paths

_SYMBOL = {"meets": "meets", "conditional": "COND", "fails": "FAILS", "unknown": "?"}
_VERDICT = {
    VerdictStatus.OPEN_SOURCE_AI: "OPEN SOURCE AI",
    VerdictStatus.NOT_OPEN_SOURCE_AI: "NOT OPEN SOURCE AI",
    VerdictStatus.UNDETERMINED: "UNDETERMINED",
}


def _row(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()


def _profiles(report: Report) -> list[str]:
    """One line per profile: its verdict (and the MOF class reached)."""
    if not report.profiles:
        return []
    lines = ["", f"Profiles (the verdict above is {report.profile}'s):"]
    width = max(len(pid) for pid, _ in report.profiles)
    for pid, result in report.profiles:
        line = f"  {pid.ljust(width)}  {result.verdict.status.value}"
        if result.mof is not None:
            line += f"  (MOF class reached: {roman(result.mof.class_reached)}"
            if result.mof.next_class is not None:
                missing = [m.split(" ", 1)[0] for m in result.mof.missing_for_next]
                line += f"; Class {roman(result.mof.next_class)} needs: {', '.join(missing)}"
            line += ")"
        lines.append(line)
    return lines


def _mof_components(report: Report) -> list[str]:
    """When the MOF profile decides the verdict: its components, class by class."""
    chosen = dict(report.profiles).get(report.profile)
    if chosen is None or chosen.mof is None:
        return []
    lines = ["", f"{chosen.mof.framework}: class reached {roman(chosen.mof.class_reached)}"]
    header = ["class", "component", "type", "required", "status", "type-appropriate", "licenses"]
    rows = []
    for c in sorted(chosen.mof.components, key=lambda c: (-c.mof_class, c.mof_id)):
        appropriate = "-" if c.type_appropriate is None else "yes" if c.type_appropriate else "NO"
        licenses = ", ".join(lc.expression_spdx or lc.expression or "?" for lc in c.licenses[:2])
        rows.append([roman(c.mof_class), c.name, c.content_type, "yes" if c.required else "no", c.status.value,
                     appropriate, licenses])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines += [_row(header, widths), _row(["-" * w for w in widths], widths), *(_row(r, widths) for r in rows)]
    return lines


def _sources(report: Report) -> list[str]:
    """One line per source of a multi-source system: label, kind, what was scanned, how it came in."""
    rows = []
    for i in report.sources:
        t = i.target
        what = (f"hf:{t.name}@{t.revision}" if t.kind == "hub" else (t.path or t.name)) \
            + (f" @ {t.commit[:12]}{' (dirty)' if t.dirty else ''}" if t.commit else "")
        how = (f"NOT SCANNED: {i.error}" if i.error else f"{i.files} files") \
            + (f"; followed from {i.followed_from}: {i.reference}" if i.followed_from else "")
        rows.append([i.label, t.kind, what, how])
    widths = [max(len(r[n]) for r in rows) for n in range(3)]
    return ["  " + "  ".join(r[n].ljust(widths[n]) for n in range(3)) + "  " + r[3] for r in rows]


def render_table(report: Report) -> str:
    """Render the report for a person at a terminal."""
    t = report.target
    where = f"hf:{t.name}@{t.revision}" if t.kind == "hub" else (t.repo_id or t.path or t.name)
    lines = [f"osai-scan {report.tool.version}: {where}"
             + (f" @ {t.commit[:12]}{' (dirty)' if t.dirty else ''}" if t.commit else ""),
             f"profile: {report.profile}    files: {report.summary.files}", ""]
    if report.sources:
        lines[-1:] = ["sources (each file's path starts with its source's label):", *_sources(report), ""]
    lines.append(f"Verdict: {_VERDICT[report.verdict.status]}")
    lines.extend(f"  - {r}" for r in report.verdict.reasons)
    lines.append("")
    header = ["component", "required", "files", "status", "study", "use", "modify", "share", "criterion", "licenses"]
    rows = []
    for component, result in report.components:
        freedoms = ["-"] * 4
        if result.freedoms is not None:
            freedoms = [_SYMBOL[result.freedoms.cell(f).status.value] for f in Freedom]
        if result.status is ComponentStatus.ABSENT:
            freedoms = ["n/a"] * 4
        own = [lc for lc in result.licenses if lc.provenance != "lineage"]
        licenses = ", ".join((lc.expression_spdx or lc.expression or "?")
                             + (f" [{', '.join(lc.sources)}]" if lc.sources else "") for lc in own[:3])
        if len(own) > 3:
            licenses += f", +{len(own) - 3}"
        licenses += "".join(f"{', ' if licenses else ''}{lc.expression_spdx or lc.expression} (lineage: {lc.example})"
                            for lc in result.licenses if lc.provenance == "lineage")
        if result.unlicensed:
            licenses += (", " if licenses else "") + f"{len(result.unlicensed)} unlicensed"
        files = {Presence.REFERENCED: "by ref", Presence.DECLARED: "declared"}.get(result.presence, str(result.files))
        if result.presence in (Presence.REFERENCED, Presence.DECLARED):
            licenses += " (" + ", ".join(r for lc in result.licenses for r in lc.references) + ")"
        criterion = result.criterion.value if result.criterion else "-"
        if result.criterion_because and result.status in (ComponentStatus.NOT_OPEN, ComponentStatus.UNKNOWN):
            # the freedoms meet but the kind of license does not: the criterion is the cause
            criterion += ": fails" if result.status is ComponentStatus.NOT_OPEN else ": unknown"
        rows.append([component.value, result.requirement.value, files, result.status.value, *freedoms,
                     criterion, licenses])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines.append(_row(header, widths))
    lines.append(_row(["-" * w for w in widths], widths))
    lines.extend(_row(r, widths) for r in rows)
    others = [(c.value, n) for c, n in ((Component(k), v) for k, v in report.summary.by_component)
              if c.value in ("documentation", "legal", "other")]
    if others:
        lines.append("also: " + ", ".join(f"{n} {c}" for c, n in others))
    if report.references:
        lines.append("")
        lines.append("References (named by the target, not part of it):")
        for ref in report.references:
            if ref.kind is ReferenceKind.WEIGHTS:
                lines.append(f"  {ref.component.value:<13}  {ref.kind.value:<11}  {ref.name}  [{ref.matched_by}]")
                continue
            lic = ref.expression_spdx or ref.expression or f"license unknown: {ref.detail}"
            lines.append(f"  {ref.component.value:<13}  {ref.kind.value:<11}  {ref.name}: {lic}  "
                         f"[{ref.matched_by}; license from {ref.source}]")
    lines.extend(_mof_components(report))
    lines.extend(_profiles(report))
    if report.findings:
        lines.append("")
        lines.append("Findings:")
        for f in report.findings:
            lines.append(f"  [{f.severity.value}] {f.id}{f' ({f.source})' if f.source else ''}: {f.message}")
            if f.hint:
                lines.append(f"      hint: {f.hint}")
    escaped = escaped_paths(report)
    if escaped:
        lines.append("")
        lines.append(f"{ESCAPED_NAMES_TITLE}:")
        lines.extend(f"  {path}  base64:{raw}" for path, raw in escaped)
    if not report.complete:
        lines.append("")
        failed = [i.label for i in report.sources if i.error]
        lines.append(f"The scan is INCOMPLETE: source(s) {', '.join(failed)} could not be scanned (see "
                     "system.source-failed findings)." if failed else
                     "The scan is INCOMPLETE: some files could not be read (see scan.file-error findings).")
    return "\n".join(lines) + "\n"
