"""Every fixture case against its expected table (fixtures/cases.yaml) and golden report."""

from __future__ import annotations

import pytest
import yaml

from osai_scan.pipeline import scan
from osai_scan.report.json import report_dict
from tests.conftest import FIXTURES, validate_report
from tests.golden import EXPECTED, cases, normalise, render

EXPECTATIONS = yaml.safe_load((FIXTURES / "cases.yaml").read_text(encoding="utf-8"))["cases"]


def test_every_case_has_expectations_and_a_golden_report():
    assert sorted(EXPECTATIONS) == sorted(cases())
    assert sorted(p.stem for p in EXPECTED.glob("*.json")) == sorted(cases())


@pytest.mark.parametrize("case", cases())
def test_case(case: str, copy_case) -> None:
    expected = EXPECTATIONS[case]
    report = validate_report(report_dict(scan(str(copy_case(case, git_repo=True)))))

    files = {f["path"]: [f["component"], f["license"], f["attribution"]["source"]] for f in report["files"]}
    assert files == expected["files"]
    assert {k: v["status"] for k, v in report["components"].items()} == expected["components"]
    assert report["verdict"]["status"] == expected["verdict"]
    assert sorted(f["id"] for f in report["findings"]) == sorted(expected["findings"])
    assert report["complete"] is True
    assert report["target"]["vcs"] == "git" and report["target"]["dirty"] is False
    assert len(report["target"]["commit"]) == 40
    golden = (EXPECTED / f"{case}.json").read_text(encoding="utf-8")
    assert render(report) == golden, f"golden report differs for {case}: run `make golden` and review the diff"


def test_plain_folder_and_git_work_tree_give_the_same_report(copy_case) -> None:
    plain = report_dict(scan(str(copy_case("mit-code-llama-weights"))))
    repo = report_dict(scan(str(copy_case("mit-code-llama-weights", git_repo=True))))
    assert plain["target"]["vcs"] is None and repo["target"]["vcs"] == "git"
    strip = lambda r: {k: v for k, v in normalise(r).items() if k != "target"}  # noqa: E731
    assert strip(plain) == strip(repo)


def test_reasons_name_the_files_and_licenses(copy_case) -> None:
    report = report_dict(scan(str(copy_case("mit-code-llama-weights"))))
    assert report["verdict"]["status"] == "not-open-source-ai"
    (reason,) = report["verdict"]["reasons"]
    assert reason.startswith("model:")
    assert "llama-2-license-2023" in reason and "model/config.json" in reason
    model = report["components"]["model"]
    assert model["licenses"] == [{"expression": "llama-2-license-2023",
                                  "expression_spdx": "LicenseRef-scancode-llama-2-license-2023",
                                  "files": 3, "example": "model/config.json",
                                  "references": [], "provenance": "files"}]
    assert {model["freedoms"][f]["status"] for f in ("study", "use", "modify", "share")} == {"conditional"}
    weights = next(f for f in report["files"] if f["path"] == "model/model.safetensors")
    assert weights["status"] == "header-only"
    assert weights["header"]["format"] == "safetensors" and weights["header"]["parameter_count"] == 16
    assert weights["attribution"] == {"source": "component-license-file", "source_path": "LICENSE-MODEL",
                                      "expression": "llama-2-license-2023",
                                      "expression_spdx": "LicenseRef-scancode-llama-2-license-2023",
                                      "detail": "model license file (attribution.model-license-file)"}


def test_scancode_evidence_is_recorded(copy_case) -> None:
    report = report_dict(scan(str(copy_case("example"))))
    model_py = next(f for f in report["files"] if f["path"] == "src/tinygpt/model.py")
    (match,) = model_py["detections"]
    assert match["expression"] == "apache-2.0" and match["matcher"] == "1-spdx-id"
    assert (match["start_line"], match["end_line"], match["score"]) == (1, 1, 100.0)
    license_file = next(f for f in report["files"] if f["path"] == "LICENSE")
    assert license_file["license"] == "apache-2.0"
    assert license_file["detections"] and all(m["expression"] == "apache-2.0" for m in license_file["detections"])
