"""Fleet audits on a Dask LocalCluster of 2 workers against the fake Hub (a generated catalogue).

One cluster serves the module. Its scheduler allows no retry of a task whose worker died
(``allowed-failures: 0``) and queues one task per worker (``worker-saturation: 1.0``), so the
test that kills a worker mid-target knows which target dies with it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import dask
import pytest
from distributed import Client, LocalCluster

from osai_scan.fleet import ResultsFile, run_batch, scan_target
from osai_scan.fleet.cluster import DaskPool
from osai_scan.fleet.results import iter_records
from osai_scan.pipeline import ScanOptions
from osai_scan.sources import HubOptions
from osai_scan.sources.hub_http import RetryPolicy
from tests.fakehub import FakeHub
from tests.fleet.catalogue import is_gated, write_catalogue
from tests.hubenv import hf_env, hub_env  # noqa: F401 - fixtures

COUNT = 200
MISSING = "hf:fleet/no-such-model"
#: Per-record fields that depend on where and when the target ran, not on what was found.
VOLATILE = ("timings", "worker", "index_loaded_here")


@pytest.fixture(scope="module")
def fleet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeHub, list[str], Client]]:
    """The catalogue on a fake Hub, and a client of a 2-worker LocalCluster started in its environment,
    two scans in flight per worker (``dask worker --nthreads 2``): threads of one process share its
    ScanCode index and scan different targets at once."""
    root = tmp_path_factory.mktemp("fleethub")
    targets = write_catalogue(root, COUNT)
    home = tmp_path_factory.mktemp("fleethome")
    with FakeHub(root) as hub, pytest.MonkeyPatch.context() as patch:
        for key, value in hub_env(home, hub.endpoint).items():
            patch.setenv(key, value)
        with dask.config.set({"distributed.scheduler.allowed-failures": 0,
                              "distributed.scheduler.worker-saturation": 1.0}):
            cluster = LocalCluster(n_workers=2, threads_per_worker=2, processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
            try:
                yield hub, targets, client
            finally:
                client.close()
                cluster.close()


def _options(hub: FakeHub, folder: Path, timeout: float = 10.0) -> ScanOptions:
    hub_options = HubOptions(endpoint=hub.endpoint, cache_dir=folder / "hub-cache", timeout=timeout,
                             retry=RetryPolicy(attempts=1, backoff=0.05, timeout=timeout))
    return ScanOptions(hub=hub_options, cache_dir=folder / "detections", jobs=1)


def _stable(record: dict) -> dict:
    """The record without what depends on scheduling: timings, the worker, and what crossed the
    network (a weights header another target with the same content already read is not fetched)."""
    out = {k: v for k, v in record.items() if k not in VOLATILE}
    if "report" in out:
        out["report"] = {**out["report"], "transfer": None}
    return out


def test_two_workers_equal_a_serial_scan_target_by_target(fleet, tmp_path):
    hub, catalogue, client = fleet
    targets = catalogue + [MISSING]
    scheduler = client.scheduler.address
    out = tmp_path / "results.jsonl"
    with ResultsFile(out, resume=False) as results:
        counts = run_batch(targets, _options(hub, tmp_path / "cluster"), DaskPool(scheduler=scheduler), results)
    records = list(iter_records(out))
    assert sorted(r["target"] for r in records) == sorted(targets)
    gated = [t for n, t in enumerate(catalogue) if is_gated(n)]
    assert len(gated) == 5
    assert (counts.done, counts.failed, counts.exit_code) == (COUNT - 5, 6, 3)
    by_target = {r["target"]: r for r in records}
    assert {t: by_target[t]["error_kind"] for t in gated + [MISSING]} == \
        {**{t: "HubGatedError" for t in gated}, MISSING: "HubRepoNotFoundError"}
    assert all(by_target[t]["exit_code"] == 3 and "report" not in by_target[t] for t in gated + [MISSING])

    # Both workers scanned, and each loaded ScanCode's index exactly once (on its first cache miss).
    workers = {r["worker"] for r in records if r["ok"]}
    assert len(workers) == 2
    assert Counter(r["worker"] for r in records if r.get("index_loaded_here")) == {w: 1 for w in workers}

    serial = _options(hub, tmp_path / "serial")
    for target in targets:
        assert _stable(scan_target(target, serial)) == _stable(by_target[target]), target
    licenses = Counter(by_target[t]["summary"]["model_license"] for t in catalogue if by_target[t]["ok"])
    assert licenses == {"apache-2.0": 40, "mit": 40, "llama3.1": 40, "cc-by-nc-4.0": 40, None: 40 - 5}
    assert by_target["hf:fleet/model-000"]["summary"]["verdicts"]["blog-2024"] == "open-source-ai"
    assert by_target["hf:fleet/model-003"]["summary"]["verdicts"]["blog-2024"] == "not-open-source-ai"


def test_a_worker_killed_mid_target_fails_that_target_only(fleet, tmp_path):
    """Dask would give the tasks queued on a dying worker the same fate: the worker is killed once
    the other targets are done, while it is alone on the stalled one."""
    hub, catalogue, client = fleet
    stalled = "fleet/model-003"
    hub.inject(stalled, "stall")
    targets = [f"hf:{stalled}"] + catalogue[10:16]
    pool = DaskPool(scheduler=client.scheduler.address)
    killed: list[int] = []

    def kill_the_stalled_worker() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            running = pool.running()
            if list(running) == [targets[0]] and started.is_set():
                address = running[targets[0]]
                time.sleep(0.5)  # the others are done; this one waits on its stalled first Hub request
                pid = client.run(os.getpid, workers=[address])[address]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            time.sleep(0.1)

    started = threading.Event()
    done_others: list[str] = []

    def on_record(record: dict, counts: object) -> None:
        done_others.append(record["target"])
        if len(done_others) == len(targets) - 1:
            started.set()

    killer = threading.Thread(target=kill_the_stalled_worker, daemon=True)
    killer.start()
    out = tmp_path / "results.jsonl"
    try:
        with ResultsFile(out, resume=False) as results:
            counts = run_batch(targets, _options(hub, tmp_path, timeout=120.0), pool, results, summary_only=True,
                               on_record=on_record)
    finally:
        hub.clear_faults()
    killer.join()
    assert len(killed) == 1
    records = {r["target"]: r for r in iter_records(out)}
    assert sorted(records) == sorted(targets)
    died = records[targets[0]]
    assert (died["ok"], died["error_kind"], died["exit_code"]) == (False, "WorkerDiedError", 3)
    assert "worker scanning it died" in died["error"]
    assert all(records[t]["ok"] and records[t]["exit_code"] == 0 for t in targets[1:])
    assert (counts.done, counts.failed) == (6, 1)
    client.wait_for_workers(2, timeout=60)  # the nanny restarted the killed worker


def test_the_index_plugin_runs_on_every_worker(fleet):
    _, _, client = fleet
    pool = DaskPool(scheduler=client.scheduler.address)
    assert list(pool.run([], replace(ScanOptions(), jobs=1), False)) == []
    plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
    assert plugins and all("osai-scan-index" in names for names in plugins.values())


def _private_and_shared_kib(pid: int) -> tuple[int, int]:
    """A process's private and shared resident memory (KiB), from /proc/PID/smaps_rollup."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0])
    return fields["Private_Clean"] + fields["Private_Dirty"], fields["Shared_Clean"] + fields["Shared_Dirty"]


def test_a_local_cluster_forks_its_workers_from_one_loaded_index(fleet, tmp_path):
    """``DaskPool(workers=2)`` starts its own LocalCluster: every worker is forked from a forkserver
    that loaded ScanCode's index, so no target loads it, every card is still matched, the records
    equal a serial scan's, and the index pages are shared with the forkserver, not copied."""
    hub, catalogue, _ = fleet
    targets = catalogue[:40] + [MISSING]  # eight of every kind; model-039 is gated
    memory: dict[int, tuple[int, int]] = {}

    def on_record(record: dict, counts: object) -> None:
        if record["ok"]:
            pid = int(record["worker"].rsplit(":", 1)[1])
            memory.setdefault(pid, _private_and_shared_kib(pid))

    out = tmp_path / "results.jsonl"
    with ResultsFile(out, resume=False) as results:
        counts = run_batch(targets, _options(hub, tmp_path / "cluster"), DaskPool(workers=2), results,
                           on_record=on_record)
    assert dask.config.get("distributed.worker.multiprocessing-method") == "spawn"  # restored at close
    records = {r["target"]: r for r in iter_records(out)}
    assert sorted(records) == sorted(targets)
    assert (counts.done, counts.failed) == (39, 2)
    assert {t: records[t]["error_kind"] for t in ("hf:fleet/model-039", MISSING)} == {
        "hf:fleet/model-039": "HubGatedError", MISSING: "HubRepoNotFoundError"}
    scanned = [r for r in records.values() if r["ok"]]
    assert len({r["worker"] for r in scanned}) == 2
    # "index load" is timed even when the index is there already: microseconds, not the seconds of a load
    assert [r["target"] for r in scanned if r["index_loaded_here"] or r["timings"].get("index load", 0) > 0.05] == []
    assert Counter(r["summary"]["model_license"] for r in scanned) == {
        "apache-2.0": 8, "mit": 8, "llama3.1": 8, "cc-by-nc-4.0": 8, None: 7}
    serial = _options(hub, tmp_path / "serial")
    for target in targets:
        assert _stable(scan_target(target, serial)) == _stable(records[target]), target
    # A worker that had unpickled its own index would hold over 1 GB privately; these share it.
    assert len(memory) == 2
    for private, shared in memory.values():
        assert shared > 400 * 1024 and private < shared, memory


def test_an_empty_batch_starts_no_local_cluster():
    pool = DaskPool(workers=2)
    before = set(multiprocessing.active_children())
    assert list(pool.run([], ScanOptions(jobs=1), False)) == []
    assert set(multiprocessing.active_children()) == before


def test_on_an_existing_cluster_the_plugin_loads_the_index_on_every_worker():
    """``--scheduler`` with ``--preload-index``: the plugin loads the index in each worker (Dask's
    default start method, nothing shared); without the flag a worker loads it on first need."""
    from osai_scan import pipeline

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        address = cluster.scheduler.address
        assert list(DaskPool(scheduler=address).run([], ScanOptions(jobs=1), False)) == []
        assert list(client.run(pipeline.index_loaded).values()) == [False]
        assert list(DaskPool(scheduler=address, preload=True).run([], ScanOptions(jobs=1), False)) == []
        assert list(client.run(pipeline.index_loaded).values()) == [True]
        assert list(client.run(lambda: __import__("sys").modules.get("osai_scan.fleet.shared_index")).values()) == [None]


def test_dask_worker_with_the_nanny_preload_shares_one_index_between_its_workers(fleet, tmp_path):
    """``dask scheduler`` and ``dask worker --nworkers 2 --preload-nanny osai_scan.fleet.nanny``, as
    the README runs them: both workers start with the index loaded (by the forkserver, once), share
    its pages, and scan without loading it."""
    hub, catalogue, _ = fleet
    dask_cli = str(Path(sys.executable).parent / "dask")
    scheduler_file = tmp_path / "scheduler.json"
    started = [subprocess.Popen([dask_cli, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                 "--scheduler-file", str(scheduler_file)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)]
    try:
        _wait_for(scheduler_file.exists)
        started.append(subprocess.Popen([dask_cli, "worker", "--scheduler-file", str(scheduler_file), "--nworkers", "2",
                                         "--nthreads", "1", "--no-dashboard", "--preload-nanny",
                                         "osai_scan.fleet.nanny"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        with Client(scheduler_file=str(scheduler_file), timeout=60) as client:
            client.wait_for_workers(2, timeout=180)
            from osai_scan import pipeline

            assert list(client.run(pipeline.index_loaded).values()) == [True, True]
            assert list(client.run(lambda: sys.modules["osai_scan.fleet.shared_index"].LOADED).values()) == [True, True]
            for pid in client.run(os.getpid).values():
                private, shared = _private_and_shared_kib(pid)
                assert shared > 400 * 1024 and private < shared, (private, shared)
            out = tmp_path / "results.jsonl"
            targets = catalogue[:6]
            with ResultsFile(out, resume=False) as results:
                counts = run_batch(targets, _options(hub, tmp_path), DaskPool(scheduler=client.scheduler.address),
                                   results, summary_only=True)
        records = list(iter_records(out))
        assert (counts.done, counts.failed) == (6, 0)
        assert [r["target"] for r in records if r["index_loaded_here"] or r["timings"].get("index load", 0) > 0.05] == []
        assert sorted(r["summary"]["model_license"] or "" for r in records) == [
            "", "apache-2.0", "apache-2.0", "cc-by-nc-4.0", "llama3.1", "mit"]
    finally:
        for process in reversed(started):
            os.killpg(process.pid, signal.SIGTERM)
        for process in reversed(started):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _wait_for(predicate, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)
