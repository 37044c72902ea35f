"""What the target names instead of holding: frameworks, datasets, base models, and access gates.

Runs after attribution and before evaluation. From the model card (and, for Hub targets, the
Hub's own metadata) it builds:

* Code by reference: when no file is labelled code, the framework named by the card's
  ``library_name``, else by the Hub's model info, else by the repository's files (config.json,
  model_index.json, adapter_config.json), else by the weights' format (``rules/frameworks.yaml``)
  stands in for the Code component, reported as ``referenced`` with where it came from;
* Training Data by reference: each dataset the card lists, with the license its own card
  declares on the Hub (looked up for Hub targets only: a local scan never touches the network);
* lineage: each ``base_model``'s declared license restricts the derivative's Model component,
  and a derivative that declares more freedom than its base allows is a finding;
* access gates: a Hub gate, or ``extra_gated_*`` conditions in the card, mean using the system
  requires asking for permission, against the Use freedom of every component behind the gate.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Iterable

from ..constants import HUB_MAX_LOOKUPS
from ..licenses import (
    LicenseKnowledge,
    expression_keys,
    expression_to_spdx,
    scancode_license_info,
)
from ..models import (
    FREEDOM_RANK,
    Component,
    Finding,
    Freedom,
    FreedomCell,
    FreedomRow,
    FreedomStatus,
    MetadataItem,
    Reference,
    ReferenceKind,
    Restriction,
    Severity,
)
from ..ruleset import Framework
from ..sources.interface import RemoteCard, Source

#: A Hub repository id (ORG/NAME), as opposed to a local path.
_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")

#: Files that name a framework (config.json, model_index.json, ...) are read up to this size.
_FRAMEWORK_FILE_MAX_BYTES = 1024 * 1024

#: Model card keys that describe an access gate.
GATE_KEYS = ("extra_gated_prompt", "extra_gated_fields", "extra_gated_heading", "extra_gated_description",
             "extra_gated_button_content")


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferenceResult:
    """References, restrictions and findings for one scan.

    Attributes:
        references: every reference, sorted by kind and id.
        restrictions: limits on freedoms beyond the license texts (gates, base models).
        findings: what the auditor should look at.
        card_items: Hub metadata to add to the declared model card evidence (the gate).
        complete: False when a Hub lookup failed for a reason that may pass (the scan is incomplete).
    """

    references: tuple[Reference, ...]
    restrictions: tuple[Restriction, ...]
    findings: tuple[Finding, ...]
    card_items: tuple[MetadataItem, ...]
    complete: bool


#: A card value shown in a finding is cut to this many characters.
_MAX_SHOWN = 120


def _card_ids(value: Any) -> list[tuple[str, bool]]:
    """The entries of a card's ``datasets`` / ``base_model``: (text, whether it is a Hub repo id).

    Card values are data: a mapping, a number or a free-text name (``Common Crawl``) is kept as
    text to report, never looked up.
    """
    items = value if isinstance(value, (list, tuple)) else [] if value is None else [value]
    out = []
    for item in items:
        if isinstance(item, str):
            text = item.strip()
            if text:
                out.append((text[:_MAX_SHOWN], len(text) <= 96 and _HUB_ID.fullmatch(text) is not None
                            and ".." not in text and "--" not in text))
        elif item is not None:
            text = json.dumps(item, default=str, ensure_ascii=False, sort_keys=True)
            out.append((text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…", False))
    return out


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return [str(value).strip()] if str(value).strip() else []


def card_license(card: dict[str, Any] | None, knowledge: LicenseKnowledge) -> tuple[str | None, str | None, str]:
    """The license a card declares: (raw value, ScanCode expression or None, note)."""
    values = _as_list((card or {}).get("license"))
    if not values:
        return None, None, "the card declares no license"
    expressions, notes = [], []
    for value in values:
        if value.lower() == "other":
            name = str((card or {}).get("license_name") or "")
            expression, note = knowledge.hub_license(name) if name else (None, "license: other without license_name")
        else:
            expression, note = knowledge.hub_license(value)
        notes.append(note)
        if expression is None:
            return ", ".join(values), None, "; ".join(notes)
        expressions.append(f"({expression})" if " OR " in expression else expression)
    return ", ".join(values), " AND ".join(dict.fromkeys(expressions)), "; ".join(notes)


def _prefixed(row: FreedomRow, prefix: str) -> FreedomRow:
    return FreedomRow(**{f.value: FreedomCell(status=row.cell(f).status,
                                              because=tuple(f"{prefix}{b}" for b in row.cell(f).because))
                         for f in Freedom})


class ReferenceResolver:
    """Builds a ReferenceResult from the card, the inventory and the source.

    Args:
        source: the scanned source (Hub sources can look up other cards and report their gate).
        knowledge: license knowledge (Hub ids, freedoms rows).
        frameworks: the frameworks table (``rules/frameworks.yaml``).
    """

    def __init__(self, source: Source, knowledge: LicenseKnowledge, frameworks: tuple[Framework, ...]) -> None:
        self.source = source
        self.knowledge = knowledge
        self.frameworks = frameworks
        self.references: list[Reference] = []
        self.restrictions: list[Restriction] = []
        self.findings: list[Finding] = []
        self.complete = True

    def resolve(self, *, card: dict[str, Any] | None, card_path: str | None, declared: str | None,
                present: Iterable[Component], model_paths: Iterable[str]) -> ReferenceResult:
        """Resolve everything for one scan.

        Args:
            card: the model card's YAML metadata, or None.
            card_path: where the card is.
            declared: the repository's combined declared license expression.
            present: the AI components that have files.
            model_paths: paths of the files labelled model (for framework formats).
        """
        present = set(present)
        card = card or {}
        where = card_path or "model card"
        if Component.CODE not in present:
            self._framework(card, where, model_paths)
        self._datasets(card, where)
        self._lineage(card, where, declared, present)
        gated = self.source.gate()
        self._gate(card, card_path, gated, present)
        items = (MetadataItem(key="gated", value=gated),) if gated else ()
        return ReferenceResult(
            references=tuple(sorted(self.references, key=lambda r: (r.kind.value, r.id))),
            restrictions=tuple(self.restrictions), findings=tuple(self.findings), card_items=items,
            complete=self.complete)

    # -- Code by reference -------------------------------------------------------------------

    def _framework(self, card: dict[str, Any], where: str, model_paths: Iterable[str]) -> None:
        """Code by reference: the card's library_name, else the Hub's model info, else files, else formats.

        An export format (``export: true``: ONNX, GGUF) never displaces the framework the weights
        were made with: when one is found as well, both are listed, the maker first.
        """
        found: list[tuple[Framework, str]] = []
        library = str(card.get("library_name") or "").strip()
        if library:
            framework = self._by_library(library)
            if framework is None:
                self.findings.append(Finding(
                    id="code.framework-unknown", severity=Severity.INFO,
                    message=f"The model card names library_name '{library}', which rules/frameworks.yaml does not "
                            "list, so the Code component cannot be satisfied by reference.",
                    paths=(where,) if where != "model card" else (),
                    hint="Add the framework and its license to a frameworks.yaml in a --rules folder."))
                return
            found.append((framework, f"library_name: {library} ({where})"))
        found.extend(self._from_host())
        found.extend(self._from_files())
        exts = {PurePosixPath(p).suffix.lower().lstrip(".") for p in model_paths}
        for framework in self.frameworks:
            if exts & set(framework.formats):
                fmt = sorted(exts & set(framework.formats))[0]
                found.append((framework, f"weights format .{fmt}" + ("" if library else
                                                                     " (no library_name in the model card)")))
        if not found:
            return
        maker = next(((f, m) for f, m in found if not f.export), None)
        chosen = [maker] if maker is not None else [found[0]]
        if maker is not None:  # an export format found as well is listed after the maker
            export = next(((f, m) for f, m in found if f.export), None)
            if export is not None:
                chosen.append(export)
        for framework, matched_by in chosen:
            self.references.append(Reference(
                kind=ReferenceKind.FRAMEWORK, id=framework.id, component=Component.CODE, name=framework.name,
                declared=framework.license, expression=framework.license,
                expression_spdx=expression_to_spdx(framework.license), source=f"rules/{framework.where}",
                matched_by=matched_by, url=framework.license_url, detail=f"code: {framework.source}"
                + (" (an export format: it runs the weights, which were made with another framework)"
                   if framework.export and len(chosen) > 1 else "")))
        framework, matched_by = chosen[0]
        also = "".join(f"; the weights are also served for {f.name} ({f.license}), matched by {m}"
                       for f, m in chosen[1:])
        self.findings.append(Finding(
            id="code.by-reference", severity=Severity.INFO,
            message=f"The repository holds no code; the Code component is satisfied by reference to "
                    f"{framework.name} ({framework.license}), matched by {matched_by}{also}.",
            hint=f"Check that the model runs on {framework.name} alone, with no custom code fetched at load time."))

    def _by_library(self, library: str) -> Framework | None:
        return next((f for f in self.frameworks if library.lower() in f.library_names), None)

    def _from_host(self) -> list[tuple[Framework, str]]:
        """The framework the Hub's model info reports (its library_name, or Transformers classes)."""
        info = self.source.model_info()
        if info is None:
            return []
        out = []
        if info.library_name and (framework := self._by_library(info.library_name)) is not None:
            out.append((framework, f"library_name: {info.library_name} ({info.where})"))
        transformers = self._by_library("transformers")
        if transformers is not None:
            if info.auto_model:
                out.append((transformers, f"transformers_info.auto_model: {info.auto_model} ({info.where})"))
            elif info.architectures:
                out.append((transformers, f"config architectures: {', '.join(info.architectures)} ({info.where})"))
        return out

    def _from_files(self) -> list[tuple[Framework, str]]:
        """Frameworks named by files at the root (``files`` in rules/frameworks.yaml), in table order."""
        out = []
        documents: dict[str, dict[str, Any] | None] = {}
        for framework in self.frameworks:
            for path, keys in framework.files:
                if path not in documents:
                    documents[path] = self._json_object(path)
                document = documents[path]
                if document is None:
                    continue
                held = [k for k in keys if k in document]
                if keys and not held:
                    continue
                out.append((framework, f"{path}" + (f" holds {held[0]}" if held else " is present")
                            + " (no library_name in the model card or the Hub's model info)"))
                break
        return out

    def _json_object(self, path: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self.source.read(path, _FRAMEWORK_FILE_MAX_BYTES, 0))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    # -- Training Data by reference ----------------------------------------------------------

    def _lookup(self, repo_type: str, repo_id: str) -> RemoteCard | None:
        found = self.source.lookup_card(repo_type, repo_id)
        if found is not None and found.transient:
            self.complete = False
            self.findings.append(Finding(
                id="references.lookup-failed", severity=Severity.ERROR,
                message=f"The {repo_type} card of '{repo_id}' could not be read: {found.error}",
                hint="Scan again when the Hub answers; until then the report is incomplete."))
        return found

    def _not_a_repo_id(self, key: str, value: str, where: str) -> None:
        self.findings.append(Finding(
            id="references.not-a-repo-id", severity=Severity.WARNING,
            message=f"The model card's {key} holds {value!r}, which is not a Hub repository id (ORG/NAME), "
                    "so it was not looked up.",
            paths=(where,) if where != "model card" else (),
            hint="Name the dataset or base model by its Hub id (ORG/NAME), or describe it in the card's text."))

    def _datasets(self, card: dict[str, Any], where: str) -> None:
        names = []
        for name, valid in _card_ids(card.get("datasets")):
            if valid:
                names.append(name)
                continue
            self._not_a_repo_id("datasets", name, where)
            self.references.append(Reference(
                kind=ReferenceKind.DATASET, id=name, component=Component.TRAINING_DATA, name=name,
                declared=None, expression=None, expression_spdx=None, source="none",
                matched_by=f"datasets ({where})", detail="not a Hub repository id; not looked up"))
        for number, name in enumerate(names):
            found = self._lookup("dataset", name) if number < HUB_MAX_LOOKUPS else None
            if found is None:
                reason = ("not looked up: local scans do not query the Hub" if number < HUB_MAX_LOOKUPS
                          else f"not looked up: more than {HUB_MAX_LOOKUPS} datasets")
                self.references.append(Reference(
                    kind=ReferenceKind.DATASET, id=name, component=Component.TRAINING_DATA, name=name,
                    declared=None, expression=None, expression_spdx=None, source="none",
                    matched_by=f"datasets ({where})", detail=reason))
                continue
            raw, expression, note = card_license(found.card, self.knowledge)
            detail = found.error or note
            self.references.append(Reference(
                kind=ReferenceKind.DATASET, id=name, component=Component.TRAINING_DATA, name=name, declared=raw,
                expression=expression, expression_spdx=expression_to_spdx(expression),
                source=f"dataset card of '{name}' at {found.commit}" if found.commit else "none",
                matched_by=f"datasets ({where})", url=found.url, detail=detail))

    # -- lineage -------------------------------------------------------------------------------

    def _lineage(self, card: dict[str, Any], where: str, declared: str | None, present: set[Component]) -> None:
        relation = str(card.get("base_model_relation") or "derivative")[:_MAX_SHOWN]
        bases, key = [], "base_model"
        for base, valid in _card_ids(card.get("base_model")):
            if valid:
                bases.append(base)
                continue
            self._not_a_repo_id("base_model", base, where)
            self.references.append(Reference(
                kind=ReferenceKind.BASE_MODEL, id=base, component=Component.MODEL, name=base, declared=None,
                expression=None, expression_spdx=None, source="none", matched_by=f"base_model ({where})",
                detail="not a Hub repository id; not looked up"))
        if not bases and not card.get("base_model"):  # a PEFT adapter names its base in adapter_config.json
            adapter = self._json_object("adapter_config.json") or {}
            named = adapter.get("base_model_name_or_path")
            if isinstance(named, str) and _HUB_ID.fullmatch(named.strip()):
                bases, relation, where, key = [named.strip()], "adapter", "adapter_config.json", "base_model_name_or_path"
        for number, base in enumerate(bases):
            found = self._lookup("model", base) if number < HUB_MAX_LOOKUPS else None
            if found is None:
                self.references.append(Reference(
                    kind=ReferenceKind.BASE_MODEL, id=base, component=Component.MODEL, name=base, declared=None,
                    expression=None, expression_spdx=None, source="none", matched_by=f"{key} ({where})",
                    detail="not looked up: local scans do not query the Hub"))
                continue
            raw, expression, note = card_license(found.card, self.knowledge)
            self.references.append(Reference(
                kind=ReferenceKind.BASE_MODEL, id=base, component=Component.MODEL, name=base, declared=raw,
                expression=expression, expression_spdx=expression_to_spdx(expression),
                source=f"model card of '{base}' at {found.commit}" if found.commit else "none",
                matched_by=f"{key} ({where}, relation: {relation})", url=found.url,
                detail=found.error or note))
            if expression is None:
                if not found.transient:
                    self.findings.append(Finding(
                        id="lineage.base-license-unknown", severity=Severity.WARNING,
                        message=f"The license of base model '{base}' is unknown ({found.error or note}), so whether "
                                f"this {relation} may be licensed as declared cannot be checked.",
                        paths=(where,) if where != "model card" else (),
                        hint="Check the base model's terms by hand."))
                continue
            base_row = self.knowledge.row_for_expression(expression)
            if Component.MODEL in present:
                self.restrictions.append(Restriction(
                    id="lineage.base-license", components=(Component.MODEL,),
                    row=_prefixed(base_row, f"base model {base} ({relation}) is under {expression}: "),
                    expression=expression, expression_spdx=expression_to_spdx(expression), origin=base))
            self._check_conflict(base, relation, expression, base_row, declared, where)

    def _check_conflict(self, base: str, relation: str, base_expression: str, base_row: FreedomRow,
                        declared: str | None, where: str) -> None:
        if not declared:
            return
        missing = set(expression_keys(base_expression)) - set(expression_keys(declared))
        if not missing:
            return
        own_row = self.knowledge.row_for_expression(declared)
        wider = [f.value for f in Freedom
                 if FREEDOM_RANK[own_row.cell(f).status] > FREEDOM_RANK[base_row.cell(f).status]]
        copyleft = sorted(k for k in missing
                          if str((scancode_license_info(k) or {}).get("category", "")).startswith("Copyleft"))
        if not wider and not copyleft:
            return
        why = (f"it grants {', '.join(wider)} beyond what the base license allows" if wider
               else f"the base license ({', '.join(copyleft)}) is share-alike and must be kept")
        self.findings.append(Finding(
            id="lineage.license-conflict", severity=Severity.ERROR,
            message=f"This model declares {declared}, but its base model '{base}' is under {base_expression}: "
                    f"{'an' if relation[:1].lower() in 'aeiou' else 'a'} {relation} of it cannot be licensed that way, "
                    f"because {why}.",
            paths=(where,) if where != "model card" else (),
            hint="A derivative stays bound by its base model's license: declare that license (or both), or get "
                 "permission from the base model's owners. Until then the base license is applied."))

    # -- access gates --------------------------------------------------------------------------

    def _gate(self, card: dict[str, Any], card_path: str | None, gated: str | None, present: set[Component]) -> None:
        terms = {k: card[k] for k in GATE_KEYS if card.get(k)}
        if not gated and not terms:
            return
        if gated == "manual":
            status = FreedomStatus.FAILS
            how = "Hub gate with manual approval: each user must ask the authors and wait for their approval"
        elif gated:
            status = FreedomStatus.CONDITIONAL
            how = f"Hub gate ({gated}): each user must accept the gate's conditions and share contact details first"
        else:
            status = FreedomStatus.CONDITIONAL
            how = "the model card sets extra_gated_* conditions: users must accept them before access"
        prompt = " ".join(str(terms.get("extra_gated_prompt") or terms.get("extra_gated_description") or "").split())
        fields = terms.get("extra_gated_fields")
        field_names = ", ".join(str(k) for k in fields) if isinstance(fields, dict) else ""
        evidence = (f" Gate terms: \"{prompt[:300]}{'...' if len(prompt) > 300 else ''}\"." if prompt else "") + \
                   (f" Information asked: {field_names}." if field_names else "")
        behind = tuple(c for c in (Component.CODE, Component.TRAINING_CODE, Component.MODEL,
                                   Component.TRAINING_DATA, Component.DATA) if c in present)
        meets = FreedomCell(status=FreedomStatus.MEETS)
        self.restrictions.append(Restriction(id="access.gated", components=behind, row=FreedomRow(
            study=meets, modify=meets, share=meets,
            use=FreedomCell(status=status, because=(f"access is gated ({how})",)))))
        self.findings.append(Finding(
            id="access.gated", severity=Severity.ERROR,
            message=f"Access to the repository's files is gated ({how}). The Use freedom means using the system "
                    f"without having to ask for permission, so it is not met for "
                    f"{', '.join(c.value for c in behind) or 'any component'}.{evidence}",
            paths=(card_path,) if card_path else (),
            hint="Remove the gate (a license can still carry its own conditions), or treat the system as not open."))


__all__ = ["GATE_KEYS", "ReferenceResolver", "ReferenceResult", "card_license"]
