"""``scan_system``: one AI system from several sources (``scan ./code hf:org/weights``, ``--follow``).

Each source goes through the stages on its own (``scan_source``: attribution stays within a
source); ``policy.system`` relabels and assembles them; the profiles are evaluated once, on the
whole system. With ``follow``, the Hub repositories a source's code loads its weights from are
added as sources (one level deep, at most ``max_sources`` in all), each named by a finding; a
GitHub repository a Hub card names is reported for the user to clone, never cloned.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from ..detect.workers import ScanStats
from ..errors import OsaiScanError, SourceError, UsageError
from ..findings import FindingCatalogue
from ..models import AI_COMPONENTS, Component, Finding, Reference, Report, SourceInfo, TargetInfo, Transfer
from ..policy.declarations import lacks_files
from ..policy.system import assemble, code_repositories, follow_targets, relabel, source_label
from ..ruleset import Profile, RuleSet
from ..sources import Source, open_source, parse_hub_target, split_repo_type
from .options import ScanOptions
from .source import Scanned, report_of, scan_source


@dataclass(kw_only=True)
class _Member:
    """One source of the system: as given, and how its scan went."""

    given: str
    source: Source | None = None
    scanned: Scanned | None = None
    error: OsaiScanError | None = None
    followed_from: str | None = None
    reference: Reference | None = None
    label: str = ""


def _given(target: str | Source) -> str:
    """The target as the user would type it (without asking a Hub anything)."""
    if isinstance(target, str):
        return target
    given = getattr(target, "given", None)  # local sources keep the path given
    if isinstance(given, str):
        return given
    repo_id = getattr(target, "repo_id", None)
    if isinstance(repo_id, str):
        prefix = "datasets/" if getattr(target, "repo_type", "model") == "dataset" else ""
        revision = getattr(target, "revision", None)
        return f"hf:{prefix}{repo_id}" + (f"@{revision}" if revision else "")
    return type(target).__name__


def _failed_target(given: str) -> TargetInfo:
    """What a target that could not be scanned names (no commit was resolved)."""
    parsed = parse_hub_target(given) if given.startswith(("hf:", "http://", "https://")) else None
    if parsed is not None:
        repo_id, revision, _ = parsed
        return TargetInfo(kind="hub", name=repo_id, repo_id=split_repo_type(repo_id)[1], revision=revision or "main")
    return TargetInfo(kind="local", name=given.rstrip("/").rsplit("/", 1)[-1] or given, path=given)


def _scan_member(member: _Member, rules: RuleSet, options: ScanOptions, stats: ScanStats) -> None:
    progress = options.progress or (lambda phase, done, total: None)
    try:
        if member.source is None:
            member.source = open_source(member.given, None, options.hub, options.hash_weights)
        member.scanned = scan_source(member.source, rules, options, stats, progress)
    except OsaiScanError as exc:
        if member.followed_from is None and (isinstance(exc, UsageError) or not isinstance(exc, SourceError)):
            raise  # a given target the user must fix, or a detector that does not work: stop, as one source would
        member.error = exc


def scan_system(targets: Sequence[str | Source], options: ScanOptions, rules: RuleSet, profile: Profile,
                stats: ScanStats, generated_at: str | None) -> Report:
    """Scan ``targets`` as one AI system (and, with ``options.follow``, what their code loads).

    Raises:
        UsageError: no target, ``--revision`` with several targets, or a target that cannot be used.
        TargetNotFoundError: a local target does not exist.
        RuleError: a rules file is invalid.
        SourceError: the only target cannot be listed (with several, a failing one is reported).
    """
    if not targets:
        raise UsageError("No target to scan.", hint="Give a folder, hf:ORG/NAME or a Hub URL.")
    if options.revision and len(targets) > 1:
        raise UsageError("--revision applies to one Hub target; with several targets give each its own.",
                         hint="Write hf:ORG/NAME@REVISION for each Hub target.")
    members = []
    for target in targets:  # open every given target first: a typo stops the scan before any work
        source = open_source(target, options.revision, options.hub, options.hash_weights) \
            if isinstance(target, str) else target
        members.append(_Member(given=_given(target), source=source))
    for member in members:
        _scan_member(member, rules, options, stats)
        _name(member, members)
    if len(members) == 1 and members[0].error is not None:
        raise members[0].error
    catalogue = FindingCatalogue(rules.findings)
    extra: list[Finding] = []
    if options.follow:
        extra += _follow(members, rules, options, stats, catalogue)
        extra += _code_repositories(members, catalogue)
    if len(members) == 1:  # nothing was followed: the one-source report (plus what --follow found)
        scanned = members[0].scanned
        assert scanned is not None
        part = scanned.part
        extra = [replace(f, source=None) for f in extra]
        return report_of(part.facts(), part.declared, list(part.findings) + extra, rules=rules, profile=profile,
                         target=scanned.target, complete=scanned.complete, transfer=scanned.transfer,
                         generated_at=generated_at)
    extra = [replace(f, paths=tuple(f"{f.source}/{p}" for p in f.paths)) if f.source else f for f in extra]
    system = assemble([relabel(m.scanned.part, m.label) for m in members if m.scanned is not None], catalogue)
    extra += [_member_finding(m, catalogue) for m in members if m.error is not None or m.followed_from is not None]
    infos = tuple(SourceInfo(
        label=m.label, given=m.given,
        target=m.scanned.target if m.scanned else _failed_target(m.given),
        followed_from=m.followed_from,
        reference=f"{m.followed_from}/{m.reference.source} ({m.reference.matched_by.split(' at ')[0]})"
        if m.reference else None,
        files=len(m.scanned.part.files) if m.scanned else 0,
        complete=m.scanned.complete if m.scanned else False,
        error=str(m.error) if m.error else None) for m in members)
    target = TargetInfo(kind="system", name=" + ".join(m.label for m in members))
    return report_of(system.facts, system.declared, list(system.findings) + extra, rules=rules, profile=profile,
                     target=target, complete=all(i.complete for i in infos),
                     transfer=_transfer([m.scanned.transfer for m in members if m.scanned]),
                     generated_at=generated_at, sources=infos)


def _name(member: _Member, members: list[_Member]) -> None:
    """Give ``member`` its label: its name (a folder's, a Hub id), unique among the labels given so far."""
    name = member.scanned.target.name if member.scanned else _failed_target(member.given).name
    member.label = source_label(name, [m.label for m in members if m.label and m is not member])


def _member_finding(m: _Member, catalogue: FindingCatalogue) -> Finding:
    """``system.source-failed`` for a source that could not be scanned, else ``system.source-followed``."""
    named_by = [f"{m.followed_from}/{m.reference.source.split(', line ')[0]}"] if m.reference else []
    if m.error is not None:
        return replace(catalogue.make(
            "system.source-failed",
            f"Source '{m.label}' ({m.given}" + (f", named by {m.reference.source} in '{m.followed_from}'"
                                               if m.reference else "")
            + f") could not be scanned: {m.error.message} The report is incomplete: the system is judged "
              "without the components it would have contributed.", paths=named_by,
            hint=m.error.hint or None), source=m.label)
    assert m.scanned is not None and m.reference is not None
    held = sorted({f.component.value for f in m.scanned.part.files if f.component in AI_COMPONENTS})
    return replace(catalogue.make(
        "system.source-followed",
        f"Source '{m.label}' was added by --follow: {m.reference.source} in '{m.followed_from}' loads it "
        f"({m.reference.matched_by.split(' at ')[0]}). It contributes {len(m.scanned.part.files)} file(s)"
        + (f" ({', '.join(held)})" if held else "") + "; its own licenses decide them.", paths=named_by),
        source=m.label)


def _follow(members: list[_Member], rules: RuleSet, options: ScanOptions, stats: ScanStats,
            catalogue: FindingCatalogue) -> list[Finding]:
    """Add the Hub repositories the given sources load weights from; a finding for those left out."""
    parts = [replace(m.scanned.part, label=m.label) for m in members if m.scanned is not None]
    if not lacks_files(Component.MODEL, [f for p in parts for f in p.files]):
        return []  # the weights are in the system already: nothing to follow
    held = {m.scanned.target.name for m in members if m.scanned and m.scanned.target.kind == "hub"}
    chosen, left = follow_targets(parts, held, max(options.max_sources - len(members), 0))
    for origin, reference in chosen:
        member = _Member(given=f"hf:{reference.id}", followed_from=origin, reference=reference)
        _scan_member(member, rules, options, stats)
        members.append(member)
        _name(member, members)
    if not left:
        return []
    return [catalogue.make(
        "system.follow-limit",
        f"--follow stopped at {options.max_sources} source(s): {len(left)} more Hub model(s) named by the code "
        f"were not added: {', '.join(r.id for r in left[:5])}" + (" and more" if len(left) > 5 else "") + ".",
        hint=f"Raise --max-sources, or scan the sources you mean together: osai-scan scan ... hf:{left[0].id}")]


def _code_repositories(members: list[_Member], catalogue: FindingCatalogue) -> list[Finding]:
    """A Hub card's GitHub links, for the user to clone and pass (only while the system holds no Code)."""
    files = [f for m in members if m.scanned for f in m.scanned.part.files]
    if not lacks_files(Component.CODE, files):
        return []
    out = []
    for m in members:
        if m.scanned is None or m.scanned.target.kind != "hub" or not m.scanned.card_text:
            continue
        repos = code_repositories(m.scanned.card_text)
        if not repos:
            continue
        hub = f"hf:{m.scanned.target.name}"
        first = repos[0]
        out.append(replace(catalogue.make(
            "system.code-repository-named",
            f"The model card of '{m.label}' ({m.scanned.part.card_path or 'README.md'}) names the code repository "
            f"{', '.join('https://github.com/' + r for r in repos[:5])}; osai-scan does not clone repositories, "
            "so its code is not part of this scan.",
            paths=[m.scanned.part.card_path] if m.scanned.part.card_path else (),
            hint=f"Clone it and scan both as one system: git clone https://github.com/{first} && "
                 f"osai-scan scan ./{first.split('/')[1]} {hub}"), source=m.label))
    return out


def _transfer(transfers: list[Transfer | None]) -> Transfer | None:
    present = [t for t in transfers if t is not None]
    if not present:
        return None
    return Transfer(**{name: sum(getattr(t, name) for t in present) for name in
                       ("files_downloaded", "bytes_downloaded", "files_from_cache", "header_ranges", "header_bytes")})


__all__ = ["scan_system"]
