"""What changed between two reports of a target: the verdict and the component statuses of every
profile, the governing license of each file, files added and removed, findings new and resolved.

``diff_reports`` only compares what the two reports already say; ``worse`` is True when the
deciding profile's verdict or one of its components got less open, which ``osai-scan diff``
turns into exit 1 so that a CI job can block the change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..models import ComponentStatus, Report, VerdictStatus, to_dict

#: Higher is more open. A component that appears with a non-open license is worse than absent.
VERDICT_RANK = {VerdictStatus.NOT_OPEN_SOURCE_AI: 0, VerdictStatus.UNDETERMINED: 1, VerdictStatus.OPEN_SOURCE_AI: 2}
COMPONENT_RANK = {ComponentStatus.NOT_OPEN: 0, ComponentStatus.UNLICENSED: 1, ComponentStatus.ABSENT: 2,
                  ComponentStatus.UNKNOWN: 3, ComponentStatus.OPEN: 4}


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """One value that differs: where (``what``), before and after, and whether it got worse."""

    what: str
    old: str | None
    new: str | None
    worse: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportDiff:
    """The differences between an old and a new report."""

    profile: str
    verdicts: tuple[Change, ...]
    components: tuple[Change, ...]
    licenses: tuple[Change, ...]
    files_added: tuple[str, ...]
    files_removed: tuple[str, ...]
    findings_new: tuple[str, ...]
    findings_resolved: tuple[str, ...]
    worse: bool

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return not (self.verdicts or self.components or self.licenses or self.files_added or self.files_removed
                    or self.findings_new or self.findings_resolved)


def _finding_keys(report: Report) -> dict[str, str]:
    return {f"{f.id} [{', '.join(f.paths)}]" if f.paths else f.id: f.severity.value for f in report.findings}


def diff_reports(old: Report, new: Report) -> ReportDiff:
    """Compare two reports of the same target (e.g. two commits)."""
    verdicts, components = [], []
    old_profiles, new_profiles = dict(old.profiles), dict(new.profiles)
    for pid in sorted(set(old_profiles) | set(new_profiles)):
        a, b = old_profiles.get(pid), new_profiles.get(pid)
        if a is None or b is None:
            verdicts.append(Change(what=pid, old=a.verdict.status.value if a else None,
                                   new=b.verdict.status.value if b else None))
            continue
        if a.verdict.status is not b.verdict.status:
            verdicts.append(Change(what=pid, old=a.verdict.status.value, new=b.verdict.status.value,
                                   worse=pid == new.profile
                                   and VERDICT_RANK[b.verdict.status] < VERDICT_RANK[a.verdict.status]))
        ca, cb = dict(a.components), dict(b.components)
        for component in [c for c in cb if c in ca]:
            if ca[component].status is not cb[component].status:
                components.append(Change(
                    what=f"{pid}: {component.value}", old=ca[component].status.value, new=cb[component].status.value,
                    worse=pid == new.profile
                    and COMPONENT_RANK[cb[component].status] < COMPONENT_RANK[ca[component].status]))
    old_files = {f.path: f for f in old.files}
    new_files = {f.path: f for f in new.files}
    licenses = tuple(Change(what=path, old=old_files[path].license_spdx or old_files[path].license,
                            new=new_files[path].license_spdx or new_files[path].license)
                     for path in sorted(set(old_files) & set(new_files))
                     if (old_files[path].license_spdx, old_files[path].license)
                     != (new_files[path].license_spdx, new_files[path].license))
    old_findings, new_findings = _finding_keys(old), _finding_keys(new)
    return ReportDiff(
        profile=new.profile, verdicts=tuple(verdicts), components=tuple(components), licenses=licenses,
        files_added=tuple(sorted(set(new_files) - set(old_files))),
        files_removed=tuple(sorted(set(old_files) - set(new_files))),
        findings_new=tuple(f"[{new_findings[k]}] {k}" for k in sorted(set(new_findings) - set(old_findings))),
        findings_resolved=tuple(f"[{old_findings[k]}] {k}" for k in sorted(set(old_findings) - set(new_findings))),
        worse=any(c.worse for c in verdicts) or any(c.worse for c in components),
    )


def _change(c: Change) -> str:
    return f"{c.what}: {c.old or '-'} -> {c.new or '-'}" + ("  (worse)" if c.worse else "")


def _sections(d: ReportDiff) -> list[tuple[str, list[str]]]:
    return [
        ("Verdicts", [_change(c) for c in d.verdicts]),
        ("Components", [_change(c) for c in d.components]),
        ("Governing licenses", [_change(c) for c in d.licenses]),
        ("Files added", list(d.files_added)),
        ("Files removed", list(d.files_removed)),
        ("Findings new", list(d.findings_new)),
        ("Findings resolved", list(d.findings_resolved)),
    ]


def _summary(d: ReportDiff) -> str:
    if d.empty:
        return "no changes"
    return (f"WORSE under {d.profile}: the verdict or a component got less open" if d.worse
            else f"changed; nothing got less open under {d.profile}")


def render_diff_table(d: ReportDiff) -> str:
    """The diff for a terminal."""
    lines = [f"osai-scan diff: {_summary(d)}"]
    for title, items in _sections(d):
        if items:
            lines += ["", f"{title}:", *(f"  {item}" for item in items)]
    return "\n".join(lines) + "\n"


def render_diff_markdown(d: ReportDiff) -> str:
    """The diff as Markdown (a pull-request comment)."""
    lines = ["# osai-scan diff", "", f"**{_summary(d)}**"]
    for title, items in _sections(d):
        if items:
            lines += ["", f"## {title}", "", *(f"- `{item}`" for item in items)]
    return "\n".join(lines) + "\n"


def render_diff_json(d: ReportDiff) -> str:
    """The diff as JSON, keys sorted."""
    data = to_dict(d)
    data["empty"] = d.empty
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


DIFF_RENDERERS = {"table": render_diff_table, "json": render_diff_json, "markdown": render_diff_markdown}

__all__ = ["COMPONENT_RANK", "Change", "DIFF_RENDERERS", "ReportDiff", "VERDICT_RANK", "diff_reports"]
