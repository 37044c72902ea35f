"""Every format of a Hub scan (through the fake Hub), checked by each format's validator."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from osai_scan import ScanOptions, scan
from osai_scan.report import RENDERERS, load_report, render_json
from osai_scan.sources import HubOptions
from osai_scan.sources.hub_http import RetryPolicy
from tests.fakehub import FakeHub
from tests.hubenv import hf_env, hub, module_hub  # noqa: F401 - fixtures
from tests.report.test_spdx3 import Graph as Spdx3Graph
from tests.report.validators import VALIDATORS


def test_a_hub_finetune_in_every_format(hub: FakeHub, tmp_path: Path) -> None:
    options = ScanOptions(use_cache=False, hub=HubOptions(endpoint=hub.endpoint, cache_dir=tmp_path / "cache",
                                                          retry=RetryPolicy(attempts=3, backoff=0.05, timeout=2.0),
                                                          timeout=2.0))
    report = scan("hf:acme/llama-finetune", options)
    loaded = load_report(render_json(report))
    outputs = {name: renderer(report) for name, renderer in RENDERERS.items()}
    for name, text in outputs.items():
        assert RENDERERS[name](loaded) == text, name
        if name in VALIDATORS:
            VALIDATORS[name](text)
    spdx = json.loads(outputs["spdx-json"])
    root = spdx["packages"][0]
    assert root["name"] == "hf:acme/llama-finetune@main"
    assert root["versionInfo"] == report.target.commit and len(report.target.commit) == 40
    # the fake Hub's http://127.0.0.1:PORT URL is no SPDX download location; a Hub URL is
    assert root["downloadLocation"] == "NOASSERTION" and root["sourceInfo"] == f"scanned from {report.target.url}"
    hub_url = f"https://huggingface.co/acme/llama-finetune/tree/{report.target.commit}"
    real = replace(report, target=replace(report.target, url=hub_url))
    assert VALIDATORS["spdx-json"](RENDERERS["spdx-json"](real))["packages"][0]["downloadLocation"] == hub_url
    cdx = json.loads(outputs["cyclonedx-json"])
    model = next(c for c in cdx["components"] if c["bom-ref"] == "component:model")
    assert model["type"] == "machine-learning-model"
    (ancestor,) = model["pedigree"]["ancestors"]
    assert ancestor["name"] == "acme/llama-base" and ancestor["type"] == "machine-learning-model"
    assert ancestor["licenses"] == [{"license": {"name": "LicenseRef-scancode-llama-3.1-license-2024",
                                                 "url": "https://scancode-licensedb.aboutcode.org/"
                                                        "llama-3.1-license-2024.html"}}]
    spdx3 = VALIDATORS["spdx3-json"](outputs["spdx3-json"])
    g = Spdx3Graph(spdx3)
    root = g.by_id[g.of_type("SpdxDocument")[0]["rootElement"][0]]
    assert root["software_primaryPurpose"] == "model" and root["software_downloadLocation"] == report.target.url
    model = g.named("ai_AIPackage", "hf:acme/llama-finetune@main model")
    base = g.named("ai_AIPackage", "acme/llama-base")
    assert g.to(model, "descendantOf") == [base["spdxId"]]
    assert g.licenses(base, "hasDeclaredLicense") == ["LicenseRef-scancode-llama-3.1-license-2024"]
    assert base["software_downloadLocation"].endswith("/acme/llama-base/tree/1b7936545df47117f67f2ea57c81314e6f165609")
    framework = g.named("software_Package", "Hugging Face Transformers")
    assert framework["software_primaryPurpose"] == "framework" and g.to(model, "dependsOn") == [framework["spdxId"]]
    assert model["ai_informationAboutApplication"] == ("library_name: transformers; base_model: acme/llama-base; "
                                                        "base_model_relation: finetune")
    weights = g.named("software_File", "model.safetensors")
    assert weights["verifiedUsing"] == [{"type": "Hash", "algorithm": "sha256",
                                         "hashValue": report.file("model.safetensors").lfs.oid}]
    sarif = json.loads(outputs["sarif"])
    assert "lineage.license-conflict" in [r["ruleId"] for r in sarif["runs"][0]["results"]]
    assert sarif["runs"][0]["versionControlProvenance"] == [{"repositoryUri": report.target.url,
                                                             "revisionId": report.target.commit}]
    assert "## Verdict: Not Open Source AI" in outputs["markdown"]


def test_a_hub_dataset_in_spdx3_is_data(hub: FakeHub, tmp_path: Path) -> None:
    options = ScanOptions(use_cache=False, hub=HubOptions(endpoint=hub.endpoint, cache_dir=tmp_path / "cache",
                                                          retry=RetryPolicy(attempts=3, backoff=0.05, timeout=2.0),
                                                          timeout=2.0))
    report = scan("hf:datasets/acme/tiny-data", options)
    g = Spdx3Graph(VALIDATORS["spdx3-json"](RENDERERS["spdx3-json"](report)))
    root = g.by_id[g.of_type("SpdxDocument")[0]["rootElement"][0]]
    assert root["software_primaryPurpose"] == "data" and root["software_packageVersion"] == report.target.commit
    (data,) = g.of_type("dataset_DatasetPackage")
    assert data["software_primaryPurpose"] == "data" and g.of_type("ai_AIPackage") == []
    assert sorted(g.by_id[i]["name"] for i in g.to(data, "contains")) == sorted(
        f.path for f in report.files if f.component.value == "training-data")
