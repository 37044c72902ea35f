"""SPDX 3.0.1 JSON-LD: valid against the official JSON Schema and read back by spdx-python-model for
every case; files, licenses, components, checksums and the AI and Dataset profiles as the report says."""

from __future__ import annotations

import json

import pytest

from osai_scan.models import Report
from osai_scan.pipeline import ScanOptions, scan
from osai_scan.report import render_spdx3
from tests.report.conftest import CASES
from tests.report.validators import spdx3_schema_errors, validate_spdx3

NO_ASSERTION = "expandedlicensing_NoAssertionLicense"  # the context's term for the SPDX individual
NONE = "expandedlicensing_NoneLicense"
PURPOSE = {"code": "source", "training-code": "source", "model": "model", "training-data": "data", "data": "data",
           "documentation": "documentation", "legal": "other", "other": "other"}


class Graph:
    """The document's elements by id and type, and its relationships as (from, type) → to."""

    def __init__(self, doc: dict) -> None:
        self.by_id = {e.get("spdxId") or e.get("@id"): e for e in doc["@graph"]}
        self.rels: dict[tuple[str, str], list[str]] = {}
        for e in doc["@graph"]:
            if e["type"] == "Relationship":
                self.rels.setdefault((e["from"], e["relationshipType"]), []).extend(e["to"])

    def of_type(self, kind: str) -> list[dict]:
        return [e for e in self.by_id.values() if e["type"] == kind]

    def to(self, element: dict, kind: str) -> list[str]:
        return self.rels.get((element["spdxId"], kind), [])

    def licenses(self, element: dict, kind: str) -> list[str]:
        """The license expressions (or individuals' IRIs) ``element`` has through ``kind``."""
        return [self.by_id[t]["simplelicensing_licenseExpression"] if t in self.by_id else t
                for t in self.to(element, kind)]

    def named(self, kind: str, name: str) -> dict:
        (element,) = [e for e in self.of_type(kind) if e.get("name") == name]
        return element

    def annotations(self, element: dict) -> list[str]:
        return [a["statement"] for a in self.of_type("Annotation") if a["subject"] == element["spdxId"]]


@pytest.mark.parametrize("case", CASES)
def test_every_case_gives_a_valid_spdx3_document_with_one_file_element_per_file(
        case: str, case_reports: dict[str, Report]) -> None:
    report = case_reports[case]
    doc = validate_spdx3(render_spdx3(report))
    g = Graph(doc)
    (document,) = g.of_type("SpdxDocument")
    assert document["profileConformance"] == ["core", "software", "simpleLicensing", "ai", "dataset"]
    (root_id,) = document["rootElement"]
    root = g.by_id[root_id]
    assert root["type"] == "software_Package" and root["software_packageVersion"] == report.target.commit
    files = {f["name"]: f for f in g.of_type("software_File")}
    assert sorted(files) == sorted(f.path for f in report.files)
    assert set(g.to(root, "contains")) >= {f["spdxId"] for f in files.values()}
    for f in report.files:
        element = files[f.path]
        assert g.licenses(element, "hasConcludedLicense") == [f.license_spdx or NO_ASSERTION]
        assert element["software_primaryPurpose"] == PURPOSE[f.component.value]
        (note,) = g.annotations(element)
        assert note == f"osai-scan component: {f.component.value} (rule {f.rule}: {f.reason})"
    model = [e for e in g.of_type("ai_AIPackage") if e["name"].endswith(" model")]
    present = dict(report.components)
    assert len(model) == (0 if present[next(c for c in present if c.value == "model")].presence.value == "absent"
                          else 1)


def test_files_licenses_checksums_and_the_ai_package(case_reports: dict[str, Report]) -> None:
    report = case_reports["mit-code-llama-weights"]
    g = Graph(validate_spdx3(render_spdx3(report)))
    files = {f["name"]: f for f in g.of_type("software_File")}
    ref = "LicenseRef-scancode-llama-2-license-2023"
    assert g.licenses(files["LICENSE-MODEL"], "hasConcludedLicense") == [ref]
    assert g.licenses(files["LICENSE-MODEL"], "hasDeclaredLicense") == [ref]
    assert g.licenses(files["LICENSE"], "hasDeclaredLicense") == ["MIT"]
    assert g.licenses(files["model/config.json"], "hasDeclaredLicense") == [NONE]  # read, nothing found
    weights = files["model/model.safetensors"]
    assert g.licenses(weights, "hasDeclaredLicense") == [NO_ASSERTION]  # header-only: never matched
    blob = report.file("model/model.safetensors").content_id.removeprefix("git-blob:")
    assert weights["software_contentIdentifier"] == [{
        "type": "software_ContentIdentifier", "software_contentIdentifierType": "gitoid",
        "software_contentIdentifierValue": f"gitoid:blob:sha1:{blob}"}]
    assert "verifiedUsing" not in weights  # a blob id is no hash of the content
    (llama,) = [e for e in g.of_type("simplelicensing_LicenseExpression")
                if e["simplelicensing_licenseExpression"] == ref]
    assert llama["simplelicensing_customIdToUri"] == [{
        "type": "DictionaryEntry", "key": ref,
        "value": "https://scancode-licensedb.aboutcode.org/llama-2-license-2023.html"}]
    root = g.by_id[g.of_type("SpdxDocument")[0]["rootElement"][0]]
    assert g.licenses(root, "hasDeclaredLicense") == ["MIT"]
    (verdict,) = [s for s in g.annotations(root) if s.startswith("osai-scan verdict")]
    assert verdict.startswith("osai-scan verdict (blog-2024): Not Open Source AI.")
    model = g.named("ai_AIPackage", f"{root['name']} model")
    assert model["ai_hyperparameter"] == [
        {"type": "DictionaryEntry", "key": "parameterCount:model/model.safetensors", "value": "16"},
        {"type": "DictionaryEntry", "key": "weightsFormat:model/model.safetensors", "value": "safetensors"}]
    assert g.licenses(model, "hasConcludedLicense") == [ref]
    assert g.licenses(model, "hasDeclaredLicense") == ["MIT"]  # what the model card says
    assert sorted(g.by_id[i]["name"] for i in g.to(model, "contains")) == [
        "model/config.json", "model/model.safetensors", "model/tokenizer.json"]
    code = g.named("software_Package", f"{root['name']} code")
    assert g.licenses(code, "hasConcludedLicense") == ["MIT"]
    assert g.annotations(code) == ["osai-scan component code: blog-2024: open (required); mof: open (reported); "
                                   "open-science: open (required); osaid-1.0: open (required)"]
    assert set(g.to(root, "contains")) >= {model["spdxId"], code["spdxId"]}


def test_training_data_and_referenced_datasets_are_dataset_packages(case_reports: dict[str, Report]) -> None:
    g = Graph(validate_spdx3(render_spdx3(case_reports["open-science"])))
    root = g.by_id[g.of_type("SpdxDocument")[0]["rootElement"][0]]
    model = g.named("ai_AIPackage", f"{root['name']} model")
    training = g.named("dataset_DatasetPackage", f"{root['name']} training-data")
    corpus = g.named("dataset_DatasetPackage", "acme/tiny-corpus")
    assert sorted(g.to(model, "trainedOn")) == sorted([training["spdxId"], corpus["spdxId"]])
    assert sorted(g.by_id[i]["name"] for i in g.to(training, "contains")) == ["data/train.jsonl", "data/val.jsonl"]
    assert g.licenses(training, "hasConcludedLicense") == ["CDLA-Permissive-2.0"]
    assert g.licenses(corpus, "hasDeclaredLicense") == [NO_ASSERTION]  # the card names it, no license known
    assert training["dataset_datasetType"] == ["noAssertion"]
    data = g.named("dataset_DatasetPackage", f"{root['name']} data")
    assert [g.by_id[i]["name"] for i in g.to(data, "contains")] == ["prompts/system.txt"]
    keys = [h["key"] for h in model["ai_hyperparameter"]]
    assert keys == ["parameterCount:model/checkpoint-500/model.safetensors",
                    "weightsFormat:model/checkpoint-500/model.safetensors",
                    "parameterCount:model/model.safetensors", "weightsFormat:model/model.safetensors"]


def test_an_lfs_weights_file_is_verified_by_its_sha256(copy_case) -> None:
    repo = copy_case("no-license")
    oid = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393"
    (repo / "model" / "model.safetensors").write_text(
        f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize 123456789\n", encoding="utf-8")
    report = scan(str(repo), ScanOptions(use_cache=False))
    g = Graph(validate_spdx3(render_spdx3(report)))
    weights = g.named("software_File", "model/model.safetensors")
    assert weights["verifiedUsing"] == [{"type": "Hash", "algorithm": "sha256", "hashValue": oid}]
    assert "a Git LFS object" in weights["comment"] and "123456789 bytes" in weights["comment"]


def test_the_official_schema_rejects_what_spdx3_does_not_allow(case_reports: dict[str, Report]) -> None:
    doc = json.loads(render_spdx3(case_reports["mit-code-llama-weights"]))
    assert spdx3_schema_errors(doc) == []
    for break_it in (lambda e: e.update(relationshipType="licensedUnder") if e["type"] == "Relationship" else None,
                     lambda e: e.update(ai_domain="text-generation") if e["type"] == "ai_AIPackage" else None,
                     lambda e: e.update(created="1970-01-01") if e["type"] == "CreationInfo" else None,
                     lambda e: e.update(software_primaryPurpose="weights") if e["type"] == "software_File" else None):
        broken = json.loads(json.dumps(doc))
        for element in broken["@graph"]:
            break_it(element)
        assert spdx3_schema_errors(broken), break_it


def test_a_gguf_architecture_is_the_type_of_model(case_reports: dict[str, Report]) -> None:
    from dataclasses import replace

    from osai_scan.models import HeaderInfo, MetadataItem

    report = case_reports["mit-code-llama-weights"]
    header = HeaderInfo(format="gguf", tensor_count=2, parameter_count=7241732096,
                        metadata=(MetadataItem(key="general.architecture", value="llama"),
                                  MetadataItem(key="general.license", value="llama2")))
    files = tuple(replace(f, path="model/model.gguf", header=header) if f.path == "model/model.safetensors" else f
                  for f in report.files)
    g = Graph(validate_spdx3(render_spdx3(replace(report, files=files))))
    (model,) = [e for e in g.of_type("ai_AIPackage") if e["name"].endswith(" model")]
    assert model["ai_typeOfModel"] == ["llama"]
    assert {h["key"]: h["value"] for h in model["ai_hyperparameter"]} == {
        "parameterCount:model/model.gguf": "7241732096", "weightsFormat:model/model.gguf": "gguf"}
