"""CycloneDX 1.6: an ML-BOM valid by cyclonedx-python-lib's validator for every fixture case."""

from __future__ import annotations

import json

import pytest

from osai_scan.models import Report
from osai_scan.report import render_cyclonedx
from tests.report.conftest import CASES
from tests.report.validators import validate_cyclonedx


def _props(items: list[dict]) -> dict[str, str]:
    return {p["name"]: p["value"] for p in items}


def _by_ref(bom: dict) -> dict[str, dict]:
    return {c["bom-ref"]: c for c in bom.get("components", [])}


@pytest.mark.parametrize("case", CASES)
def test_every_case_gives_a_valid_bom_with_every_profile_verdict(case: str, case_reports: dict[str, Report]) -> None:
    report = case_reports[case]
    bom = validate_cyclonedx(render_cyclonedx(report))
    assert bom["specVersion"] == "1.6"
    props = _props(bom["metadata"]["properties"])
    assert props["osai-scan:verdict"] == report.verdict.status.value
    for pid, result in report.profiles:
        assert props[f"osai-scan:profile:{pid}:verdict"] == result.verdict.status.value
        for component, cr in result.components:
            assert props[f"osai-scan:profile:{pid}:{component.value}"] == cr.status.value
    present = {c.value for c, r in report.components if r.presence.value != "absent"}
    assert {ref.split(":", 1)[1] for ref in _by_ref(bom) if ref.startswith("component:")} == present


def test_model_component_with_model_card_and_named_license(case_reports: dict[str, Report]) -> None:
    bom = validate_cyclonedx(render_cyclonedx(case_reports["mit-code-llama-weights"]))
    model = _by_ref(bom)["component:model"]
    assert model["type"] == "machine-learning-model"
    assert model["licenses"] == [{"license": {
        "name": "LicenseRef-scancode-llama-2-license-2023",
        "url": "https://scancode-licensedb.aboutcode.org/llama-2-license-2023.html"}}]
    assert _props(model["modelCard"]["properties"]) == {
        "osai-scan:parameter-count:model/model.safetensors": "16",
        "osai-scan:weights-format:model/model.safetensors": "safetensors"}
    assert _props(model["properties"])["osai-scan:status"] == "not-open"
    assert _by_ref(bom)["component:code"]["licenses"] == [{"license": {"id": "MIT"}}]
    assert bom["metadata"]["component"]["name"] == "mit-code-llama-weights"
    assert len(bom["metadata"]["component"]["version"]) == 40


def test_datasets_are_data_components_named_by_the_model_card(case_reports: dict[str, Report]) -> None:
    bom = validate_cyclonedx(render_cyclonedx(case_reports["open-science"]))
    components = _by_ref(bom)
    assert components["dataset:acme/tiny-corpus"]["type"] == "data"
    assert components["component:training-data"]["type"] == "data"
    assert components["component:training-data"]["licenses"] == [{"license": {"id": "CDLA-Permissive-2.0"}}]
    assert components["component:model"]["licenses"] == [{"expression": "Apache-2.0 OR CDLA-Permissive-2.0"}]
    assert components["component:model"]["modelCard"]["modelParameters"]["datasets"] == [
        {"ref": "component:training-data"}, {"ref": "dataset:acme/tiny-corpus"}]


def test_compound_expressions_and_the_validator_rejects_a_broken_bom(case_reports: dict[str, Report]) -> None:
    text = render_cyclonedx(case_reports["conflicting-licenses"])
    bom = validate_cyclonedx(text)
    assert _by_ref(bom)["component:model"]["licenses"] == [
        {"expression": "LicenseRef-scancode-bigscience-open-rail-m AND Apache-2.0"}]
    bom["components"][0]["type"] = "weights"
    with pytest.raises(AssertionError):
        validate_cyclonedx(json.dumps(bom))
