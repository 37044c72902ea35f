"""The AI and Dataset profiles of the SPDX 3.0.1 document: one package per component of the system.

The model is an ``ai_AIPackage`` (its governing licenses, the task from the model card as
``ai_domain``, the architecture weight headers name as ``ai_typeOfModel``, the parameter count and
format of each weights file as ``ai_hyperparameter`` entries), ``descendantOf`` its base models
(``ai_AIPackage`` elements with their declared license) and ``trainedOn`` the training data. Training
data, data and every referenced dataset are ``dataset_DatasetPackage`` elements; code and training
code ``software_Package`` elements; frameworks the model runs on ``software_Package`` elements of
purpose ``framework`` that the model ``dependsOn``. Each component package CONTAINS its files and
carries the verdict of every profile for that component as an annotation.
"""

from __future__ import annotations

from typing import Any

from ..models import Component, ComponentResult, Presence, Reference, ReferenceKind, Report
from ._common import target_label
from ._spdx3_graph import Graph

#: A component → its package's primary purpose (software_SoftwarePurpose)
PURPOSE = {
    Component.CODE: "source", Component.TRAINING_CODE: "source", Component.MODEL: "model",
    Component.TRAINING_DATA: "data", Component.DATA: "data", Component.DOCUMENTATION: "documentation",
    Component.LEGAL: "other", Component.OTHER: "other",
}
_DATASETS = (Component.TRAINING_DATA, Component.DATA)


def _purpose(g: Graph, component: Component) -> Any:
    return getattr(g.spdx.software_SoftwarePurpose, PURPOSE[component])


def _model_card(report: Report) -> dict[str, str]:
    return {item.key: item.value for item in report.declared.model_card}


def _ai_properties(report: Report) -> dict[str, Any]:
    """The AI profile's fields the report knows: task, architectures, parameter counts, formats."""
    from spdx_python_model import v3_0_1 as spdx

    card = _model_card(report)
    hyper, architectures = [], set()
    for f in report.files:
        if f.component is not Component.MODEL or f.header is None:
            continue
        if f.header.parameter_count is not None:
            hyper.append(spdx.DictionaryEntry(key=f"parameterCount:{f.path}", value=str(f.header.parameter_count)))
        hyper.append(spdx.DictionaryEntry(key=f"weightsFormat:{f.path}", value=f.header.format))
        architectures.update(m.value for m in f.header.metadata if m.key == "general.architecture" and m.value)
    info = [f"{key}: {card[key]}" for key in ("library_name", "base_model", "base_model_relation") if card.get(key)]
    return {"ai_domain": [card["pipeline_tag"]] if card.get("pipeline_tag") else [],
            "ai_typeOfModel": sorted(architectures), "ai_hyperparameter": hyper,
            "ai_informationAboutApplication": "; ".join(info) or None}


def _component_licenses(report: Report, component: Component, result: ComponentResult) -> list[str | None]:
    if result.presence is Presence.REFERENCED:
        refs = {r.id: r for r in report.references}
        return [refs[r].expression_spdx for r in result.references if r in refs]
    return [lc.expression_spdx for lc in result.licenses]


def _status_note(report: Report, component: Component) -> str:
    rows = ([(pid, dict(p.components).get(component)) for pid, p in report.profiles]
            or [(report.profile, dict(report.components).get(component))])
    return f"osai-scan component {component.value}: " + "; ".join(
        f"{pid}: {cr.status.value} ({cr.requirement.value})" for pid, cr in rows if cr is not None)


def _reference_package(g: Graph, ref: Reference) -> Any:
    """The element standing for a reference: a base model, a dataset or a framework."""
    spdx = g.spdx
    framework = ref.kind is ReferenceKind.FRAMEWORK
    comment = (f"referenced by {ref.matched_by}; license from {ref.source}"
               + (f" ({ref.url})" if framework and ref.url else "") + (f"; {ref.detail}" if ref.detail else ""))
    common = {"name": ref.name if framework else ref.id, "comment": comment,
              "software_downloadLocation": None if framework else ref.url}
    if ref.kind is ReferenceKind.BASE_MODEL:
        element = g.add(spdx.ai_AIPackage, "AIPackage", f"base:{ref.id}",
                        software_primaryPurpose=spdx.software_SoftwarePurpose.model, **common)
    elif ref.kind is ReferenceKind.DATASET:
        element = g.add(spdx.dataset_DatasetPackage, "DatasetPackage", f"reference:{ref.id}",
                        dataset_datasetType=[spdx.dataset_DatasetType.noAssertion],
                        software_primaryPurpose=spdx.software_SoftwarePurpose.data, **common)
    else:
        element = g.add(spdx.software_Package, "Package", f"framework:{ref.id}",
                        software_primaryPurpose=spdx.software_SoftwarePurpose.framework, **common)
    g.relate(element, "hasDeclaredLicense", [g.license(ref.expression_spdx)])
    return element


def add_components(g: Graph, root: Any, files: dict[Component, list[Any]]) -> dict[Component, Any]:
    """Add a package per component present (or declared, or referenced), and the references.

    Args:
        g: the document's graph.
        root: the package of the scanned target.
        files: each component's file elements.

    Returns:
        component → its package.
    """
    spdx, report = g.spdx, g.report
    label, version = target_label(report), report.target.commit or report.target.revision
    packages: dict[Component, Any] = {}
    for component, result in report.components:
        if result.presence is Presence.ABSENT:
            continue
        common = {"name": f"{label} {component.value}", "software_packageVersion": version,
                  "software_primaryPurpose": _purpose(g, component),
                  "comment": f"presence {result.presence.value}, {result.files} file(s)"}
        if component is Component.MODEL:
            weights = [r.id for r in report.references if r.kind is ReferenceKind.WEIGHTS]
            if weights:
                common["comment"] += "; weights fetched from " + ", ".join(sorted(weights))
            package = g.add(spdx.ai_AIPackage, "AIPackage", component.value, **common, **_ai_properties(report))
            card_licenses = [d.expression_spdx for d in report.declared.licenses if d.source == "model-card"]
            if any(card_licenses):
                g.relate(package, "hasDeclaredLicense", [g.conjunction(card_licenses)])
        elif component in _DATASETS:
            package = g.add(spdx.dataset_DatasetPackage, "DatasetPackage", component.value,
                            dataset_datasetType=[spdx.dataset_DatasetType.noAssertion], **common)
        else:
            package = g.add(spdx.software_Package, "Package", component.value, **common)
        g.relate(package, "hasConcludedLicense", [g.conjunction(_component_licenses(report, component, result))])
        g.relate(package, "contains", files.get(component, []))
        g.annotate(package, _status_note(report, component), "status")
        packages[component] = package
    if packages:
        g.relate(root, "contains", [packages[c] for c in sorted(packages, key=lambda c: c.value)])
    model = packages.get(Component.MODEL)
    if model is not None and Component.TRAINING_DATA in packages:
        g.relate(model, "trainedOn", [packages[Component.TRAINING_DATA]])
    for ref in sorted(report.references, key=lambda r: (r.kind.value, r.id)):
        if ref.kind not in (ReferenceKind.BASE_MODEL, ReferenceKind.DATASET, ReferenceKind.FRAMEWORK):
            continue
        element = _reference_package(g, ref)
        if ref.kind is ReferenceKind.BASE_MODEL:
            g.relate(model if model is not None else root, "descendantOf", [element], comment=ref.matched_by)
        elif ref.kind is ReferenceKind.DATASET:
            trained = model is not None and ref.component is Component.TRAINING_DATA
            g.relate(model if trained else root, "trainedOn" if trained else "dependsOn", [element],
                     comment=ref.matched_by)
        else:
            g.relate(model if model is not None else root, "dependsOn", [element], comment=ref.matched_by)
    return packages


__all__ = ["PURPOSE", "add_components"]
