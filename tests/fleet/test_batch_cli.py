"""``osai-scan batch`` as a user runs it (a subprocess against the fake Hub): resume after a kill,
workers dying in the local pool, a cache that answers everything, errors in one line."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from osai_scan.fleet import scan_target
from osai_scan.pipeline import ScanOptions
from osai_scan.sources import HubOptions
from tests.fakehub import FakeHub
from tests.fleet.catalogue import write_catalogue, write_targets_file
from tests.hubenv import ROOT, hf_env, hub_env  # noqa: F401 - fixtures

COUNT = 12


@pytest.fixture(scope="module")
def small_fleet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeHub, list[str], Path]]:
    """Twelve catalogue repos (none gated) on a fake Hub, and a detection cache that knows them all
    (filled in this process), so the batches here spend no time loading ScanCode's index."""
    root = tmp_path_factory.mktemp("smallfleet")
    targets = write_catalogue(root, COUNT)
    with FakeHub(root) as hub:
        options = ScanOptions(hub=HubOptions(endpoint=hub.endpoint, cache_dir=root.parent / "prefill-hub"),
                              cache_dir=root.parent / "prefill", jobs=1)
        for target in targets:
            assert scan_target(target, options)["ok"]
        yield hub, targets, root.parent / "prefill"


def _env(hub: FakeHub, tmp_path: Path, prefilled: Path | None) -> dict[str, str]:
    """The CLI's environment: the fake Hub, and a copy of the ``prefilled`` detection cache (or none)."""
    env = hub_env(tmp_path / "hf-home", hub.endpoint)
    detections = tmp_path / "detections"
    if prefilled is not None and not detections.exists():
        shutil.copytree(prefilled, detections)
    env["OSAI_SCAN_CACHE_DIR"] = str(detections)
    env["OSAI_SCAN_HUB_TIMEOUT"] = "120"
    return env


def _batch(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "osai_scan", "batch", *args], env=env, cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True) if path.exists() else []


def _wait(predicate, seconds: float = 90) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(p) for p in text.split()]


def test_a_killed_run_leaves_whole_lines_and_resume_completes_it(small_fleet, tmp_path):
    hub, targets, prefilled = small_fleet
    stalled = targets[6].removeprefix("hf:")
    hub.inject(stalled, "stall")
    listing = write_targets_file(tmp_path / "targets.txt", targets)
    out = tmp_path / "results.jsonl"
    env = _env(hub, tmp_path, prefilled)
    run = _batch([str(listing), "-o", str(out), "-j", "1", "--summary-only"], env)
    try:
        _wait(lambda: len(_lines(out)) == 6)  # serial: the seventh target hangs on the Hub
        os.killpg(run.pid, signal.SIGKILL)
        run.wait(30)
    finally:
        hub.clear_faults()
    first = _lines(out)
    assert all(line.endswith(b"\n") for line in first)
    assert [json.loads(line)["target"] for line in first] == targets[:6]

    rerun = _batch([str(listing), "-o", str(out), "--resume", "-j", "2", "--summary-only"], env)
    _, stderr = rerun.communicate(timeout=180)
    assert rerun.returncode == 0, stderr
    lines = _lines(out)
    assert lines[:6] == first
    records = [json.loads(line) for line in lines]
    assert sorted(r["target"] for r in records) == sorted(targets)
    assert all(r["ok"] and r["exit_code"] == 0 and "report" not in r for r in records)
    assert "6 target(s) in" in stderr and "6 already in" in stderr
    assert f"{COUNT} target(s): {COUNT} scanned (0 incomplete), 0 failed" in stderr


def test_local_pool_workers_killed_mid_target_fail_their_targets_only(small_fleet, tmp_path):
    hub, targets, prefilled = small_fleet
    stalled = [targets[0], targets[1]]
    for target in stalled:
        hub.inject(target.removeprefix("hf:"), "stall")
    listing = write_targets_file(tmp_path / "targets.txt", stalled + targets[2:7] + ["hf:fleet/no-such-model"])
    out = tmp_path / "results.jsonl"
    run = _batch([str(listing), "-o", str(out), "-j", "2"], _env(hub, tmp_path, prefilled))
    try:
        _wait(lambda: len(_children(run.pid)) == 2)
        time.sleep(1.0)  # both workers wait on their stalled first target
        os.kill(_children(run.pid)[0], signal.SIGKILL)  # a replacement worker takes the other targets
        _wait(lambda: len(_lines(out)) == 7)
        os.kill(_children(run.pid)[0], signal.SIGKILL)  # the last one still scanning
        _, stderr = run.communicate(timeout=60)
    finally:
        hub.clear_faults()
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 3, stderr
    records = {r["target"]: r for r in map(json.loads, _lines(out))}
    assert sorted(records) == sorted(stalled + targets[2:7] + ["hf:fleet/no-such-model"])
    for target in stalled:
        assert (records[target]["error_kind"], records[target]["exit_code"]) == ("WorkerDiedError", 3)
        assert records[target]["error"] == "the worker process scanning it died (killed by signal 9)."
    assert records["hf:fleet/no-such-model"]["error_kind"] == "HubRepoNotFoundError"
    assert all(records[t]["ok"] and records[t]["report"]["target"]["repo_id"] == t[3:] for t in targets[2:7])
    assert "8 target(s): 5 scanned (0 incomplete), 3 failed (WorkerDiedError 2, HubRepoNotFoundError 1)" in stderr


def test_targets_answered_by_the_cache_load_no_index(small_fleet, tmp_path):
    hub, targets, prefilled = small_fleet
    env = _env(hub, tmp_path, None)
    options = ScanOptions(hub=HubOptions(endpoint=hub.endpoint, cache_dir=tmp_path / "hub-cache"),
                          cache_dir=tmp_path / "detections", jobs=1)
    expected = {t: scan_target(t, options) for t in targets[:4]}  # fills the detection cache
    listing = write_targets_file(tmp_path / "targets.txt", targets[:4])
    out = tmp_path / "results.jsonl"
    run = _batch([str(listing), "-o", str(out), "-j", "2", "-q"], env)
    stdout, stderr = run.communicate(timeout=120)
    assert (run.returncode, stdout, stderr) == (0, "", "")
    records = {r["target"]: r for r in map(json.loads, _lines(out))}
    assert {t: r["index_loaded_here"] for t, r in records.items()} == {t: False for t in targets[:4]}
    assert {t: r["report"] for t, r in records.items()} == {t: r["report"] for t, r in expected.items()}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_scheduler_that_does_not_answer_is_one_line(small_fleet, tmp_path):
    hub, targets, prefilled = small_fleet
    listing = write_targets_file(tmp_path / "targets.txt", targets[:2])
    address = f"tcp://127.0.0.1:{_free_port()}"
    env = {**_env(hub, tmp_path, prefilled), "DASK_SCHEDULER_ADDRESS": address}
    run = _batch([str(listing), "-o", str(tmp_path / "r.jsonl"), "--connect-timeout", "2"], env)
    stdout, stderr = run.communicate(timeout=60)
    assert run.returncode == 3
    assert stdout == ""
    assert stderr.startswith(f"Error: the Dask scheduler at '{address}' does not answer (")
    assert stderr.endswith("Start one with `dask scheduler` and workers with `dask worker ADDRESS`, or check "
                           "--scheduler / DASK_SCHEDULER_ADDRESS.\n")
    assert stderr.count("\n") == 1


def test_without_dask_workers_say_how_to_install_it(small_fleet, tmp_path):
    hub, targets, prefilled = small_fleet
    listing = write_targets_file(tmp_path / "targets.txt", targets[:1])
    code = ("import sys; sys.modules['distributed'] = None; from osai_scan.cli.main import main; "
            f"sys.argv = ['osai-scan', 'batch', {str(listing)!r}, '-o', {str(tmp_path / 'r.jsonl')!r}, "
            "'--workers', '2']; main()")
    run = subprocess.run([sys.executable, "-c", code], env=_env(hub, tmp_path, prefilled), cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout) == (3, "")
    assert run.stderr == ("Error: --workers and --scheduler need dask.distributed, which is not installed. "
                          "Install the extra: pip install 'osai-scan[distributed]'.\n")
