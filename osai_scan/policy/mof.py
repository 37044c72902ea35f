"""The Model Openness Framework profile: 17 components, cumulative classes III → II → I.

Each MOF component selects its files with the matchers of the profile (``rules/profiles/
mof.yaml``); a component counts when it is present and its licenses are open under the
profile's criterion with all four freedoms. An open license that is not among the licenses
the MOF recommends for the component's content type is flagged. The result names the highest
class reached and, for the next class, every component that is missing and why. MOF components
are judged on the files of the release only (a framework or dataset named by reference is not
part of it); restrictions such as an access gate apply to the components behind them.
"""

from __future__ import annotations

from license_expression import (
    ExpressionError,
    LicenseSymbol,
    LicenseWithExceptionSymbol,
)

from ..findings import FindingCatalogue
from ..licenses import LicenseKnowledge, spdx_of_key
from ..models import (
    AI_COMPONENTS,
    Component,
    ComponentStatus,
    FileResult,
    Finding,
    Freedom,
    MofClassResult,
    MofComponentResult,
    MofResult,
    ProfileResult,
    Verdict,
    VerdictStatus,
)
from ..ruleset import MofComponentSpec, MofLicenses, Profile, any_match
from .evaluate import ScanFacts, evaluate_component, examples, license_status

#: Files with these labels never count as a MOF component (license texts, repository plumbing).
_NEVER = (Component.LEGAL, Component.OTHER)
_ROMAN = {1: "I", 2: "II", 3: "III"}


def roman(mof_class: int | None) -> str:
    """The class as the MOF writes it (Class I, II, III)."""
    return _ROMAN.get(mof_class, str(mof_class)) if mof_class is not None else "none"


def _recommended(node: object, recommended: frozenset[str], knowledge: LicenseKnowledge) -> bool:
    if isinstance(node, LicenseWithExceptionSymbol):
        node = node.license_symbol
    if isinstance(node, LicenseSymbol):
        return node.key.lower() in recommended or spdx_of_key(node.key).lower() in recommended
    parts = [_recommended(arg, recommended, knowledge) for arg in node.args]  # type: ignore[attr-defined]
    return all(parts) if isinstance(node, knowledge.licensing.AND) else any(parts)


def is_recommended(expression: str, recommended: frozenset[str], knowledge: LicenseKnowledge) -> bool:
    """True when the MOF recommends ``expression`` (AND: every part, OR: one alternative)."""
    try:
        parsed = knowledge.licensing.parse(expression)
    except ExpressionError:
        return False
    return parsed is not None and _recommended(parsed, recommended, knowledge)


def _files_of(spec: MofComponentSpec, facts: ScanFacts) -> tuple[list[FileResult], list[str]]:
    files = [f for f in facts.files if f.component not in _NEVER and any_match(spec.match, f.path_in_source, f.component, f.rule)
             and not any_match(spec.exclude, f.path_in_source, f.component, f.rule)]
    evidence = [f"{examples(sorted(f.path for f in files))} matched" ] if files else []
    for key in spec.card_keys:
        value = facts.card_value(key)
        if value and facts.card_path:
            evidence.append(f"model card {facts.card_path} has {key}")
            card = next((f for f in facts.files if f.path == facts.card_path), None)
            if card is not None and card not in files:
                files.append(card)
    return files, evidence


def evaluate_mof_component(spec: MofComponentSpec, profile: Profile, facts: ScanFacts, knowledge: LicenseKnowledge,
                           mof_licenses: MofLicenses, catalogue: FindingCatalogue
                           ) -> tuple[MofComponentResult, list[Finding]]:
    """One MOF component: its files, status, and whether its open licenses are type-appropriate."""
    assert profile.mof is not None
    files, evidence = _files_of(spec, facts)
    result = license_status(files, profile.mof.criterion, tuple(Freedom), knowledge,
                            restrictions=facts.restrictions_of({f.component for f in files}))
    findings: list[Finding] = []
    type_appropriate = None
    because: list[str] = []
    if result.status is ComponentStatus.ABSENT:
        because.append("no file of the repository matched")
    elif result.status is ComponentStatus.OPEN:
        recommended = mof_licenses.recommended_for(spec.content_type)
        off = [lc for lc in result.licenses if lc.expression and not is_recommended(lc.expression, recommended,
                                                                                     knowledge)]
        type_appropriate = not off
        for lc in off:
            because.append(f"{lc.expression} is open but not a license the MOF recommends for {spec.content_type}")
            findings.append(catalogue.make(
                "mof.license-type-inappropriate",
                f"MOF component '{spec.name}' ({spec.content_type}) is under {lc.expression_spdx or lc.expression}, "
                f"an open license the MOF does not recommend for {spec.content_type} "
                f"(it recommends {', '.join(mof_licenses.recommended_names(spec.content_type))}).",
                paths=[f.path for f in files if f.license == lc.expression]))
    else:
        assert result.row is not None
        because.extend(sorted({b for f in Freedom for b in result.row.cell(f).because
                               if result.row.cell(f).status.value != "meets"})[:3])
        because.extend(result.criterion_because[:2])
    paths = tuple(sorted(f.path for f in files))
    return MofComponentResult(
        id=spec.id, mof_id=spec.mof_id, name=spec.name, content_type=spec.content_type, mof_class=spec.mof_class,
        required=spec.required, status=result.status, files=len(files), paths=paths, licenses=result.licenses,
        evidence=tuple(evidence), type_appropriate=type_appropriate, because=tuple(because)), findings


def _missing(component: MofComponentResult) -> str:
    detail = "; ".join(component.because[:2])
    return f"{component.id} ({component.name}): {component.status.value}" + (f" ({detail})" if detail else "")


def evaluate_mof(profile: Profile, facts: ScanFacts, knowledge: LicenseKnowledge, mof_licenses: MofLicenses,
                 catalogue: FindingCatalogue) -> ProfileResult:
    """Evaluate a ``mof`` profile: components, classes reached, verdict and findings."""
    spec = profile.mof
    assert spec is not None
    components: list[MofComponentResult] = []
    findings: list[Finding] = []
    for component_spec in spec.components:
        component, found = evaluate_mof_component(component_spec, profile, facts, knowledge, mof_licenses, catalogue)
        components.append(component)
        findings.extend(found)
    classes: list[MofClassResult] = []
    reached_so_far = True
    class_reached = None
    for mof_class, name in spec.class_names:  # III, II, I: cumulative
        needed = [c for c in components if c.required and c.mof_class >= mof_class]
        missing = tuple(_missing(c) for c in needed if c.status is not ComponentStatus.OPEN)
        reached = reached_so_far and not missing
        classes.append(MofClassResult(mof_class=mof_class, name=name, reached=reached, missing=missing))
        if reached:
            class_reached = mof_class
        reached_so_far = reached
    upcoming = next((c for c in classes if not c.reached), None)
    verdict = _verdict(spec.verdict_class, class_reached, components, classes)
    mof = MofResult(framework=spec.framework, class_reached=class_reached,
                    next_class=upcoming.mof_class if upcoming else None,
                    missing_for_next=upcoming.missing if upcoming else (),
                    classes=tuple(classes), components=tuple(components))
    grouped = facts.by_component()
    five = tuple((c, evaluate_component(c, grouped[c], profile.policy(c), knowledge, facts)) for c in AI_COMPONENTS)
    return ProfileResult(title=profile.title, kind=profile.kind, source=profile.source, verdict=verdict,
                         components=five, findings=tuple(findings), mof=mof)


def _verdict(verdict_class: int, class_reached: int | None, components: list[MofComponentResult],
             classes: list[MofClassResult]) -> Verdict:
    target = f"Class {roman(verdict_class)}"
    if class_reached is not None and class_reached <= verdict_class:
        names = ", ".join(f"Class {roman(c.mof_class)} ({c.name})" for c in classes if c.reached)
        return Verdict(status=VerdictStatus.OPEN_SOURCE_AI, reasons=(f"reached {names}; the profile asks for {target}",))
    needed = [c for c in components if c.required and c.mof_class >= verdict_class
              and c.status is not ComponentStatus.OPEN]
    reasons = tuple(f"{target} needs {_missing(c)}" for c in needed)
    if any(c.status is ComponentStatus.NOT_OPEN for c in needed):
        return Verdict(status=VerdictStatus.NOT_OPEN_SOURCE_AI, reasons=reasons)
    return Verdict(status=VerdictStatus.UNDETERMINED, reasons=reasons)


__all__ = ["evaluate_mof", "evaluate_mof_component", "is_recommended", "roman"]
