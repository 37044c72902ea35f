"""One AI system from several sources: each source's conclusions, assembled into one set of facts.

Each source (a code repository, the Hub repository of its weights) is scanned and attributed on
its own: a LICENSE in one never governs a file of another. Here the sources' results are put
together: every path is prefixed with its source's label (``<label>/<path>``, unique in the
report), every file, finding and license keeps its source, and the components are assembled
across sources (a component with files in one source is present for the system). What a source
says about a component it does not hold (a README sentence on the weights, a framework standing
in for absent Code, a ``from_pretrained`` id) counts only while no source holds that component;
when it is superseded and names another license, a finding says so. A finding also says when the
sources' declared licenses differ, and which source decides which component.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from ..findings import FindingCatalogue
from ..licenses import expression_keys
from ..models import (
    AI_COMPONENTS,
    Component,
    Declared,
    FileResult,
    Finding,
    MetadataItem,
    Reference,
    ReferenceKind,
    Restriction,
)
from .declarations import lacks_files
from .evaluate import ScanFacts

#: A GitHub repository named in a Hub model card (reported for the user to clone; never cloned).
GITHUB_REPO = re.compile(r"https?://(?:www\.)?github\.com/(?P<repo>[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*?)"
                         r"(?:\.git)?(?=[/#?\s)\]>\"'`]|$)")
#: Reference kinds that stand in for a component with no files (references.py).
_STAND_IN = frozenset({ReferenceKind.FRAMEWORK, ReferenceKind.DATASET})
#: Findings of one source about a component it does not hold, superseded when another source holds it.
_ABOUT_ABSENT = {"code.by-reference": Component.CODE, "code.framework-unknown": Component.CODE}


@dataclass(frozen=True, slots=True, kw_only=True)
class SourcePart:
    """What one source contributes to the system, before any profile is applied.

    Attributes:
        files: its files, attributed within the source.
        declared: its declarations (license files, model card, manifests).
        card_path: its model card, when it has one with metadata.
        references: what it names instead of holding (frameworks, datasets, base models,
            component declarations, weight references).
        restrictions: limits on freedoms from outside its license texts (gates, lineage).
        findings: its own findings (not the profiles' ones, which are made on the whole system).
        declared_expression: its repository-level declared license, or None.
        label: its label in a multi-source report (None in a one-source scan).
    """

    files: tuple[FileResult, ...]
    declared: Declared
    card_path: str | None
    references: tuple[Reference, ...]
    restrictions: tuple[Restriction, ...]
    findings: tuple[Finding, ...]
    declared_expression: str | None = None
    label: str | None = None

    def facts(self) -> ScanFacts:
        """The facts the profiles evaluate when this source is the whole system."""
        return ScanFacts(files=self.files, card_path=self.card_path, card=self.declared.model_card,
                         references=self.references, restrictions=self.restrictions)


def source_label(name: str, taken: Iterable[str]) -> str:
    """A label for a source named ``name`` (a folder's name, a Hub id), unique among ``taken``.

    No label is another's path prefix (``acme`` and ``acme/weights``), so prefixed paths stay unique.
    """
    base = name.strip("/") or "source"
    used = set(taken)

    def clashes(label: str) -> bool:
        return any(label == t or label.startswith(t + "/") or t.startswith(label + "/") for t in used)

    def nested(label: str) -> bool:
        return any(label.startswith(t + "/") or t.startswith(label + "/") for t in used)

    if nested(base):  # a Hub id under a folder's label (acme, acme/weights): flatten it, acme--weights
        base = base.replace("/", "--")
    label, number = base, 2
    while clashes(label):  # a slash-free base only meets exact or parent clashes: a number ends them
        label, number = f"{base}-{number}", number + 1
    return label


def _join(prefix: str, path: str | None) -> str | None:
    return None if path is None else prefix + path


def _paths(prefix: str, joined: str | None) -> str | None:
    """A comma-separated list of paths, each prefixed (attribution's ``source_path``)."""
    if not joined:
        return joined
    return ", ".join(prefix + p for p in joined.split(", "))


def relabel(part: SourcePart, label: str) -> SourcePart:
    """``part`` with every path prefixed by ``label/`` and every file and finding naming its source."""
    p = label + "/"
    files = tuple(replace(f, path=p + f.path, source=label,
                          attribution=replace(f.attribution, source_path=_paths(p, f.attribution.source_path)))
                  for f in part.files)
    references = []
    for r in part.references:
        if r.kind is ReferenceKind.DECLARATION:
            r = replace(r, id=p + r.id, name=p + r.name if r.name == r.id else r.name, source=p + r.source)
        elif r.kind is ReferenceKind.WEIGHTS:
            r = replace(r, source=p + r.source, matched_by=r.matched_by.replace(" at ", f" at {p}", 1))
        references.append(r)
    declared = replace(part.declared, licenses=tuple(replace(d, path=p + d.path) for d in part.declared.licenses),
                       license_files=tuple(p + x for x in part.declared.license_files))
    findings = tuple(replace(f, paths=tuple(p + x for x in f.paths), source=label) for f in part.findings)
    return replace(part, files=files, declared=declared, card_path=_join(p, part.card_path),
                   references=tuple(references), findings=findings, label=label)


@dataclass(frozen=True, slots=True, kw_only=True)
class System:
    """The sources assembled: the facts the profiles evaluate, the declarations, the findings."""

    facts: ScanFacts
    declared: Declared
    findings: tuple[Finding, ...]


def assemble(parts: list[SourcePart], catalogue: FindingCatalogue) -> System:
    """Put relabelled sources together into one system (see the module docstring).

    Args:
        parts: the sources, each relabelled, in the order given.
        catalogue: makes the system's findings.
    """
    files = tuple(sorted((f for part in parts for f in part.files), key=lambda f: f.path))
    held = {c for c in AI_COMPONENTS if not lacks_files(c, files)}
    with_files = {f.component for f in files}
    references: list[Reference] = []
    superseded: list[tuple[SourcePart, Reference]] = []
    for part in parts:
        for r in part.references:
            if r.kind is ReferenceKind.DECLARATION and r.component in held:
                superseded.append((part, r))
            elif (r.kind is ReferenceKind.WEIGHTS and Component.MODEL in held) or \
                    (r.kind in _STAND_IN and r.component in with_files):
                continue
            else:
                references.append(r)
    card_part = next((p for p in parts if p.card_path is not None), None)
    card: tuple[MetadataItem, ...] = card_part.declared.model_card if card_part else ()
    facts = ScanFacts(files=files, card_path=card_part.card_path if card_part else None, card=card,
                      references=tuple(references),
                      restrictions=tuple(r for part in parts for r in part.restrictions))
    declared = Declared(licenses=tuple(d for p in parts for d in p.declared.licenses),
                        model_card=tuple(i for p in parts for i in p.declared.model_card),
                        license_files=tuple(x for p in parts for x in p.declared.license_files))
    findings = [f for part in parts for f in part.findings
                if not (f.id in _ABOUT_ABSENT and _ABOUT_ABSENT[f.id] in with_files)]
    findings += _superseded_findings(superseded, files, catalogue)
    findings += _differ_findings(parts, files, catalogue)
    return System(facts=facts, declared=declared, findings=tuple(findings))


def _deciders(component: Component, files: tuple[FileResult, ...]) -> list[str]:
    """``label (license, N files)`` for each source whose files make up ``component``."""
    by_source: dict[str, dict[str, int]] = {}
    for f in files:
        if f.component is component:
            counts = by_source.setdefault(f.source or "?", {})
            key = f.license_spdx or f.license or "no license"
            counts[key] = counts.get(key, 0) + 1
    return [f"{label} ({', '.join(f'{e}: {n} file(s)' for e, n in sorted(counts.items()))})"
            for label, counts in sorted(by_source.items())]


def _superseded_findings(superseded: list[tuple[SourcePart, Reference]], files: tuple[FileResult, ...],
                         catalogue: FindingCatalogue) -> list[Finding]:
    out = []
    for part, r in superseded:
        governing = {f.license for f in files if f.component is r.component and f.source != part.label and f.license}
        if r.expression and governing and all(set(expression_keys(g)) == set(expression_keys(r.expression))
                                              for g in governing):
            continue  # it says what the files say
        out.append(catalogue.make(
            "system.declaration-superseded",
            f"Source '{part.label}' declares the {r.component.value} under {r.expression} ({r.source}), but the "
            f"{r.component.value}'s files come from another source, whose own licenses decide it: "
            f"{'; '.join(_deciders(r.component, files))}.",
            paths=[r.id.rsplit(":", 1)[0] if r.id.rsplit(":", 1)[-1].isdigit() else r.id]))
    return out


def _differ_findings(parts: list[SourcePart], files: tuple[FileResult, ...],
                     catalogue: FindingCatalogue) -> list[Finding]:
    declared = {p.label: p.declared_expression for p in parts if p.declared_expression}
    if len({frozenset(expression_keys(e)) for e in declared.values()}) < 2:
        return []
    says = "; ".join(f"'{label}' declares {e} ({', '.join(sorted({d.path for d in p.declared.licenses if d.expression}))})"
                     for p in parts for label, e in [(p.label, p.declared_expression)] if e)
    decides = "; ".join(f"{c.value} by {', '.join(_deciders(c, files))}" for c in AI_COMPONENTS
                        if any(f.component is c for f in files))
    return [catalogue.make(
        "system.licenses-differ",
        f"The sources declare different licenses: {says}. Each source's licenses govern only its own files: "
        f"{decides}.",
        paths=sorted({d.path for p in parts for d in p.declared.licenses if d.expression}))]


def follow_targets(parts: list[SourcePart], held: Iterable[str], room: int) -> tuple[list[tuple[str, Reference]],
                                                                                    list[Reference]]:
    """The Hub ids to add as sources (``--follow``): (label of the source naming it, its reference).

    Only Hub model references of sources that hold no weights are followed, each id once, in the
    order found; ids already in the system (``held``) are skipped. Returns those to follow (at most
    ``room``) and those left out by the bound.
    """
    seen = set(held)
    chosen: list[tuple[str, Reference]] = []
    left: list[Reference] = []
    for part in parts:
        for r in part.references:
            if r.kind is not ReferenceKind.WEIGHTS or not (r.url or "").startswith("https://huggingface.co/") \
                    or r.id in seen:
                continue
            seen.add(r.id)
            if len(chosen) < room:
                chosen.append((part.label or "", r))
            else:
                left.append(r)
    return chosen, left


def code_repositories(card_text: str | None) -> list[str]:
    """The GitHub repositories (``owner/name``) a model card links to, in order, each once."""
    found: dict[str, None] = {}
    for match in GITHUB_REPO.finditer(card_text or ""):
        found.setdefault(match.group("repo"), None)
    return list(found)


__all__ = ["GITHUB_REPO", "SourcePart", "System", "assemble", "code_repositories", "follow_targets", "relabel",
           "source_label"]
