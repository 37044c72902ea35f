"""A Hub scan in forked workers: files are downloaded by the scanning process, before forking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from osai_scan.pipeline import ScanOptions, ScanStats, scan
from osai_scan.report.json import render_json
from osai_scan.sources import HubOptions, HubSource
from osai_scan.detect.workers import MIN_POOL_FILES
from tests.conftest import validate_report
from tests.fakehub import FakeHub
from tests.hubenv import hf_env  # noqa: F401 - fixture
from tests.sources.test_hub_scan import FAST
from tests.trees import write_code_tree

REPO = "acme/many-files"


@pytest.fixture(scope="module")
def many_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeHub]:
    root = tmp_path_factory.mktemp("manyhub") / "hub"
    write_code_tree(root / "acme" / "many-files", files=MIN_POOL_FILES + 4)
    with FakeHub(root) as hub:
        yield hub


def _scan(hub: FakeHub, cache: Path, jobs: int) -> tuple[str, ScanStats, HubSource]:
    source = HubSource(REPO, options=HubOptions(endpoint=hub.endpoint, cache_dir=cache, retry=FAST, timeout=5.0))
    stats = ScanStats()
    report = scan(source, ScanOptions(jobs=jobs, use_cache=False, stats=stats))
    text = render_json(report)
    validate_report(text)
    return text, stats, source


def test_pool_scan_of_a_hub_repo_matches_the_sequential_one(many_hub: FakeHub, tmp_path: Path) -> None:
    sequential, seq_stats, _ = _scan(many_hub, tmp_path / "hf1", jobs=1)
    pooled, pool_stats, source = _scan(many_hub, tmp_path / "hf2", jobs=2)
    assert seq_stats.workers == 0 and pool_stats.workers == 2
    assert pooled == sequential
    files = MIN_POOL_FILES + 6  # the Python files, LICENSE and README.md
    assert source.stats.files_downloaded == files  # every download counted here: none happened in a worker
    detected = {f["path"]: f["detected_expression"] for f in validate_report(pooled)["files"]}
    assert detected["src/mod00.py"] == "mit" and detected["LICENSE"] == "apache-2.0"
