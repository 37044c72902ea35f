"""SARIF 2.1.0: one result per finding, so that code-scanning dashboards show osai-scan's findings.

``ruleId`` is the finding id (the same id as in the JSON report), the level comes from the
severity, each path the finding names is a location (with the lines of the file's license
evidence when ScanCode matched some), and the finding's hint is the rule's help text.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from ..models import Finding, Report, Severity, name_from_base64
from ..models.names import name_bytes
from ._common import VERDICT_LABEL, path_base64

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: Most locations given for one result (code-scanning tools show the first).
MAX_LOCATIONS = 20


def _rules(findings: tuple[Finding, ...]) -> list[dict[str, object]]:
    first: dict[str, Finding] = {}
    for f in findings:
        first.setdefault(f.id, f)
    rules = []
    for rule_id in sorted(first):
        f = first[rule_id]
        rule: dict[str, object] = {
            "id": rule_id, "name": rule_id,
            "shortDescription": {"text": rule_id},
            "defaultConfiguration": {"level": _LEVEL[f.severity]},
        }
        if f.hint:
            rule["help"] = {"text": f.hint}
        rules.append(rule)
    return rules


def _location(report: Report, path: str) -> dict[str, object]:
    raw = path_base64(report, path)
    artifact: dict[str, object] = {"uri": path, "uriBaseId": "SRCROOT"}
    if raw is not None:  # an escaped name: the URI percent-encodes its exact bytes
        artifact["uri"] = quote(name_bytes(name_from_base64(raw)), safe="/")
        artifact["properties"] = {"escapedPath": path, "pathBase64": raw}
    physical: dict[str, object] = {"artifactLocation": artifact}
    try:
        lines = [m for m in report.file(path).detections if m.start_line]
    except KeyError:
        lines = []
    if lines:
        start = min(m.start_line for m in lines if m.start_line)
        end = max(m.end_line or m.start_line for m in lines if m.start_line)
        physical["region"] = {"startLine": start, "endLine": max(end, start)}
    return {"physicalLocation": physical}


def _result(report: Report, f: Finding, index: dict[str, int]) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": f.id, "ruleIndex": index[f.id], "level": _LEVEL[f.severity], "message": {"text": f.message},
    }
    if f.paths:
        result["locations"] = [_location(report, p) for p in f.paths[:MAX_LOCATIONS]]
        if len(f.paths) > MAX_LOCATIONS:
            result["properties"] = {"paths": list(f.paths)}
    return result


def sarif_dict(report: Report) -> dict[str, object]:
    """The SARIF log as JSON-ready data."""
    rules = _rules(report.findings)
    index = {r["id"]: i for i, r in enumerate(rules)}  # type: ignore[misc]
    run: dict[str, object] = {
        "tool": {"driver": {"name": report.tool.name, "version": report.tool.version,
                            "rules": rules}},
        "results": [_result(report, f, index) for f in report.findings],  # type: ignore[arg-type]
        "columnKind": "unicodeCodePoints",
        "properties": {
            "verdict": report.verdict.status.value, "verdictLabel": VERDICT_LABEL[report.verdict.status],
            "profile": report.profile, "reasons": list(report.verdict.reasons),
            "profiles": {pid: r.verdict.status.value for pid, r in report.profiles},
            "complete": report.complete,
        },
    }
    t = report.target
    if t.url and t.commit:
        run["versionControlProvenance"] = [{"repositoryUri": t.url, "revisionId": t.commit}]
    elif report.sources:  # a system of several sources: each one scanned from a Hub commit
        run["versionControlProvenance"] = [{"repositoryUri": i.target.url, "revisionId": i.target.commit}
                                           for i in report.sources if i.target.url and i.target.commit] or None
        if run["versionControlProvenance"] is None:
            del run["versionControlProvenance"]
    if report.generated_at:
        run["invocations"] = [{"executionSuccessful": report.complete, "endTimeUtc": report.generated_at}]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(report: Report) -> str:
    """Render the report's findings as a SARIF 2.1.0 log."""
    return json.dumps(sarif_dict(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


__all__ = ["render_sarif", "sarif_dict"]
