"""The fork worker pool gives exactly the sequential results; small scans do not fork."""

from __future__ import annotations

import os
from pathlib import Path

from osai_scan.detect import workers
from osai_scan.detect import Task
from osai_scan.models import Detection, FileStatus
from osai_scan.pipeline import ScanOptions, ScanStats, scan
from osai_scan.report.json import render_json
from tests.conftest import validate_report
from tests.trees import write_code_tree


def _scan(root: Path, jobs: int) -> tuple[str, ScanStats]:
    stats = ScanStats()
    report = scan(str(root), ScanOptions(jobs=jobs, use_cache=False, stats=stats))
    text = render_json(report)
    validate_report(text)
    return text, stats


def test_pool_and_sequential_reports_are_identical(tmp_path: Path) -> None:
    root = write_code_tree(tmp_path / "repo", files=workers.MIN_POOL_FILES + 8)
    sequential, seq_stats = _scan(root, jobs=1)
    pooled, pool_stats = _scan(root, jobs=2)
    assert seq_stats.workers == 0 and pool_stats.workers == 2
    assert seq_stats.matched == pool_stats.matched == workers.MIN_POOL_FILES + 10
    assert pooled == sequential
    doc = validate_report(pooled)
    detected = {f["path"]: f["detected_expression"] for f in doc["files"]}
    assert detected["src/mod00.py"] == "mit" and detected["src/mod01.py"] == "apache-2.0"
    assert detected["LICENSE"] == "apache-2.0"


def test_a_few_files_are_matched_in_process(tmp_path: Path) -> None:
    root = write_code_tree(tmp_path / "repo", files=3)
    _, stats = _scan(root, jobs=8)
    assert stats.workers == 0 and stats.matched == 5


def test_largest_first_order() -> None:
    tasks = [Task(path=p, size=s, content_id=None, mode="exact-first") for p, s in
             [("b", 5), ("a", 5), ("c", 500), ("d", 50)]]
    assert [t.path for t in workers.largest_first(tasks)] == ["c", "d", "a", "b"]


def test_pool_runs_every_task_in_forked_children() -> None:
    seen: list[tuple[int, str]] = []

    def run(task: Task) -> Detection:
        return Detection(status=FileStatus.SCANNED, mode=f"pid={os.getpid()}", expression=None)

    tasks = [Task(path=f"f{i}", size=size, content_id=None, mode="exact-first")
             for i, size in enumerate([5, 500, 50, 5000] * 5)]
    ordered = workers.largest_first(tasks)

    def done(task: Task, detection: Detection) -> None:
        seen.append((task.size, detection.mode or ""))

    workers._run_in_pool(ordered, run, 2, done)
    assert len(seen) == len(tasks)
    pids = {mode for _, mode in seen}
    assert f"pid={os.getpid()}" not in pids and 1 <= len(pids) <= 2
    assert sorted(size for size, _ in seen) == sorted(t.size for t in tasks)
