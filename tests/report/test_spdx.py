"""SPDX 2.3 JSON: valid by spdx-tools' validator (after parsing the written bytes) for every case."""

from __future__ import annotations

import pytest

from osai_scan.models import Report
from osai_scan.pipeline import ScanOptions, scan
from osai_scan.report import render_spdx
from tests.report.conftest import CASES
from tests.report.validators import validate_spdx


def _elements(doc: dict) -> dict[str, dict]:
    out = {f["fileName"][2:]: f for f in doc.get("files", [])}
    out.update({p["name"]: p for p in doc["packages"][1:]})
    return out


@pytest.mark.parametrize("case", CASES)
def test_every_case_gives_a_valid_spdx_document_with_one_element_per_file(case: str,
                                                                          case_reports: dict[str, Report]) -> None:
    report = case_reports[case]
    doc = validate_spdx(render_spdx(report))
    root = doc["packages"][0]
    assert root["SPDXID"] == "SPDXRef-Package-target" and root["versionInfo"] == report.target.commit
    elements = _elements(doc)
    assert sorted(elements) == sorted(f.path for f in report.files)
    contains = {r["relatedSpdxElement"] for r in doc["relationships"] if r["relationshipType"] == "CONTAINS"}
    assert contains == {e["SPDXID"] for e in elements.values()}
    for f in report.files:
        element = elements[f.path]
        assert element["licenseConcluded"] == (f.license_spdx or "NOASSERTION")
        (note,) = element["annotations"]
        assert note["comment"].startswith(f"osai-scan component: {f.component.value} (rule {f.rule}: ")


def test_file_licenses_checksums_and_license_refs(case_reports: dict[str, Report]) -> None:
    report = case_reports["mit-code-llama-weights"]
    doc = validate_spdx(render_spdx(report))
    files = _elements(doc)
    ref = "LicenseRef-scancode-llama-2-license-2023"
    assert files["LICENSE-MODEL"]["licenseConcluded"] == ref
    assert files["LICENSE-MODEL"]["licenseInfoInFiles"] == [ref]
    assert files["model/config.json"]["licenseConcluded"] == ref
    assert files["model/config.json"]["licenseInfoInFiles"] == ["NONE"]
    weights = files["model/model.safetensors"]
    assert weights["licenseInfoInFiles"] == ["NOASSERTION"]  # header-only: the content was not matched
    blob = report.file("model/model.safetensors").content_id
    assert weights["checksums"] == [{"algorithm": "SHA1", "checksumValue": blob.removeprefix("git-blob:")}]
    assert files["LICENSE"]["licenseInfoInFiles"] == ["MIT"]
    assert doc["hasExtractedLicensingInfos"] == [{
        "licenseId": ref, "name": "llama-2-license-2023",
        "extractedText": "The text of ScanCode license 'llama-2-license-2023' is published at "
                         "https://scancode-licensedb.aboutcode.org/llama-2-license-2023.html.",
        "seeAlsos": ["https://scancode-licensedb.aboutcode.org/llama-2-license-2023.html"]}]
    assert doc["packages"][0]["licenseDeclared"] == "MIT"


def test_an_lfs_weights_file_without_sha1_is_a_file_package(copy_case) -> None:
    repo = copy_case("no-license")
    oid = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393"
    (repo / "model" / "model.safetensors").write_text(
        f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\nsize 123456789\n", encoding="utf-8")
    report = scan(str(repo), ScanOptions(use_cache=False))
    assert report.file("model/model.safetensors").content_id == f"sha256:{oid}"
    doc = validate_spdx(render_spdx(report))
    (weights,) = doc["packages"][1:]
    assert weights["name"] == "model/model.safetensors" and weights["packageFileName"] == "./model/model.safetensors"
    assert weights["primaryPackagePurpose"] == "FILE" and weights["filesAnalyzed"] is False
    assert weights["checksums"] == [{"algorithm": "SHA256", "checksumValue": oid}]
    assert sorted(f["fileName"] for f in doc["files"]) == sorted(
        f"./{f.path}" for f in report.files if f.path != "model/model.safetensors")
