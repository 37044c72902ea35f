"""The detection cache: hits, invalidation by content and by rules, no ScanCode on a warm re-scan."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from osai_scan.detect.cache import CacheContext, DetectionCache
from osai_scan.models import Detection, FileStatus, Match, to_dict
from osai_scan.pipeline import ScanOptions, ScanStats, scan
from osai_scan.report.json import render_json
from tests.conftest import REPO, validate_report
from tests.trees import license_text, write_code_tree


def _scan(root: Path, cache: Path, **options: object) -> tuple[dict[str, object], ScanStats]:
    stats = ScanStats()
    report = scan(str(root), ScanOptions(cache_dir=cache, jobs=1, stats=stats, **options))  # type: ignore[arg-type]
    return validate_report(render_json(report)), stats


def test_rescan_of_unchanged_tree_is_answered_from_the_cache(tmp_path: Path) -> None:
    root = write_code_tree(tmp_path / "repo", files=6)
    first, cold = _scan(root, tmp_path / "cache")
    second, warm = _scan(root, tmp_path / "cache")
    assert cold.matched == cold.files == 8 and cold.from_cache == 0
    assert warm.matched == 0 and warm.from_cache == 8 and not warm.index_loaded
    assert cold.labels_from_cache == 0 and warm.labels_from_cache == 8
    assert first == second


def test_changing_one_file_re_detects_only_that_file(tmp_path: Path) -> None:
    root = write_code_tree(tmp_path / "repo", files=6)
    before, _ = _scan(root, tmp_path / "cache")
    target = root / "src" / "mod00.py"
    target.write_text(target.read_text(encoding="utf-8").replace("SPDX-License-Identifier: MIT",
                                                                 "SPDX-License-Identifier: BSD-2-Clause"),
                      encoding="utf-8")
    after, stats = _scan(root, tmp_path / "cache")
    # Detection is redone for the changed file only. Labels: a Python file's may depend on the
    # files that import it (the classifier's second pass), so the six Python files are labelled
    # again; LICENSE and README.md come from the cache.
    assert stats.matched == 1 and stats.from_cache == 7 and stats.labels_from_cache == 2
    old = {f["path"]: f for f in before["files"]}  # type: ignore[index]
    new = {f["path"]: f for f in after["files"]}  # type: ignore[index]
    assert old["src/mod00.py"]["detected_expression"] == "mit"
    assert new["src/mod00.py"]["detected_expression"] == "bsd-simplified"
    assert new["src/mod00.py"]["content_id"] != old["src/mod00.py"]["content_id"]
    assert all(new[p] == old[p] for p in old if p != "src/mod00.py")


def test_a_new_file_relabels_only_its_folder(tmp_path: Path) -> None:
    root = write_code_tree(tmp_path / "repo", files=4)
    _scan(root, tmp_path / "cache")
    (root / "src" / "train.py").write_text("loss.backward()\n", encoding="utf-8")
    report, stats = _scan(root, tmp_path / "cache")
    assert stats.labels_from_cache == 2  # LICENSE and README.md; every file of src/ is classified again
    assert stats.from_cache == 6 and stats.matched == 1
    labels = {f["path"]: f["component"] for f in report["files"]}  # type: ignore[index]
    assert labels["src/train.py"] == "training-code" and labels["src/mod00.py"] == "code"


def test_a_rules_change_invalidates_every_entry(tmp_path: Path) -> None:
    root = write_code_tree(tmp_path / "repo", files=3)
    _scan(root, tmp_path / "cache")
    rules = tmp_path / "rules" / "profiles"
    rules.mkdir(parents=True)
    text = (REPO / "rules" / "profiles" / "blog-2024.yaml").read_text(encoding="utf-8")
    (rules / "strict.yaml").write_text(text.replace("id: blog-2024", "id: strict-copy"), encoding="utf-8")
    report, stats = _scan(root, tmp_path / "cache", rules_dirs=(tmp_path / "rules",))
    assert stats.from_cache == 0 and stats.matched == 5
    _, again = _scan(root, tmp_path / "cache", rules_dirs=(tmp_path / "rules",))
    assert again.from_cache == 5 and again.matched == 0


def test_no_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    root = write_code_tree(tmp_path / "repo", files=2)
    _scan(root, tmp_path / "cache", use_cache=False)
    assert not (tmp_path / "cache").exists()
    _scan(root, tmp_path / "cache")
    _, stats = _scan(root, tmp_path / "cache", use_cache=False)
    assert stats.from_cache == 0 and stats.matched == 4


def test_cache_key_depends_on_every_input() -> None:
    base = CacheContext(osai_scan_version="1", scancode_version="32.5.0", index_fingerprint="f", rules_digest="r")
    key = base.key("git-blob:abc", "a.py", "exact-first")
    variants = [
        base.key("git-blob:abd", "a.py", "exact-first"),
        base.key("git-blob:abc", "b.py", "exact-first"),
        base.key("git-blob:abc", "a.py", "approximate"),
        CacheContext("2", "32.5.0", "f", "r").key("git-blob:abc", "a.py", "exact-first"),
        CacheContext("1", "32.6.0", "f", "r").key("git-blob:abc", "a.py", "exact-first"),
        CacheContext("1", "32.5.0", "g", "r").key("git-blob:abc", "a.py", "exact-first"),
        CacheContext("1", "32.5.0", "f", "s").key("git-blob:abc", "a.py", "exact-first"),
        base.partial_key(key, 60.0),
    ]
    assert len({key, *variants}) == len(variants) + 1
    assert base.key("git-blob:abc", "A.PY", "exact-first") == key  # names compare case-insensitively


def test_round_trip_and_partial_key(tmp_path: Path) -> None:
    cache = DetectionCache(tmp_path)
    full = Detection(status=FileStatus.SCANNED, mode="exact", expression="mit", expression_spdx="MIT",
                     matches=(Match(expression="mit", expression_spdx="MIT", rule="mit_1.RULE", score=100.0,
                                    start_line=1, end_line=1, matcher="1-spdx-id"),))
    partial = Detection(status=FileStatus.PARTIAL, status_reason="budget", mode="approximate")
    assert cache.put_many([("k1", full), ("k2", partial)]) == 2
    cache.close()
    again = DetectionCache(tmp_path)
    got = again.get_many(["k1", "k2", "k3"])
    assert got == {"k1": full, "k2": partial}
    assert to_dict(got["k1"]) == to_dict(full)


@pytest.mark.skipif(sys.platform != "linux", reason="fork and -X importtime output are checked on Linux")
def test_warm_cli_rescan_does_not_import_scancode(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(REPO / "fixtures" / "example", root)
    (root / "src" / "tinygpt" / "extra.py").write_text("# Licensed under the MIT License.\n", encoding="utf-8")
    env = dict(os.environ, OSAI_SCAN_CACHE_DIR=str(tmp_path / "cache"))

    def run(name: str) -> tuple[str, dict[str, object]]:
        out = tmp_path / f"{name}.json"
        proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "osai_scan", "scan", str(root), "-o",
                               str(out), "--jobs", "2", "--verbose"], env=env, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stderr[-3000:]
        return proc.stderr, validate_report(out.read_text(encoding="utf-8"))

    def imported(stderr: str) -> set[str]:
        return {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in stderr.splitlines()
                if line.startswith("import time:")}

    cold_err, cold = run("cold")
    warm_err, warm = run("warm")
    assert {"licensedcode", "scancode", "typecode"} <= imported(cold_err)
    assert not {"licensedcode", "scancode", "typecode", "jsonschema", "huggingface_hub", "httpx2"} & imported(warm_err)
    # a JSON report imports no other format (report/__init__ imports a format's module on first use)
    assert {line.rsplit("|", 1)[-1].strip() for line in warm_err.splitlines()
            if line.startswith("import time:") and "osai_scan.report" in line} == {
        "osai_scan.report", "osai_scan.report.json", "osai_scan.report.load"}
    assert "0 matched by ScanCode" in warm_err and " 0 from cache" in cold_err
    assert cold == warm
    (root / "src" / "tinygpt" / "extra.py").write_text(license_text("mit"), encoding="utf-8")
    changed_err, changed = run("changed")
    assert "licensedcode" in imported(changed_err) and "1 matched by ScanCode" in changed_err
    files = {f["path"]: f for f in changed["files"]}  # type: ignore[index]
    assert files["src/tinygpt/extra.py"]["detected_expression"] == "mit"


def _open_at_the_barrier(folder: str, barrier: object, results: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    try:
        DetectionCache(Path(folder))
        results.put("ok")  # type: ignore[attr-defined]
    except Exception as exc:  # noqa: BLE001 - reported to the test
        results.put(f"{type(exc).__name__}: {exc}")  # type: ignore[attr-defined]


def test_processes_opening_a_new_cache_at_once_all_open_it(tmp_path: Path) -> None:
    """The workers of a batch open the shared cache file at the same moment; before the open
    retried a locked WAL set-up, about one open in fifteen failed here ("database is locked")."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    outcomes = []
    for trial in range(10):
        barrier, results = context.Barrier(4), context.Queue()
        processes = [context.Process(target=_open_at_the_barrier, args=(str(tmp_path / f"c{trial}"), barrier, results))
                     for _ in range(4)]
        for process in processes:
            process.start()
        outcomes += [results.get(timeout=60) for _ in processes]
        for process in processes:
            process.join(60)
    assert outcomes == ["ok"] * 40
