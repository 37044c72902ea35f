"""Apply a policy profile: per-component status and freedoms row, verdict, findings."""

from __future__ import annotations

from collections import Counter

from .licenses import LicenseKnowledge, combine_all
from .models import (
    AI_COMPONENTS,
    Component,
    ComponentResult,
    ComponentStatus,
    FileResult,
    FileStatus,
    Finding,
    Freedom,
    FreedomCell,
    FreedomRow,
    FreedomStatus,
    LicenseCount,
    Presence,
    Reference,
    ReferenceKind,
    Requirement,
    Restriction,
    Severity,
    Verdict,
    VerdictStatus,
)
from .rules import Profile

#: Classification rules whose id starts with this mark weight files (rules/components.yaml).
WEIGHTS_RULE_PREFIX = "model.weights"

_ABSENT_HINT = {
    Component.MODEL: "If the weights are published elsewhere (for example on the Hugging Face Hub), scan that "
                     "repository too: osai-scan scan hf:ORG/NAME.",
    Component.CODE: "If the code that runs the model lives in another repository, scan it too.",
}

#: How many example paths a reason names before saying "and N more".
_EXAMPLES = 3


def _examples(paths: list[str]) -> str:
    shown = ", ".join(paths[:_EXAMPLES])
    return shown + (f" and {len(paths) - _EXAMPLES} more" if len(paths) > _EXAMPLES else "")


#: Reference kinds that can stand in for a component with no files.
_STAND_IN = frozenset({ReferenceKind.FRAMEWORK, ReferenceKind.DATASET})


def evaluate_component(component: Component, files: list[FileResult], profile: Profile,
                       knowledge: LicenseKnowledge, references: tuple[Reference, ...] = (),
                       restrictions: tuple[Restriction, ...] = ()) -> ComponentResult:
    """The status and freedoms row of one component under ``profile``.

    A component with no files but with stand-in references (a framework for Code, datasets
    for Training Data) is evaluated on the references' licenses, with presence ``referenced``.
    Restrictions (access gates, base model licenses) are combined with the license rows.
    """
    policy = profile.policy(component)
    refs = tuple(r for r in references if r.component is component)
    stand_ins = [r for r in refs if r.kind in _STAND_IN]
    by_expression: dict[str | None, list[str]] = {}
    spdx: dict[str | None, str | None] = {}
    if files:
        presence = Presence.PRESENT
        for f in files:
            by_expression.setdefault(f.license, []).append(f.path)
            spdx[f.license] = f.license_spdx
    elif stand_ins:
        presence = Presence.REFERENCED
        for r in stand_ins:
            by_expression.setdefault(r.expression, []).append(r.id)
            spdx[r.expression] = r.expression_spdx
    else:
        return ComponentResult(requirement=policy.requirement, status=ComponentStatus.ABSENT, files=0,
                               licenses=(), unlicensed=(), freedoms=None, presence=Presence.ABSENT,
                               references=tuple(sorted(r.id for r in refs)))
    unlicensed = tuple(sorted(by_expression.pop(None, [])))
    licenses = tuple(
        LicenseCount(expression=e, expression_spdx=spdx[e], files=len(p) if files else 0, example=sorted(p)[0],
                     references=() if files else tuple(sorted(p)))
        for e, p in sorted(by_expression.items(), key=lambda kv: (-len(kv[1]), kv[0] or ""))
    )
    rows = []
    for expression, paths in sorted(by_expression.items(), key=lambda kv: kv[0] or ""):
        row = knowledge.row_for_expression(expression)  # type: ignore[arg-type]
        rows.append(FreedomRow(**{
            f.value: FreedomCell(status=row.cell(f).status,
                                 because=tuple(f"{b} [{_examples(sorted(paths))}]" for b in row.cell(f).because))
            for f in Freedom
        }))
    if unlicensed:
        rows.append(FreedomRow(**{f.value: FreedomCell(
            status=FreedomStatus.UNKNOWN,
            because=(f"no license found for {_examples(list(unlicensed))}",)) for f in Freedom}))
    rows.extend(r.row for r in restrictions if component in r.components)
    row = combine_all(rows)
    needed = policy.freedoms or tuple(Freedom)
    statuses = {row.cell(f).status for f in needed}
    if statuses & {FreedomStatus.FAILS, FreedomStatus.CONDITIONAL}:
        status = ComponentStatus.NOT_OPEN
    elif unlicensed:
        status = ComponentStatus.UNLICENSED
    elif FreedomStatus.UNKNOWN in statuses:
        status = ComponentStatus.UNKNOWN
    else:
        status = ComponentStatus.OPEN
    return ComponentResult(requirement=policy.requirement, status=status, files=len(files), licenses=licenses,
                           unlicensed=unlicensed, freedoms=row, presence=presence,
                           references=tuple(sorted(r.id for r in refs)))


def evaluate(files: tuple[FileResult, ...], profile: Profile, knowledge: LicenseKnowledge,
             references: tuple[Reference, ...] = (), restrictions: tuple[Restriction, ...] = ()
             ) -> tuple[tuple[tuple[Component, ComponentResult], ...], Verdict, list[Finding]]:
    """Evaluate every component, then the verdict and the policy findings.

    Args:
        files: every file's result.
        profile: the policy profile.
        knowledge: license knowledge.
        references: frameworks, datasets and base models the target names (references.py).
        restrictions: limits on freedoms from outside the license texts (gates, base models).
    """
    grouped: dict[Component, list[FileResult]] = {c: [] for c in AI_COMPONENTS}
    for f in files:
        if f.component in grouped:
            grouped[f.component].append(f)
    results = tuple((c, evaluate_component(c, grouped[c], profile, knowledge, references, restrictions))
                    for c in AI_COMPONENTS)
    findings: list[Finding] = []
    not_open: list[str] = []
    undetermined: list[str] = []
    for component, result in results:
        if result.requirement is not Requirement.REQUIRED:
            continue
        name = component.value
        errors = sorted(f.path for f in grouped[component] if f.status is FileStatus.ERROR)
        if result.status is ComponentStatus.ABSENT:
            undetermined.append(f"{name}: no file of the repository is {name}, so its freedoms cannot be checked")
            findings.append(Finding(id="policy.component-absent", severity=Severity.WARNING,
                                    message=f"Required component '{name}' has no files in the target.",
                                    hint=_ABSENT_HINT.get(component, "If it lives elsewhere, scan that too.")
                                    + " If files are mislabelled, see each file's rule in the JSON report and "
                                      "relabel with --rules DIR."))
            continue
        if component is Component.MODEL and not any(f.rule.startswith(WEIGHTS_RULE_PREFIX)
                                                    for f in grouped[component]):
            undetermined.append(f"model: the repository holds no weights file, only {result.files} configuration "
                                f"or tokenizer file(s), so the license of the weights cannot be checked here")
            findings.append(Finding(
                id="policy.model-weights-absent", severity=Severity.WARNING,
                message=f"Required component 'model' has no weights file (only "
                        f"{_examples(sorted(f.path for f in grouped[component]))}).",
                paths=tuple(sorted(f.path for f in grouped[component])),
                hint=_ABSENT_HINT[Component.MODEL]))
        assert result.freedoms is not None
        failing = [f for f in (profile.policy(component).freedoms or tuple(Freedom))
                   if result.freedoms.cell(f).status is not FreedomStatus.MEETS]
        if result.status is ComponentStatus.NOT_OPEN:
            bad = [f.value for f in failing if result.freedoms.cell(f).status in
                   (FreedomStatus.FAILS, FreedomStatus.CONDITIONAL)]
            culprits = [lc for lc in result.licenses if lc.expression and any(
                knowledge.row_for_expression(lc.expression).cell(Freedom(b)).status is not FreedomStatus.MEETS
                for b in bad)]
            detail = "; ".join(
                f"{lc.expression} governs {lc.files} file(s), e.g. {lc.example}" if lc.files else
                f"{lc.expression} is the license of referenced {', '.join(lc.references)}" for lc in culprits)
            # The reason names each restriction once; the clauses stay in the component's freedoms row.
            limits = [b.split(": ", 1)[0] for r in restrictions if component in r.components for f in bad
                      for b in r.row.cell(Freedom(f)).because if r.row.cell(Freedom(f)).status is not FreedomStatus.MEETS]
            detail = "; ".join(part for part in [detail, *dict.fromkeys(limits)] if part)
            not_open.append(f"{name}: does not meet the Open Source Definition for {', '.join(bad)} ({detail})")
            findings.append(Finding(
                id="policy.component-not-open", severity=Severity.ERROR,
                message=f"Required component '{name}' is not open: {', '.join(bad)} "
                        f"{'is' if len(bad) == 1 else 'are'} restricted ({detail}).",
                paths=tuple(sorted({lc.example for lc in culprits if lc.files})),
                hint="Relicense these files under an OSI-approved license, or remove them from the AI system."))
        if result.unlicensed:
            undetermined.append(f"{name}: {len(result.unlicensed)} file(s) have no license: "
                                f"{_examples(list(result.unlicensed))}")
            findings.append(Finding(
                id="policy.unlicensed-file", severity=Severity.ERROR,
                message=f"{len(result.unlicensed)} file(s) of required component '{name}' have no license "
                        f"at any level.",
                paths=result.unlicensed,
                hint="Add a LICENSE file (or a component license file such as LICENSE-MODEL) that covers them."))
        if result.status is ComponentStatus.UNKNOWN:
            unknown = [f.value for f in failing if result.freedoms.cell(f).status is FreedomStatus.UNKNOWN]
            reasons = sorted({b for f in failing for b in result.freedoms.cell(f).because})
            undetermined.append(f"{name}: the licenses do not decide {', '.join(unknown)} ({'; '.join(reasons[:3])})")
            findings.append(Finding(
                id="policy.license-unknown", severity=Severity.WARNING,
                message=f"The freedoms of required component '{name}' cannot be decided: {'; '.join(reasons[:3])}.",
                paths=tuple(sorted({lc.example for lc in result.licenses if lc.files})),
                hint="Read these license texts and add a row for them to rules/licenses.yaml (--rules DIR)."))
        if errors:
            undetermined.append(f"{name}: {len(errors)} file(s) could not be read: {_examples(errors)}")
    if not_open:
        verdict = Verdict(status=VerdictStatus.NOT_OPEN_SOURCE_AI, reasons=tuple(not_open + undetermined))
    elif undetermined:
        verdict = Verdict(status=VerdictStatus.UNDETERMINED, reasons=tuple(undetermined))
    else:
        reasons = []
        for component, result in results:
            if result.requirement is not Requirement.REQUIRED:
                continue
            needed = ", ".join(f.value for f in (profile.policy(component).freedoms or tuple(Freedom)))
            if result.presence is Presence.REFERENCED:
                named = ", ".join(f"{', '.join(lc.references)} ({lc.expression})" for lc in result.licenses)
                reasons.append(f"{component.value}: satisfied by reference to {named}, under licenses that meet "
                               f"the Open Source Definition for {needed}")
            else:
                reasons.append(f"{component.value}: every file is under licenses that meet the Open Source "
                               f"Definition for {needed}")
        verdict = Verdict(status=VerdictStatus.OPEN_SOURCE_AI, reasons=tuple(reasons))
    return results, verdict, findings


def severity_counts(findings: list[Finding]) -> tuple[tuple[str, int], ...]:
    """Count findings by severity, in a fixed order."""
    counts = Counter(f.severity.value for f in findings)
    return tuple((s.value, counts.get(s.value, 0)) for s in Severity)
