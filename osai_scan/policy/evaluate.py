"""Apply a policy profile: per-component status and freedoms row, verdict, findings.

A component's status comes in two steps. First its freedoms row (the AND of the rows of
every license governing its files): a required freedom that fails or is only conditional
makes it ``not-open``. Then, when every required freedom meets, its *criterion* (osd,
open-data, osd-or-open-data) decides which kind of open license counts: CC-BY-4.0 code is
``not-open`` under ``osd``, CC-BY-4.0 training data is ``open`` under ``osd-or-open-data``.

A component with no files can be present by reference (a framework named by ``library_name``
stands in for Code, datasets named by the model card for Training Data; references.py), and
restrictions from outside the license texts (access gates, a base model's license) are
combined with the license rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import FindingCatalogue
from ..licenses import LicenseKnowledge, combine_all
from ..models import (
    AI_COMPONENTS,
    Component,
    ComponentResult,
    ComponentStatus,
    Criterion,
    FileResult,
    FileStatus,
    Finding,
    Freedom,
    FreedomCell,
    FreedomRow,
    FreedomStatus,
    LicenseCount,
    MetadataItem,
    Presence,
    ProfileResult,
    Reference,
    ReferenceKind,
    Requirement,
    Restriction,
    Verdict,
    VerdictStatus,
)
from ..ruleset import ComponentPolicy, Profile, any_match
from .declarations import lacks_files

#: How many example paths a reason names before saying "and N more".
_EXAMPLES = 3
#: Reference kinds that can stand in for a component with no files.
_STAND_IN = frozenset({ReferenceKind.FRAMEWORK, ReferenceKind.DATASET})
_ABSENT_HINT = {
    Component.MODEL: "If the weights are published elsewhere (for example on the Hugging Face Hub), scan that "
                     "repository too: osai-scan scan hf:ORG/NAME.",
    Component.CODE: "If the code that runs the model lives in another repository, scan it too.",
}


def examples(paths: list[str] | tuple[str, ...]) -> str:
    """A short list of paths: the first few, then "and N more"."""
    shown = ", ".join(paths[:_EXAMPLES])
    return shown + (f" and {len(paths) - _EXAMPLES} more" if len(paths) > _EXAMPLES else "")


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanFacts:
    """What every profile evaluates: the files, the model card's metadata, references and restrictions."""

    files: tuple[FileResult, ...]
    card_path: str | None
    card: tuple[MetadataItem, ...]
    references: tuple[Reference, ...] = ()
    restrictions: tuple[Restriction, ...] = ()

    def stand_ins(self, component: Component) -> list[Reference]:
        """The references that can stand in for ``component`` when it has no files."""
        return [r for r in self.references if r.component is component and r.kind in _STAND_IN]

    def declarations_of(self, component: Component) -> list[Reference]:
        """The statements of the target that put ``component`` under a license without its files."""
        return [r for r in self.references if r.component is component and r.kind is ReferenceKind.DECLARATION]

    def restrictions_of(self, components: set[Component]) -> tuple[Restriction, ...]:
        """The restrictions that apply to any of ``components``."""
        return tuple(r for r in self.restrictions if components & set(r.components))

    def by_component(self) -> dict[Component, list[FileResult]]:
        """The files of each of the five components."""
        grouped: dict[Component, list[FileResult]] = {c: [] for c in AI_COMPONENTS}
        for f in self.files:
            if f.component in grouped:
                grouped[f.component].append(f)
        return grouped

    def card_value(self, key: str) -> str | None:
        """A model card metadata value, when the card has it."""
        return next((i.value for i in self.card if i.key == key), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class LicenseStatus:
    """How a set of files fares under a criterion and a set of freedoms."""

    status: ComponentStatus
    licenses: tuple[LicenseCount, ...]
    unlicensed: tuple[str, ...]
    row: FreedomRow | None
    criterion_because: tuple[str, ...]
    presence: Presence = Presence.PRESENT


def license_status(files: list[FileResult], criterion: Criterion, needed: tuple[Freedom, ...],
                   knowledge: LicenseKnowledge, stand_ins: list[Reference] | None = None,
                   restrictions: tuple[Restriction, ...] = (),
                   declarations: list[Reference] | None = None) -> LicenseStatus:
    """The status of a set of files: freedoms first, then the criterion (see module docstring).

    Args:
        files: the files (their governing licenses decide).
        criterion: which kind of open license counts.
        needed: the freedoms that must meet.
        knowledge: license knowledge.
        stand_ins: references judged instead when there are no files (presence ``referenced``).
        restrictions: limits from outside the license texts, combined with the license rows.
        declarations: statements that put the component under a license when its files (for the
            Model, its weights) are not in the target; with no files, presence ``declared``.
    """
    by_expression: dict[str | None, list[str]] = {}
    spdx: dict[str | None, str | None] = {}
    declared_refs: dict[str | None, list[str]] = {}
    for d in declarations or ():
        declared_refs.setdefault(d.expression, []).append(d.id)
        spdx[d.expression] = d.expression_spdx
    if files or declared_refs:
        presence = Presence.PRESENT if files else Presence.DECLARED
        for f in files:
            by_expression.setdefault(f.license, []).append(f.path)
            spdx[f.license] = f.license_spdx
        for expression, ids in declared_refs.items():
            by_expression.setdefault(expression, []).extend(ids)
    elif stand_ins:
        presence = Presence.REFERENCED
        for r in stand_ins:
            by_expression.setdefault(r.expression, []).append(r.id)
            spdx[r.expression] = r.expression_spdx
    else:
        return LicenseStatus(status=ComponentStatus.ABSENT, licenses=(), unlicensed=(), row=None, criterion_because=(),
                             presence=Presence.ABSENT)
    unlicensed = tuple(sorted(by_expression.pop(None, [])))
    source_of = {f.path: f.source for f in files if f.source}  # a system of several sources

    def _count(expression: str | None, paths: list[str]) -> LicenseCount:
        refs = [p for p in paths if p in declared_refs.get(expression, ())] if declared_refs else []
        if files:
            governed = [p for p in paths if p not in refs]
            return LicenseCount(expression=expression, expression_spdx=spdx[expression], files=len(governed),
                                example=sorted(governed or paths)[0], references=tuple(sorted(refs)),
                                provenance="files" if governed else "declaration",
                                sources=tuple(sorted({source_of[p] for p in governed if p in source_of})))
        return LicenseCount(expression=expression, expression_spdx=spdx[expression], files=0,
                            example=sorted(paths)[0], references=tuple(sorted(paths)),
                            provenance="declaration" if declared_refs else "reference")

    licenses = tuple(_count(e, p) for e, p in sorted(by_expression.items(), key=lambda kv: (-len(kv[1]), kv[0] or ""))
                     ) + tuple(  # licenses inherited through lineage: provenance lineage, naming the base
        LicenseCount(expression=r.expression, expression_spdx=r.expression_spdx, files=0, example=r.origin or r.id,
                     references=(r.origin,) if r.origin else (), provenance="lineage")
        for r in restrictions if r.expression)
    rows, criterion_cells = [], []
    for expression, paths in sorted(by_expression.items(), key=lambda kv: kv[0] or ""):
        assert expression is not None
        row = knowledge.row_for_expression(expression)
        where = f" [{examples(sorted(paths))}]"
        rows.append(FreedomRow(**{f.value: FreedomCell(status=row.cell(f).status,
                                                       because=tuple(b + where for b in row.cell(f).because))
                                  for f in Freedom}))
        cell = knowledge.criterion_for_expression(expression, criterion)
        if cell.status is not FreedomStatus.MEETS:
            criterion_cells.append(FreedomCell(status=cell.status, because=tuple(b + where for b in cell.because)))
    if unlicensed:
        rows.append(FreedomRow(**{f.value: FreedomCell(
            status=FreedomStatus.UNKNOWN, because=(f"no license found for {examples(list(unlicensed))}",))
            for f in Freedom}))
    rows.extend(r.row for r in restrictions)
    for r in restrictions:
        if r.expression:
            cell = knowledge.criterion_for_expression(r.expression, criterion)
            if cell.status is not FreedomStatus.MEETS:
                criterion_cells.append(FreedomCell(status=cell.status, because=tuple(
                    f"{b} [base model {r.origin}]" for b in cell.because)))
    row = combine_all(rows)
    statuses = {row.cell(f).status for f in needed}
    criterion_statuses = {c.status for c in criterion_cells}
    # A license known to fail decides, whatever else is unknown or missing: one file under a
    # non-OSD license makes the component not open even if another file's license is unclear.
    if statuses & {FreedomStatus.FAILS, FreedomStatus.CONDITIONAL} or FreedomStatus.FAILS in criterion_statuses:
        status = ComponentStatus.NOT_OPEN
    elif unlicensed:
        status = ComponentStatus.UNLICENSED
    elif FreedomStatus.UNKNOWN in statuses:
        status = ComponentStatus.UNKNOWN
    elif criterion_statuses:
        status = ComponentStatus.UNKNOWN
    else:
        status = ComponentStatus.OPEN
    # the criterion is the cause when every needed freedom meets, or when it fails while no
    # needed freedom does (the others may be unknown: then only the failing licenses are named)
    if not statuses - {FreedomStatus.MEETS}:
        because = tuple(b for c in criterion_cells for b in c.because)
    elif status is ComponentStatus.NOT_OPEN and not statuses & {FreedomStatus.FAILS, FreedomStatus.CONDITIONAL}:
        because = tuple(b for c in criterion_cells if c.status is FreedomStatus.FAILS for b in c.because)
    else:
        because = ()
    return LicenseStatus(status=status, licenses=licenses, unlicensed=unlicensed, row=row,
                         criterion_because=because, presence=presence)


def information_evidence(component: Component, policy: ComponentPolicy, facts: ScanFacts,
                         files: list[FileResult]) -> tuple[str, ...]:
    """Evidence for an ``information`` requirement: card keys, describing files, the data itself."""
    if policy.information is None:
        return ()
    evidence = []
    for key in policy.information.card_keys:
        value = facts.card_value(key)
        if value and value not in ("[]", "{}", "null"):
            evidence.append(f"model card {facts.card_path} lists {key}: {value}")
    for f in facts.files:
        if any_match(policy.information.files, f.path_in_source, f.component, f.rule):
            evidence.append(f"{f.path} describes the data ({f.rule})")
    if files:
        evidence.append(f"the {component.value} itself is in the repository ({len(files)} file(s), "
                        f"e.g. {sorted(x.path for x in files)[0]})")
    return tuple(evidence)


def evaluate_component(component: Component, files: list[FileResult], policy: ComponentPolicy,
                       knowledge: LicenseKnowledge, facts: ScanFacts | None = None) -> ComponentResult:
    """The status and freedoms row of one component under one profile's policy.

    A component with no files but with stand-in references (a framework for Code, datasets for
    Training Data) is evaluated on the references' licenses, with presence ``referenced``.
    """
    facts = facts or ScanFacts(files=tuple(files), card_path=None, card=())
    result = license_status(files, policy.criterion, policy.freedoms, knowledge, facts.stand_ins(component),
                            facts.restrictions_of({component}), facts.declarations_of(component))
    information = information_evidence(component, policy, facts, files)
    refs = tuple(sorted(r.id for r in facts.references if r.component is component))
    return ComponentResult(requirement=policy.requirement, criterion=policy.criterion, status=result.status,
                           files=len(files), licenses=result.licenses, unlicensed=result.unlicensed,
                           freedoms=result.row, presence=result.presence, references=refs,
                           criterion_because=result.criterion_because, information=information)


def _culprits(result: ComponentResult, policy: ComponentPolicy, knowledge: LicenseKnowledge) -> list[LicenseCount]:
    out = []
    for lc in result.licenses:
        if lc.expression is None or lc.provenance == "lineage":  # named by the lineage restriction itself
            continue
        row = knowledge.row_for_expression(lc.expression)
        restricted = any(row.cell(f).status in (FreedomStatus.FAILS, FreedomStatus.CONDITIONAL) for f in policy.freedoms)
        fails = knowledge.criterion_for_expression(lc.expression, policy.criterion).status is FreedomStatus.FAILS
        if restricted or fails:
            out.append(lc)
    return out


#: Files whose weight references are prose (a README's links), not code that fetches.
_PROSE_EXTS = (".md", ".rst", ".txt", ".markdown")


def _weights_hint(weights: list[Reference]) -> str:
    """Where the weights are, as the code and docs name them: code first, then docs; Hub ids once
    each whatever their case, and only real ``org/name`` ids as ``hf:`` targets."""
    if not weights:
        return ""

    def in_prose(r: Reference) -> bool:
        return (r.source or "").split(",")[0].lower().endswith(_PROSE_EXTS)
    ordered = sorted(weights, key=in_prose)  # stable: the scan order within code and within docs
    hub: dict[str, str] = {}
    for r in ordered:
        if r.url == f"https://huggingface.co/{r.id}" and "://" not in r.id:
            hub.setdefault(r.id.lower(), r.id)
    named = "; ".join(f"{r.name} ({r.matched_by})" for r in ordered[:3])
    where = ("The code fetches weights from" if not any(in_prose(r) for r in ordered) else
             "The documentation names weights at" if all(in_prose(r) for r in ordered) else
             "The code and documentation name weights at")
    targets = list(hub.values())[:3]
    return (f" {where}: {named}" + (f" and {len(weights) - 3} more" if len(weights) > 3 else "")
            + ("." if not targets else f"; scan them with: osai-scan scan {' '.join('hf:' + h for h in targets)}."))


def _required_component(component: Component, result: ComponentResult, policy: ComponentPolicy,
                        files: list[FileResult], knowledge: LicenseKnowledge, catalogue: FindingCatalogue,
                        not_open: list[str], undetermined: list[str],
                        restrictions: tuple[Restriction, ...] = (), declarations: tuple[Reference, ...] = (),
                        weights: list[Reference] | None = None) -> list[Finding]:
    """Verdict reasons and findings for one required component."""
    name = component.value
    findings = []
    if result.status is ComponentStatus.ABSENT:
        undetermined.append(f"{name}: no file of the repository is {name}, so its freedoms cannot be checked")
        findings.append(catalogue.make(
            "policy.component-absent", f"Required component '{name}' has no files in the target.",
            hint=_ABSENT_HINT.get(component, "If it lives elsewhere, scan that too.") + _weights_hint(weights or [])
            + " If files are mislabelled, see each file's rule in the JSON report and relabel with --rules DIR."))
        return findings
    declared = [r for r in declarations if r.component is component]
    weights = weights or []
    if declared:
        what = "weights" if component is Component.MODEL else "files"
        says = "; ".join(f"{r.source} says {r.expression}" for r in declared)
        findings.append(catalogue.make(
            "policy.component-declared-only",
            f"Required component '{name}' is judged on what the repository declares, because its {what} are not in "
            f"the scan: {says}.", paths=sorted({r.id.split(':')[0] for r in declared}),
            hint=(_ABSENT_HINT.get(component, "If it lives elsewhere, scan that too.") + _weights_hint(weights))))
    elif component is Component.MODEL and files and lacks_files(Component.MODEL, files):
        undetermined.append(f"model: the repository holds no weights file, only {result.files} configuration "
                            f"or tokenizer file(s), so the license of the weights cannot be checked here")
        findings.append(catalogue.make(
            "policy.model-weights-absent",
            f"Required component 'model' has no weights file (only {examples(sorted(f.path for f in files))}).",
            paths=[f.path for f in files], hint=_ABSENT_HINT[Component.MODEL] + _weights_hint(weights or [])))
    assert result.freedoms is not None
    if result.status is ComponentStatus.NOT_OPEN:
        restricted = [f.value for f in policy.freedoms
                      if result.freedoms.cell(f).status in (FreedomStatus.FAILS, FreedomStatus.CONDITIONAL)]
        culprits = _culprits(result, policy, knowledge)
        detail = "; ".join(
            f"{lc.expression} governs {lc.files} file(s), e.g. {lc.example}" if lc.files else
            f"{lc.expression} is declared for it by {', '.join(lc.references)}" if declarations else
            f"{lc.expression} is the license of referenced {', '.join(lc.references)}" for lc in culprits)
        # The reason names each restriction once; the clauses stay in the component's freedoms row.
        limits = [b.split(": ", 1)[0] for r in restrictions for f in policy.freedoms
                  for b in r.row.cell(f).because if r.row.cell(f).status is not FreedomStatus.MEETS]
        detail = "; ".join(part for part in [detail, *dict.fromkeys(limits)] if part)
        what = (f"{', '.join(restricted)} {'is' if len(restricted) == 1 else 'are'} restricted" if restricted
                else f"its licenses do not satisfy the '{policy.criterion.value}' criterion "
                     f"({'; '.join(result.criterion_because[:2])})")
        if restricted and policy.criterion is Criterion.OSD:
            not_open.append(f"{name}: does not meet the Open Source Definition for {', '.join(restricted)} ({detail})")
        else:
            not_open.append(f"{name}: {what} ({detail})")
        bad = {lc.expression for lc in culprits}
        findings.append(catalogue.make("policy.component-not-open",
                                       f"Required component '{name}' is not open: {what} ({detail}).",
                                       paths=[f.path for f in files if f.license in bad or not bad]
                                       or sorted({r.id.split(":")[0] for r in declared if r.expression in bad})))
    if result.unlicensed and result.presence is Presence.REFERENCED:
        undetermined.append(f"{name}: present only by reference, and no license is known for "
                            f"{examples(list(result.unlicensed))}")
        findings.append(catalogue.make(
            "policy.unlicensed-file",
            f"Required component '{name}' is present only by reference, and no license is known for "
            f"{examples(list(result.unlicensed))}.",
            hint="Local scans do not read the cards of referenced repositories: scan the Hub repository "
                 "(osai-scan scan hf:ORG/NAME), check the referenced cards by hand, or add the files and their "
                 "license to the repository."))
    elif result.unlicensed:
        undetermined.append(f"{name}: {len(result.unlicensed)} file(s) have no license: "
                            f"{examples(list(result.unlicensed))}")
        findings.append(catalogue.make(
            "policy.unlicensed-file",
            f"{len(result.unlicensed)} file(s) of required component '{name}' have no license at any level.",
            paths=result.unlicensed))
    if result.status is ComponentStatus.UNKNOWN:
        reasons = sorted({b for f in policy.freedoms for b in result.freedoms.cell(f).because
                          if result.freedoms.cell(f).status is FreedomStatus.UNKNOWN} | set(result.criterion_because))
        undetermined.append(f"{name}: the licenses do not decide whether it is open ({'; '.join(reasons[:3])})")
        findings.append(catalogue.make(
            "policy.license-unknown",
            f"Whether required component '{name}' is open cannot be decided: {'; '.join(reasons[:3])}.",
            paths=[f.path for f in files if f.license and knowledge.criterion_for_expression(
                f.license, policy.criterion).status is not FreedomStatus.MEETS]))
    errors = sorted(f.path for f in files if f.status is FileStatus.ERROR)
    if errors:
        undetermined.append(f"{name}: {len(errors)} file(s) could not be read: {examples(errors)}")
    return findings


def evaluate_profile(profile: Profile, facts: ScanFacts, knowledge: LicenseKnowledge,
                     catalogue: FindingCatalogue) -> ProfileResult:
    """Evaluate every component under a ``components`` profile, then its verdict and findings."""
    grouped = facts.by_component()
    results = tuple((c, evaluate_component(c, grouped[c], profile.policy(c), knowledge, facts))
                    for c in AI_COMPONENTS)
    findings: list[Finding] = []
    not_open: list[str] = []
    undetermined: list[str] = []
    met: list[str] = []
    for component, result in results:
        policy = profile.policy(component)
        if policy.requirement is Requirement.REQUIRED:
            findings += _required_component(component, result, policy, grouped[component], knowledge, catalogue,
                                            not_open, undetermined, facts.restrictions_of({component}),
                                            tuple(facts.declarations_of(component)),
                                            [r for r in facts.references if r.kind is ReferenceKind.WEIGHTS])
            freedoms = ", ".join(f.value for f in policy.freedoms)
            needed = (f"meet the Open Source Definition for {freedoms}" if policy.criterion is Criterion.OSD
                      else f"are open ({policy.criterion.value}) for {freedoms}")
            if result.presence is Presence.REFERENCED:
                named = ", ".join(f"{', '.join(lc.references)} ({lc.expression})" for lc in result.licenses)
                met.append(f"{component.value}: satisfied by reference to {named}, under licenses that {needed}")
            elif facts.declarations_of(component):
                named = ", ".join(f"{r.source}: {r.expression}" for r in facts.declarations_of(component))
                met.append(f"{component.value}: declared under licenses that {needed} ({named}); its "
                           f"{'weights are' if component is Component.MODEL else 'files are'} not in the scan")
            else:
                met.append(f"{component.value}: every file is under licenses that {needed}")
        elif policy.requirement is Requirement.INFORMATION:
            if result.information:
                met.append(f"{component.value}: information found ({'; '.join(result.information[:2])})")
            else:
                undetermined.append(f"{component.value}: no information about it was found (model card "
                                    "datasets:, data card, datasheet or technical report)")
                findings.append(catalogue.make(
                    "policy.data-information-missing",
                    f"Profile '{profile.id}' asks for information about the {component.value}, and none was found: "
                    f"no model card key among {', '.join(policy.information.card_keys) if policy.information else '-'}"
                    ", no data card, datasheet or technical report, and no such files.",
                    paths=[facts.card_path] if facts.card_path else ()))
    if not_open:
        verdict = Verdict(status=VerdictStatus.NOT_OPEN_SOURCE_AI, reasons=tuple(not_open + undetermined))
    elif undetermined:
        verdict = Verdict(status=VerdictStatus.UNDETERMINED, reasons=tuple(undetermined))
    else:
        verdict = Verdict(status=VerdictStatus.OPEN_SOURCE_AI,
                          reasons=tuple(met) or (f"profile '{profile.id}' requires nothing",))
    return ProfileResult(title=profile.title, kind=profile.kind, source=profile.source, verdict=verdict,
                         components=results, findings=tuple(findings))


def code_license_findings(facts: ScanFacts, knowledge: LicenseKnowledge, catalogue: FindingCatalogue) -> list[Finding]:
    """``policy.non-osd-license-in-code``: Code files under a license that does not meet the OSD.

    Independent of the profile (the Open Source Definition is the same in all of them); licenses
    whose freedoms are unknown are left to ``policy.license-unknown``.
    """
    by_expression: dict[str, list[FileResult]] = {}
    for f in facts.files:
        if f.component is Component.CODE and f.license:
            by_expression.setdefault(f.license, []).append(f)
    findings = []
    for expression, files in sorted(by_expression.items()):
        row = knowledge.row_for_expression(expression)
        statuses = {row.cell(f).status for f in Freedom}
        criterion = knowledge.criterion_for_expression(expression, Criterion.OSD)
        if statuses & {FreedomStatus.FAILS, FreedomStatus.CONDITIONAL}:
            why = "; ".join(sorted({b for f in Freedom for b in row.cell(f).because
                                    if row.cell(f).status in (FreedomStatus.FAILS, FreedomStatus.CONDITIONAL)})[:2])
        elif FreedomStatus.UNKNOWN not in statuses and criterion.status is FreedomStatus.FAILS:
            why = "; ".join(criterion.because)
        else:
            continue
        paths = sorted(f.path for f in files)
        sources = sorted({f"{f.attribution.source_path} ({f.attribution.source.value})" for f in files
                          if f.attribution.source_path})
        findings.append(catalogue.make(
            "policy.non-osd-license-in-code",
            f"{len(paths)} file(s) of Code are under {expression}, which does not meet the Open Source Definition "
            f"({why}); the license comes from {', '.join(sources) or 'the files themselves'}: {examples(paths)}.",
            paths=paths))
    return findings


__all__ = ["LicenseStatus", "ScanFacts", "code_license_findings", "evaluate_component", "evaluate_profile",
           "examples", "information_evidence", "license_status"]
