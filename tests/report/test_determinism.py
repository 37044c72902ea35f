"""The same repository at the same commit gives byte-identical output in every format; creation
times come from SOURCE_DATE_EPOCH when it is set."""

from __future__ import annotations

import json

import pytest

from osai_scan.pipeline import ScanOptions, scan
from osai_scan.report import RENDERERS


def test_two_scans_give_identical_bytes_in_every_format(copy_case) -> None:
    repo = copy_case("open-science", git_repo=True)
    first = scan(str(repo), ScanOptions(use_cache=False))
    second = scan(str(repo), ScanOptions(use_cache=False))
    assert first is not second
    for name, renderer in RENDERERS.items():
        assert renderer(first) == renderer(second), name


def test_source_date_epoch_sets_every_timestamp(copy_case, monkeypatch: pytest.MonkeyPatch) -> None:
    import osai_scan.pipeline

    monkeypatch.setattr(osai_scan.pipeline, "SOURCE_DATE_EPOCH", "1700000000")
    report = scan(str(copy_case("mit-code-llama-weights", git_repo=True)), ScanOptions(use_cache=False))
    assert report.generated_at == "2023-11-14T22:13:20Z"
    spdx = json.loads(RENDERERS["spdx-json"](report))
    assert spdx["creationInfo"]["created"] == "2023-11-14T22:13:20Z"
    assert {a["annotationDate"] for f in spdx["files"] for a in f["annotations"]} == {"2023-11-14T22:13:20Z"}
    cdx = json.loads(RENDERERS["cyclonedx-json"](report))
    assert cdx["metadata"]["timestamp"] == "2023-11-14T22:13:20+00:00"
    spdx3 = json.loads(RENDERERS["spdx3-json"](report))
    assert [e["created"] for e in spdx3["@graph"] if e["type"] == "CreationInfo"] == ["2023-11-14T22:13:20Z"]
    sarif = json.loads(RENDERERS["sarif"](report))
    assert sarif["runs"][0]["invocations"][0]["endTimeUtc"] == "2023-11-14T22:13:20Z"
    unset = scan(str(copy_case("mit-code-llama-weights", git_repo=True)), ScanOptions(use_cache=False))
    assert unset.generated_at == "2023-11-14T22:13:20Z"
    monkeypatch.setattr(osai_scan.pipeline, "SOURCE_DATE_EPOCH", None)
    unset = scan(str(copy_case("mit-code-llama-weights", git_repo=True)), ScanOptions(use_cache=False))
    assert json.loads(RENDERERS["spdx-json"](unset))["creationInfo"]["created"] == "1970-01-01T00:00:00Z"
    assert json.loads(RENDERERS["spdx-json"](unset))["documentNamespace"] != spdx["documentNamespace"]
    unset3 = json.loads(RENDERERS["spdx3-json"](unset))
    assert [e["created"] for e in unset3["@graph"] if e["type"] == "CreationInfo"] == ["1970-01-01T00:00:00Z"]
    (document,) = [e for e in unset3["@graph"] if e["type"] == "SpdxDocument"]
    assert document["spdxId"] != next(e["spdxId"] for e in spdx3["@graph"] if e["type"] == "SpdxDocument")
