"""Detect a whole inventory: the cache first, then ScanCode in this process or in forked workers.

The order of work is: answer what needs no content (:meth:`Detector.plan`); look the rest up
in the cache by content id; read weight headers in this process (bounded reads, no ScanCode);
and only if text files are left, load ScanCode's index once and match them. With ``jobs > 1``
and enough files, the matching runs in worker processes forked *after* the index is loaded
(``fork`` start method, chosen explicitly: spawn or forkserver would make every worker load
the index again), with ``gc.collect(); gc.freeze()`` first so the workers share the index's
memory with this process. Largest files go first, for load balance. Workers leave through
``os._exit`` (what multiprocessing's fork start method does after the worker loop), so they
never spend seconds tearing the index down.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Callable, Iterable

from ..models import Classification, Detection, FileEntry, FileStatus
from .cache import CacheContext, DetectionCache
from .detector import Detector, Task

#: Fewer text files than this are matched in this process: forking is not worth it.
MIN_POOL_FILES = 16

Progress = Callable[[str, int, int], None]


@dataclass(kw_only=True)
class ScanStats:
    """What a scan did, for the command line's summary and the benchmark (not in the report).

    Attributes:
        files: files in the inventory.
        planned: files answered without reading content (LFS pointers, binaries, ...).
        from_cache: files whose detection came from the cache.
        labels_from_cache: files whose label (classification) came from the cache.
        headers: weight headers read.
        matched: text files given to ScanCode.
        escalated: of those, files whose unclear exact result was re-matched approximately.
        partial: files that reached the time budget.
        workers: worker processes used (0: matching ran in this process).
        index_loaded: ScanCode's index was loaded.
        seconds: wall time per phase.
    """

    files: int = 0
    planned: int = 0
    from_cache: int = 0
    labels_from_cache: int = 0
    headers: int = 0
    matched: int = 0
    escalated: int = 0
    partial: int = 0
    workers: int = 0
    index_loaded: bool = False
    seconds: dict[str, float] = field(default_factory=dict)

    def timed(self, phase: str, start: float) -> None:
        """Add the time since ``start`` (``time.perf_counter()``) to ``phase``."""
        self.seconds[phase] = self.seconds.get(phase, 0.0) + time.perf_counter() - start


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return max(os.cpu_count() or 1, 1)


#: The function workers run; set in the parent just before forking, inherited by the workers.
_RUN: Callable[[Task], Detection] | None = None


def _work(task: Task) -> Detection:
    assert _RUN is not None, "worker started without fork"
    return _RUN(task)


def largest_first(tasks: Iterable[Task]) -> list[Task]:
    """Tasks by decreasing size (then path), so no big file starts last and holds up the end."""
    return sorted(tasks, key=lambda t: (-t.size, t.path))


def _run_in_pool(tasks: list[Task], run: Callable[[Task], Detection], jobs: int,
                 done: Callable[[Task, Detection], None]) -> None:
    global _RUN
    _RUN = run
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures = {pool.submit(_work, task): task for task in tasks}
            for future in as_completed(futures):
                task = futures[future]
                try:
                    detection = future.result()
                except BrokenProcessPool:
                    detection = Detection(status=FileStatus.ERROR, status_reason="the worker process matching "
                                          "this file died (out of memory?); scan again with --jobs 1")
                except Exception as exc:  # noqa: BLE001 - one file's failure is reported, not fatal
                    detection = Detection(status=FileStatus.ERROR,
                                          status_reason=f"license detection failed: {type(exc).__name__}: {exc}")
                done(task, detection)
    finally:
        _RUN = None


def detect_files(entries: Iterable[FileEntry], labels: dict[str, Classification], detector: Detector, *,
                 cache: DetectionCache | None, context: CacheContext | None, jobs: int,
                 progress: Progress, stats: ScanStats) -> dict[str, Detection]:
    """Detect every entry, using and filling the cache.

    Args:
        entries: the inventory.
        labels: each path's classification.
        detector: decides and performs the detection of one file.
        cache: the detection cache, or None.
        context: what cache keys depend on besides content (needed with ``cache``).
        jobs: worker processes for matching (1: in this process).
        progress: called as ``progress(phase, done, total)``.
        stats: filled in.

    Returns:
        path → detection, for every entry.
    """
    detections: dict[str, Detection] = {}
    tasks: list[Task] = []
    for entry in entries:
        planned = detector.plan(entry, labels[entry.path])
        if isinstance(planned, Detection):
            detections[entry.path] = planned
            stats.planned += 1
        else:
            tasks.append(planned)
    keys: dict[str, str] = {}
    if cache is not None and context is not None:
        start = time.perf_counter()
        progress("cache", 0, len(tasks))
        keys = {t.path: context.key(t.content_id, PurePosixPath(t.path).name, t.mode) for t in tasks if t.content_id}
        partial_keys = {path: context.partial_key(key, detector.budget) for path, key in keys.items()}
        hits = cache.get_many(list(keys.values()) + list(partial_keys.values()))
        for task in tasks:
            found = hits.get(keys.get(task.path, "")) or hits.get(partial_keys.get(task.path, ""))
            if found is not None:
                detections[task.path] = found
        stats.from_cache = sum(1 for t in tasks if t.path in detections)
        stats.timed("cache", start)
    todo = [t for t in tasks if t.path not in detections]
    fresh: list[tuple[str, Detection]] = []
    finished = [0]

    def done(task: Task, detection: Detection) -> None:
        detections[task.path] = detection
        if task.path in keys and context is not None:
            partial = detection.status is FileStatus.PARTIAL
            key = context.partial_key(keys[task.path], detector.budget) if partial else keys[task.path]
            fresh.append((key, detection))
        if detection.status is FileStatus.PARTIAL:
            stats.partial += 1
        if detection.mode and detection.mode.startswith("exact+approximate"):
            stats.escalated += 1
        finished[0] += 1
        progress("detect", finished[0], len(todo))

    start = time.perf_counter()
    for task in (t for t in todo if not t.needs_engine):
        stats.headers += 1
        done(task, detector.run(task))
    stats.timed("headers", start)
    text = largest_first(t for t in todo if t.needs_engine)
    stats.matched = len(text)
    if text:
        start = time.perf_counter()
        progress("load index", finished[0], len(todo))
        forking = jobs > 1 and len(text) >= MIN_POOL_FILES
        detector.engine.load(warm_up=forking)  # workers share what the warm-up builds
        stats.index_loaded = True
        stats.timed("index load", start)
        start = time.perf_counter()
        if forking:
            stats.workers = min(jobs, len(text))
            for task in text:
                detector.prefetch(task)
            detector.engine.prepare_fork()
            try:
                _run_in_pool(text, detector.run, stats.workers, done)
            finally:
                gc.unfreeze()
        else:
            for task in text:
                done(task, detector.run(task))
        stats.timed("matching", start)
    if cache is not None and fresh:
        start = time.perf_counter()
        cache.put_many(fresh)
        stats.timed("cache", start)
    return detections


__all__ = ["MIN_POOL_FILES", "ScanStats", "default_jobs", "detect_files", "largest_first"]
