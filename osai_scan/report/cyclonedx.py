"""CycloneDX 1.6 JSON (an ML-BOM), written with ``cyclonedx-python-lib``.

The scanned system is the BOM's subject; each of the five components present (or referenced) is
a component with its governing licenses: the model a ``machine-learning-model`` with a
``modelCard``, training data and data ``data`` components, referenced datasets ``data``
components, base models the model's pedigree ancestors, frameworks libraries. The verdict of
every profile, and each profile's status per component, are BOM properties.

cyclonedx-python-lib 11 cannot express ``modelCard``; the BOM is built with the library, and the
model card (parameters from weight headers and the model card, datasets, the task) is added to
the model component's JSON, as the format allows. The whole document is what tests validate.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from ..models import Component, ComponentResult, Presence, ReferenceKind, Report
from ._common import content_digest, created, escaped_paths, target_label
from ._licenses import is_single, is_spdx_id, pointer

_TYPE = {
    Component.CODE: "LIBRARY", Component.TRAINING_CODE: "APPLICATION", Component.MODEL: "MACHINE_LEARNING_MODEL",
    Component.TRAINING_DATA: "DATA", Component.DATA: "DATA",
}
MODEL_REF = "component:model"


def _licenses(spdx_expressions: list[str]) -> list[Any]:
    """CycloneDX licenses for a component: license objects when each is one id, else one expression."""
    from cyclonedx.model import XsUri
    from cyclonedx.model.license import DisjunctiveLicense, LicenseExpression

    expressions = sorted(dict.fromkeys(e for e in spdx_expressions if e))
    if not expressions:
        return []
    if all(is_single(e) for e in expressions):
        out = []
        for e in expressions:
            if is_spdx_id(e):
                out.append(DisjunctiveLicense(id=e))
            else:
                url = pointer(e)
                out.append(DisjunctiveLicense(name=e, url=XsUri(url) if url else None))
        return out
    joined = expressions[0] if len(expressions) == 1 else " AND ".join(f"({e})" for e in expressions)
    return [LicenseExpression(joined)]


def _result_licenses(result: ComponentResult) -> list[str]:
    return [lc.expression_spdx or "" for lc in result.licenses]


def _properties(report: Report) -> list[Any]:
    from cyclonedx.model import Property

    props = [Property(name="osai-scan:verdict", value=report.verdict.status.value),
             Property(name="osai-scan:profile", value=report.profile),
             Property(name="osai-scan:complete", value=str(report.complete).lower())]
    for pid, result in report.profiles:
        props.append(Property(name=f"osai-scan:profile:{pid}:verdict", value=result.verdict.status.value))
        for component, cr in result.components:
            props.append(Property(name=f"osai-scan:profile:{pid}:{component.value}", value=cr.status.value))
        if result.mof is not None and result.mof.class_reached is not None:
            props.append(Property(name=f"osai-scan:profile:{pid}:mof-class", value=str(result.mof.class_reached)))
    for path, raw in escaped_paths(report):  # a name shown escaped: its exact bytes
        props.append(Property(name=f"osai-scan:path-base64:{path}", value=raw))
    return props


def _components(report: Report) -> list[Any]:
    from cyclonedx.model import Property
    from cyclonedx.model.component import Component as CdxComponent
    from cyclonedx.model.component import ComponentType, Pedigree

    version = report.target.commit or report.target.revision
    out = []
    refs = {r.id: r for r in report.references}
    for component, result in report.components:
        if result.presence is Presence.ABSENT:
            continue
        props = [Property(name="osai-scan:status", value=result.status.value),
                 Property(name="osai-scan:requirement", value=result.requirement.value),
                 Property(name="osai-scan:presence", value=result.presence.value),
                 Property(name="osai-scan:files", value=str(result.files))]
        for lc in result.licenses:
            if lc.example and not lc.references:
                props.append(Property(name="osai-scan:example", value=f"{lc.expression_spdx or '?'}: {lc.example}"))
        pedigree = None
        if component is Component.MODEL:
            bases = [r for r in report.references if r.kind is ReferenceKind.BASE_MODEL]
            if bases:
                pedigree = Pedigree(ancestors=[
                    CdxComponent(name=b.id, type=ComponentType.MACHINE_LEARNING_MODEL, bom_ref=f"base-model:{b.id}",
                                 licenses=_licenses([b.expression_spdx or ""]),
                                 properties=[Property(name="osai-scan:license-source", value=b.source)])
                    for b in sorted(bases, key=lambda r: r.id)])
        licenses = [lc.expression_spdx or "" for lc in result.licenses if not lc.references]
        if result.presence is Presence.REFERENCED:
            licenses = [refs[r].expression_spdx or "" for r in result.references if r in refs]
        out.append(CdxComponent(
            name=f"{target_label(report)} {component.value}", type=getattr(ComponentType, _TYPE[component]),
            bom_ref=f"component:{component.value}", version=version, licenses=_licenses(licenses),
            properties=props, pedigree=pedigree))
    for ref in sorted(report.references, key=lambda r: (r.kind.value, r.id)):
        if ref.kind is ReferenceKind.BASE_MODEL:
            continue
        kind = ComponentType.DATA if ref.kind is ReferenceKind.DATASET else ComponentType.FRAMEWORK
        props = [Property(name="osai-scan:reference-kind", value=ref.kind.value),
                 Property(name="osai-scan:matched-by", value=ref.matched_by),
                 Property(name="osai-scan:license-source", value=ref.source)]
        if ref.detail:
            props.append(Property(name="osai-scan:detail", value=ref.detail))
        out.append(CdxComponent(name=ref.id if ref.kind is ReferenceKind.DATASET else ref.name, type=kind,
                                bom_ref=f"{ref.kind.value}:{ref.id}", licenses=_licenses([ref.expression_spdx or ""]),
                                properties=props))
    return out


def _model_card(report: Report) -> dict[str, Any]:
    """The ``modelCard`` the library cannot write: task, datasets and what the weight headers say."""
    card = dict((item.key, item.value) for item in report.declared.model_card)
    params: dict[str, Any] = {}
    if card.get("pipeline_tag"):
        params["task"] = card["pipeline_tag"]
    datasets = [{"ref": f"dataset:{r.id}"} for r in sorted(report.references, key=lambda r: r.id)
                if r.kind is ReferenceKind.DATASET]
    if any(f.component is Component.TRAINING_DATA for f in report.files):
        datasets.insert(0, {"ref": "component:training-data"})
    if datasets:
        params["datasets"] = datasets
    props = []
    for f in report.files:
        if f.component is Component.MODEL and f.header is not None:
            if f.header.parameter_count is not None:
                props.append({"name": f"osai-scan:parameter-count:{f.path}", "value": str(f.header.parameter_count)})
            props.append({"name": f"osai-scan:weights-format:{f.path}", "value": f.header.format})
    for key in ("library_name", "base_model"):
        if card.get(key):
            props.append({"name": f"osai-scan:model-card:{key}", "value": card[key]})
    out: dict[str, Any] = {"bom-ref": "model-card"}
    if params:
        out["modelParameters"] = params
    if props:
        out["properties"] = props
    return out


def cyclonedx_dict(report: Report) -> dict[str, Any]:
    """The CycloneDX 1.6 BOM as JSON-ready data."""
    from cyclonedx.model.bom import Bom, BomMetaData
    from cyclonedx.model.component import Component as CdxComponent
    from cyclonedx.model.component import ComponentType
    from cyclonedx.model.tool import ToolRepository
    from cyclonedx.output.json import JsonV1Dot6

    subject = CdxComponent(name=target_label(report), type=ComponentType.APPLICATION, bom_ref="subject",
                           version=report.target.commit or report.target.revision)
    tools = ToolRepository(components=[CdxComponent(name=report.tool.name, version=report.tool.version,
                                                    type=ComponentType.APPLICATION, bom_ref="tool")])
    metadata = BomMetaData(component=subject, tools=tools,
                           timestamp=datetime.fromisoformat(created(report).replace("Z", "+00:00")),
                           properties=_properties(report))
    bom = Bom(components=_components(report), metadata=metadata,
              serial_number=uuid.UUID(content_digest(report)[:32], version=5))
    for component in bom.components:
        bom.register_dependency(subject, [component])
    data = json.loads(JsonV1Dot6(bom).output_as_string())
    for component in data.get("components", []):
        if component.get("bom-ref") == MODEL_REF:
            component["modelCard"] = _model_card(report)
    return data


def render_cyclonedx(report: Report) -> str:
    """Render the report as a CycloneDX 1.6 JSON BOM."""
    return json.dumps(cyclonedx_dict(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


__all__ = ["cyclonedx_dict", "render_cyclonedx"]
