"""The governing license of each file, with its provenance (DESIGN.md attribution order).

1. the file's own notice (ScanCode matches in the file, or license metadata in a weights header);
2. (REUSE annotations: reserved);
3. a component-scoped license file (LICENSE-MODEL, ...) in the file's folder or above;
4. the nearest enclosing folder's license file (below the root);
5. the repository's declared license: root license files and the model card's ``license:``.
Conflicts between levels become findings; nothing is overridden silently.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Iterable

import yaml

from .licenses import LicenseKnowledge, expression_keys, expression_to_spdx, key_of_spdx
from .models import (
    Attribution,
    AttributionSource,
    Component,
    Declared,
    DeclaredLicense,
    Detection,
    Finding,
    MetadataItem,
    Severity,
)
from .rules import LicenseFileRule

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", re.DOTALL)
#: Header metadata keys that carry a license (GGUF, safetensors __metadata__).
_METADATA_LICENSE_KEYS = ("general.license", "license")


@dataclass(frozen=True, slots=True)
class LicenseFile:
    """A file whose text governs other files."""

    path: str
    folder: str
    expression: str | None
    components: tuple[Component, ...]
    rule: str


def _glob(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(name, p) for p in patterns)


def _folder(path: str) -> str:
    parent = str(PurePosixPath(path).parent)
    return "" if parent == "." else parent


def _is_within(path: str, folder: str) -> bool:
    return folder == "" or path.startswith(folder + "/")


def parse_front_matter(text: str) -> dict[str, object] | None:
    """The YAML front matter of a model card, or None (safe YAML only)."""
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        return None
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


class Attributor:
    """Computes governing licenses for a whole inventory.

    Args:
        knowledge: license knowledge (Hub ids, SPDX mapping).
        component_rules: scoped license file names (attribution.yaml).
        generic_rules: generic license file names (attribution.yaml).
        reference_keys: ScanCode keys that only point at a license elsewhere.
    """

    def __init__(self, knowledge: LicenseKnowledge, component_rules: tuple[LicenseFileRule, ...],
                 generic_rules: tuple[LicenseFileRule, ...], reference_keys: frozenset[str]) -> None:
        self.knowledge = knowledge
        self.component_rules = component_rules
        self.generic_rules = generic_rules
        self.reference_keys = reference_keys
        self.findings: list[Finding] = []

    # -- level 1: what the file says ----------------------------------------------------------

    def own_expression(self, detection: Detection) -> tuple[str | None, AttributionSource]:
        """The license a file's own content grants, reference-only keys removed."""
        if detection.header is not None:
            for item in detection.header.metadata:
                if item.key in _METADATA_LICENSE_KEYS and item.value.strip():
                    expression, _ = self.knowledge.hub_license(item.value)
                    if expression:
                        return expression, AttributionSource.FILE_METADATA
            return None, AttributionSource.NONE
        if not detection.expression:
            return None, AttributionSource.NONE
        return self._strip_references(detection.expression), AttributionSource.FILE_NOTICE

    def _strip_references(self, expression: str) -> str | None:
        keys = expression_keys(expression)
        if not any(k in self.reference_keys for k in keys):
            return expression
        if all(k in self.reference_keys for k in keys):
            return None
        try:
            parsed = self.knowledge.licensing.parse(expression)
            kept = [str(s) for s in self.knowledge.licensing.license_symbols(parsed, decompose=False)
                    if str(s) not in self.reference_keys]
        except Exception:  # noqa: BLE001 - fall back to the plain expression
            return expression
        if "OR" in expression.upper().split():
            return expression  # do not reshape choices; keep ScanCode's expression
        return " AND ".join(dict.fromkeys(kept)) or None

    # -- license files ------------------------------------------------------------------------

    def license_files(self, paths_labels: Iterable[tuple[str, Component]],
                      own: dict[str, str | None]) -> list[LicenseFile]:
        """Every file whose text governs others: component-scoped first, then generic."""
        found = []
        for path, component in paths_labels:
            if component is not Component.LEGAL:
                continue
            name = PurePosixPath(path).name.lower()
            scoped = next((r for r in self.component_rules if _glob(name, r.names)), None)
            rule = scoped or next((r for r in self.generic_rules if _glob(name, r.names)), None)
            if rule is None:
                continue
            found.append(LicenseFile(path=path, folder=_folder(path), expression=own.get(path),
                                     components=rule.components, rule=rule.id))
            if own.get(path) is None:
                self.findings.append(Finding(
                    id="attribution.license-file-unrecognised",
                    severity=Severity.WARNING,
                    message=f"No license was recognised in license file '{path}'.",
                    paths=(path,),
                    hint="Check the file holds a complete license text; files it governs are treated as "
                         "under an unknown license.",
                ))
        return found

    # -- level 5: declared ----------------------------------------------------------------------

    def declared(self, root_files: list[LicenseFile], card: dict[str, object] | None, card_path: str | None,
                 own: dict[str, str | None]) -> tuple[Declared, str | None]:
        """The repository's declared licenses and their combined expression (AND of all)."""
        entries: list[DeclaredLicense] = []
        for lf in root_files:
            expression = lf.expression or "unknown"
            entries.append(DeclaredLicense(source="license-file", path=lf.path, value=lf.path, expression=expression,
                                           expression_spdx=expression_to_spdx(expression),
                                           detail="license text detected by ScanCode"))
        items: list[MetadataItem] = []
        if card is not None and card_path is not None:
            for key in ("license", "license_name", "license_link", "base_model", "base_model_relation",
                        "datasets", "library_name", "pipeline_tag", "extra_gated_prompt", "extra_gated_heading",
                        "extra_gated_description", "extra_gated_fields", "extra_gated_button_content"):
                if key in card and card[key] is not None:
                    value = card[key]
                    items.append(MetadataItem(key=key, value=value if isinstance(value, str) else
                                              yaml.safe_dump(value, default_flow_style=True).strip()))
            entries.extend(self._card_licenses(card, card_path, own))
        resolved = [e.expression for e in entries if e.expression]
        combined = " AND ".join(dict.fromkeys(f"({e})" if " OR " in e else e for e in resolved)) or None
        key_sets = {frozenset(expression_keys(e)) for e in resolved}
        if len(key_sets) > 1:
            self.findings.append(Finding(
                id="declared.conflict",
                severity=Severity.ERROR,
                message="The repository declares different licenses: "
                        + "; ".join(f"{e.path} ({e.source}) says {e.expression}" for e in entries if e.expression)
                        + ". Both are applied (AND) until the conflict is resolved.",
                paths=tuple(sorted({e.path for e in entries})),
                hint="Make the model card's license: field and the root license file agree.",
            ))
        declared = Declared(licenses=tuple(entries), model_card=tuple(items),
                            license_files=tuple(sorted(lf.path for lf in root_files)))
        return declared, combined

    def _card_licenses(self, card: dict[str, object], card_path: str,
                       own: dict[str, str | None]) -> list[DeclaredLicense]:
        raw = card.get("license")
        values = raw if isinstance(raw, list) else [raw] if raw is not None else []
        out = []
        for value in values:
            value = str(value)
            if value.lower() == "other":
                out.append(self._card_other(card, card_path, own))
                continue
            expression, note = self.knowledge.hub_license(value)
            out.append(DeclaredLicense(source="model-card", path=card_path, value=value, expression=expression,
                                       expression_spdx=expression_to_spdx(expression), detail=note))
            if expression is None:
                self.findings.append(Finding(
                    id="declared.unresolved-license", severity=Severity.WARNING,
                    message=f"Model card '{card_path}' declares license '{value}', which names no single license: "
                            f"{note}.",
                    paths=(card_path,),
                    hint="Declare a specific license id, or license: other with license_name and license_link."))
        return out

    def _card_other(self, card: dict[str, object], card_path: str, own: dict[str, str | None]) -> DeclaredLicense:
        name = str(card.get("license_name") or "")
        link = str(card.get("license_link") or "")
        expression = None
        detail = ""
        if link and "://" not in link:
            target = link.lstrip("./")
            if target in own:
                expression = own[target]
                detail = f"license_link points to '{target}'"
        if expression is None and name:
            expression, detail = self.knowledge.hub_license(name)
            if expression is None:
                key = key_of_spdx(name)
                expression = key
        if expression is None:
            self.findings.append(Finding(
                id="declared.license-other-unresolved", severity=Severity.WARNING,
                message=f"Model card '{card_path}' declares license: other"
                        + (f" (license_name: {name})" if name else " without license_name")
                        + (f" (license_link: {link})" if link else " and without license_link")
                        + ", which osai-scan cannot resolve to a license text.",
                paths=(card_path,),
                hint="Add the license text to the repository and point license_link at it."))
        return DeclaredLicense(source="model-card", path=card_path, value=f"other: {name or link or '?'}",
                               expression=expression, expression_spdx=expression_to_spdx(expression),
                               detail=detail or "license: other")

    # -- levels 1-5 for one file ----------------------------------------------------------------

    def attribute(self, path: str, component: Component, own: str | None, own_source: AttributionSource,
                  license_files: list[LicenseFile], declared: str | None, declared_paths: str) -> Attribution:
        """The governing license of one file."""
        if own:
            return Attribution(expression=own, expression_spdx=expression_to_spdx(own), source=own_source,
                               source_path=path, detail="license notice in the file itself"
                               if own_source is AttributionSource.FILE_NOTICE else "license metadata in the header")
        scoped = [lf for lf in license_files
                  if lf.components and component in lf.components and _is_within(path, lf.folder)]
        if scoped:
            lf = max(scoped, key=lambda f: (len(f.folder), f.path))
            expression = lf.expression or "unknown"
            return Attribution(expression=expression, expression_spdx=expression_to_spdx(expression),
                               source=AttributionSource.COMPONENT_LICENSE_FILE, source_path=lf.path,
                               detail=f"{component.value} license file ({lf.rule})")
        enclosing = [lf for lf in license_files
                     if not lf.components and lf.folder and _is_within(path, lf.folder)]
        if enclosing:
            lf = max(enclosing, key=lambda f: (len(f.folder), f.path))
            expression = lf.expression or "unknown"
            return Attribution(expression=expression, expression_spdx=expression_to_spdx(expression),
                               source=AttributionSource.DIRECTORY_LICENSE_FILE, source_path=lf.path,
                               detail=f"license file of folder '{lf.folder}/'")
        if declared:
            return Attribution(expression=declared, expression_spdx=expression_to_spdx(declared),
                               source=AttributionSource.DECLARED, source_path=declared_paths,
                               detail="repository's declared license")
        return Attribution(expression=None, expression_spdx=None, source=AttributionSource.NONE,
                           detail="no license found for this file at any level")
