"""SARIF 2.1.0: one result per finding, valid against the OASIS schema for every fixture case."""

from __future__ import annotations

import pytest

from osai_scan.models import Report
from osai_scan.report import render_sarif
from tests.report.conftest import CASES
from tests.report.validators import validate_sarif


@pytest.mark.parametrize("case", CASES)
def test_every_case_gives_a_valid_sarif_log_with_one_result_per_finding(case: str,
                                                                        case_reports: dict[str, Report]) -> None:
    report = case_reports[case]
    log = validate_sarif(render_sarif(report))
    (run,) = log["runs"]
    assert [(r["ruleId"], r["level"], r["message"]["text"]) for r in run["results"]] == [
        (f.id, {"error": "error", "warning": "warning", "info": "note"}[f.severity.value], f.message)
        for f in report.findings]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({f.id for f in report.findings})
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert run["properties"]["verdict"] == report.verdict.status.value


def test_sarif_locations_lines_and_help(case_reports: dict[str, Report]) -> None:
    log = validate_sarif(render_sarif(case_reports["vendored-gpl"]))
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "attribution.folder-license-differs" and result["level"] == "note"
    (location,) = result["locations"]
    assert location["physicalLocation"] == {"artifactLocation": {"uri": "third_party/fastops/COPYING",
                                                                 "uriBaseId": "SRCROOT"},
                                            "region": {"startLine": 1, "endLine": 674}}
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["help"]["text"].startswith("Vendored code or a dataset under its own terms")
    llama = validate_sarif(render_sarif(case_reports["mit-code-llama-weights"]))
    (error,) = llama["runs"][0]["results"]
    assert error["ruleId"] == "policy.component-not-open" and error["level"] == "error"
    assert [loc["physicalLocation"]["artifactLocation"]["uri"] for loc in error["locations"]] == [
        "model/config.json", "model/model.safetensors", "model/tokenizer.json"]
    assert all("region" not in loc["physicalLocation"] for loc in error["locations"])


def test_the_schema_rejects_a_broken_log(case_reports: dict[str, Report]) -> None:
    import json

    log = json.loads(render_sarif(case_reports["mit-code-llama-weights"]))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError, match="level"):
        validate_sarif(json.dumps(log))
