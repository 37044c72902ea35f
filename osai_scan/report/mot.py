"""``mot-yaml``: a Model Openness Tool model record (the format the Model Openness Framework's
reference tool catalogues models in), filled from the scan's evidence instead of self-declaration.

Each MOF component the scan found is listed with the license detected for it, the file that
proves it (``component_path``) and the license file its license came from (``license_path``);
a component the scan did not find is left out, which is how the record says it is not included.
The values come from the MOF profile's result in the report (``ProfileResult.mof``).
"""

from __future__ import annotations

import re

import yaml

from ..errors import UsageError
from ..models import ComponentStatus, MofResult, Report
from ._common import path_base64, target_label

_FRAMEWORK = re.compile(r"^(?P<name>Model Openness Framework) (?P<version>[\d.]+)(?: \((?P<date>\d{4}-\d\d-\d\d)\))?")


class MotRenderError(UsageError):
    """The report holds no Model Openness Framework result to write a record from."""


def _mof(report: Report) -> MofResult:
    for _, result in report.profiles:
        if result.mof is not None:
            return result.mof
    raise MotRenderError("the report has no Model Openness Framework result (the mof profile was not evaluated)")


def _path(report: Report, path: str | None) -> str | None:
    """The license file that governs ``path``, as the attribution recorded it."""
    if path is None:
        return None
    try:
        source = report.file(path).attribution.source_path
    except KeyError:
        return None
    return source.split(", ")[0] if source else None


def _license(report: Report, component_results: list, fallback: str | None) -> dict[str, str | None]:
    for lc in component_results:
        if lc.expression_spdx or lc.expression:
            return {"name": lc.expression_spdx or lc.expression, "path": _path(report, lc.example)}
    return {"name": fallback, "path": None}


def mot_dict(report: Report) -> dict[str, object]:
    """The MOT model record as data (key order as the tool's sample writes it)."""
    mof = _mof(report)
    match = _FRAMEWORK.match(mof.framework)
    framework = {"name": "Model Openness Framework", "version": match["version"] if match else "",
                 "date": match["date"] if match and match["date"] else ""}
    declared = next((d for d in report.declared.licenses if d.expression_spdx or d.expression), None)
    by_kind: dict[str, list] = {"code": [], "document": [], "data": []}
    components = []
    for c in sorted(mof.components, key=lambda c: c.mof_id):
        if c.status is ComponentStatus.ABSENT:
            continue
        if c.content_type in by_kind:
            by_kind[c.content_type].extend(c.licenses)
        entry: dict[str, str] = {"name": c.name, "description": "; ".join(c.evidence) or f"{c.files} file(s) found"}
        if c.status is ComponentStatus.UNLICENSED:
            entry["license"] = "unlicensed"
        elif c.licenses:
            lc = c.licenses[0]
            entry["license"] = lc.expression_spdx or lc.expression or "unknown"
            license_path = _path(report, lc.example)
            if license_path:
                entry["license_path"] = license_path
                if raw := path_base64(report, license_path):
                    entry["license_path_base64"] = raw
        else:
            entry["license"] = "unknown"
        if c.paths:
            entry["component_path"] = c.paths[0]
            if raw := path_base64(report, c.paths[0]):
                entry["component_path_base64"] = raw  # the exact name of an escaped path
        components.append(entry)
    t = report.target
    release: dict[str, object] = {
        "name": target_label(report),
        "version": t.commit or t.revision or "",
        "license": {
            "distribution": {"name": (declared.expression_spdx or declared.expression) if declared else None,
                             "path": declared.path if declared else None},
            "code": _license(report, by_kind["code"], None),
            "data": _license(report, by_kind["data"], None),
            "document": _license(report, by_kind["document"], None),
        },
        "producer": t.repo_id.split("/")[0] if t.kind == "hub" and t.repo_id else "",
        "origin": t.url or "",
        "components": components,
    }
    if report.generated_at:
        release["date"] = report.generated_at[:10]
    return {"framework": framework, "release": release}


def render_mot(report: Report) -> str:
    """Render the MOF evaluation as a Model Openness Tool YAML model record.

    Raises:
        MotRenderError: the report has no MOF result.
    """
    return yaml.safe_dump(mot_dict(report), sort_keys=False, allow_unicode=True, default_flow_style=False)


__all__ = ["MotRenderError", "mot_dict", "render_mot"]
