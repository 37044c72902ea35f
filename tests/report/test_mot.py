"""mot-yaml: a Model Openness Tool model record from the scan's evidence, valid against the MOT schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from osai_scan.models import ComponentStatus, Report
from osai_scan.report import render_mot
from tests.report.conftest import CASES
from tests.report.validators import DATA, validate_mot


def test_the_schema_accepts_the_tools_own_sample_and_rejects_a_broken_record() -> None:
    sample = (DATA / "mof" / "sample_model.yml").read_text(encoding="utf-8")
    validate_mot(sample)
    with pytest.raises(AssertionError, match="producer"):
        validate_mot(sample.replace("  producer: ''\n", ""))


@pytest.mark.parametrize("case", CASES)
def test_every_case_gives_a_valid_record_listing_what_was_found(case: str, case_reports: dict[str, Report]) -> None:
    report = case_reports[case]
    record = validate_mot(render_mot(report))
    mof = report.profile_result("mof").mof
    found = [c.name for c in sorted(mof.components, key=lambda c: c.mof_id) if c.status is not ComponentStatus.ABSENT]
    assert [c["name"] for c in record["release"]["components"]] == found
    assert record["framework"] == {"name": "Model Openness Framework", "version": "1.0", "date": "2024-12-15"}


def test_record_of_an_open_model(case_reports: dict[str, Report]) -> None:
    record = validate_mot(render_mot(case_reports["mof-open-model"]))
    release = record["release"]
    assert release["name"] == "mof-open-model" and len(release["version"]) == 40
    assert release["license"]["distribution"] == {"name": "Apache-2.0", "path": "LICENSE"}
    assert release["license"]["data"] == {"name": "CDLA-Permissive-2.0", "path": "LICENSE-MODEL"}
    weights = next(c for c in release["components"] if c["name"] == "Model parameters (Final)")
    assert weights == {"name": "Model parameters (Final)", "description": "model/model.safetensors matched",
                       "license": "CDLA-Permissive-2.0", "license_path": "LICENSE-MODEL",
                       "component_path": "model/model.safetensors"}
    names = {c["name"] for c in release["components"]}
    assert "Training code" not in names and "Datasets" not in names


def test_the_copied_schema_matches_the_shared_one() -> None:
    shared = Path(__file__).resolve().parents[3] / "shared" / "data" / "mof"  # shared/ beside the clone
    if shared.is_dir():
        for name in ("mof_schema.json", "sample_model.yml"):
            assert (DATA / "mof" / name).read_bytes() == (shared / name).read_bytes(), name
