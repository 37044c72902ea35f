"""Run a batch: hand targets to a pool, write each record as it comes back, count the outcomes.

``LocalPool`` is the default: worker processes forked from this one (``fork`` start method),
each scanning one target at a time and keeping ScanCode's index once it has loaded it; a worker
that dies mid-target (killed, out of memory) costs that target only: it gets an error record
and a fresh worker takes the next target. With one process the targets are scanned here.
``cluster.DaskPool`` runs the same task function on a Dask cluster.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator, Protocol

from ..errors import OsaiScanError
from ..pipeline import ScanOptions
from .records import error_record, scan_target
from .results import ResultsFile


class FleetError(OsaiScanError):
    """The batch cannot run: no cluster to run on, or the distributed extra is missing (exit 3)."""


class Pool(Protocol):
    """Something that scans targets and yields their records as they complete."""

    size: int

    def run(self, targets: list[str], options: ScanOptions, summary_only: bool) -> Iterator[dict[str, Any]]:
        """Yield one record per target, in the order they complete."""


def _worker_loop(conn: Connection, options: ScanOptions, summary_only: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when a batch stops
    try:
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()
    except ImportError:  # pragma: no cover - a hard dependency
        pass
    while True:
        try:
            target = conn.recv()
        except EOFError:
            break
        if target is None:
            break
        conn.send(scan_target(target, options, summary_only))
    conn.close()
    os._exit(0)  # no teardown of ScanCode's index: it takes seconds and achieves nothing


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    target: str | None = None


class LocalPool:
    """Worker processes on this machine, forked from this process.

    Args:
        size: processes (1: scan in this process, one target after the other).
    """

    def __init__(self, size: int) -> None:
        self.size = max(size, 1)
        self._workers: list[_Worker] = []

    def running(self) -> dict[str, int]:
        """The targets being scanned now, and the process id of the worker scanning each."""
        return {w.target: w.process.pid for w in list(self._workers) if w.target is not None and w.process.pid}

    def run(self, targets: list[str], options: ScanOptions, summary_only: bool) -> Iterator[dict[str, Any]]:
        """Yield one record per target, in the order they complete."""
        if self.size == 1 or len(targets) <= 1:
            for target in targets:
                yield scan_target(target, options, summary_only)
            return
        context = multiprocessing.get_context("fork")
        pending = deque(targets)
        workers: list[_Worker] = []
        self._workers = workers

        def start() -> _Worker:
            parent, child = context.Pipe()
            process = context.Process(target=_worker_loop, args=(child, options, summary_only), daemon=True)
            process.start()
            child.close()
            worker = _Worker(process, parent)
            workers.append(worker)
            return worker

        def assign(worker: _Worker) -> None:
            worker.target = pending.popleft() if pending else None
            try:
                worker.conn.send(worker.target)
            except OSError:
                pass  # it died: its sentinel reports it

        try:
            for _ in range(min(self.size, len(targets))):
                assign(start())
            while any(w.target is not None for w in workers):
                busy = [w for w in workers if w.target is not None]
                ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
                for worker in busy:
                    record = None
                    if worker.conn in ready:
                        try:
                            record = worker.conn.recv()
                        except (EOFError, OSError):
                            record = None
                    if record is None and worker.conn not in ready and worker.process.sentinel not in ready:
                        continue
                    if record is None:
                        worker.process.join(5)
                        code = worker.process.exitcode
                        died = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                        record = error_record(worker.target or "", f"the worker process scanning it died ({died}).",
                                              "WorkerDiedError", 3)
                        workers.remove(worker)
                        worker.conn.close()
                        yield record
                        if pending:
                            assign(start())
                        continue
                    yield record
                    assign(worker)
        finally:
            for worker in workers:
                if worker.process.is_alive():
                    try:
                        worker.conn.send(None)
                    except OSError:
                        pass
            for worker in workers:
                worker.process.join(2)
                if worker.process.is_alive():
                    worker.process.kill()
                    worker.process.join()
                worker.conn.close()


@dataclass
class BatchCounts:
    """How a batch went.

    Attributes:
        total: targets listed.
        skipped: already in the results file (``--resume``).
        done: scanned (a record with ``ok``).
        failed: could not be scanned (an error record).
        incomplete: scanned, but some file could not be read (exit code 3).
        records: every record written by this run, in order.
    """

    total: int = 0
    skipped: int = 0
    done: int = 0
    failed: int = 0
    incomplete: int = 0
    records: list[dict[str, Any]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """3 when any target failed or was incomplete, else 0."""
        return 3 if self.failed or self.incomplete else 0


def run_batch(targets: Iterable[str], options: ScanOptions, pool: Pool, results: ResultsFile, *,
              summary_only: bool = False,
              on_record: Callable[[dict[str, Any], BatchCounts], None] | None = None) -> BatchCounts:
    """Scan every target not already in ``results`` on ``pool``; append each record as it completes.

    Raises:
        FleetError: the pool cannot run (for a Dask pool: no scheduler answers).
        UsageError: the results file cannot be written.
    """
    listed = list(targets)
    todo = [t for t in listed if t not in results.done]
    counts = BatchCounts(total=len(listed), skipped=len(listed) - len(todo))
    for record in pool.run(todo, options, summary_only):
        results.write(record)
        counts.records.append(record)
        if not record["ok"]:
            counts.failed += 1
        else:
            counts.done += 1
            if record["exit_code"]:
                counts.incomplete += 1
        if on_record is not None:
            on_record(record, counts)
    return counts
