"""Batches on ``dask.distributed``: a LocalCluster of N workers, or an existing scheduler.

A LocalCluster's workers share one copy of ScanCode's index: they are started with the
``forkserver`` start method, and the forkserver loads the index before it forks any of them
(``shared_index``), so no worker unpickles its own (two loads at once on 2 cores took 7 s each,
against 2.7 s for one, and each copy is 1.2 GB). On an existing cluster every worker loads its
own, on its first target that needs it or, with ``preload``, when the plugin is registered.

Every worker gets the ``IndexPlugin``: it prepares the process once (osai-scan imported, Hub
progress bars off, optionally ScanCode's index loaded up front); the index then stays loaded
in the worker for every later target, and a target answered from the detection cache loads
nothing. Tasks are ``records.scan_target`` calls, pickled by reference, so every worker needs
the same osai-scan installed. A worker that dies mid-target makes Dask retry the target on
another worker, up to the scheduler's ``distributed.scheduler.allowed-failures``; after that
the target gets an error record.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import uuid
from typing import Any, Iterator

from ..pipeline import ScanOptions
from .records import error_record, scan_target
from .runner import FleetError

#: Environment variable naming the scheduler, as Dask's own tools read it.
SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
INSTALL_HINT = "Install the extra: pip install 'osai-scan[distributed]'."
#: What a LocalCluster's forkserver imports before it forks a worker: it loads ScanCode's index.
SHARED_INDEX_MODULE = "osai_scan.fleet.shared_index"


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise FleetError("--workers and --scheduler need dask.distributed, which is not installed.",
                         hint=INSTALL_HINT) from None
    return distributed


def _plugin_class() -> type:
    distributed = _distributed()

    class IndexPlugin(distributed.WorkerPlugin):
        """Prepares a Dask worker for osai-scan once; optionally loads ScanCode's index up front."""

        name = "osai-scan-index"

        def __init__(self, preload: bool = False) -> None:
            self.preload = preload

        def setup(self, worker: Any) -> None:
            from huggingface_hub.utils import disable_progress_bars

            from .. import pipeline

            disable_progress_bars()
            if self.preload:
                pipeline.preload_index()

    return IndexPlugin


def start_index_forkserver(distributed: Any) -> None:
    """Start this process's forkserver with ScanCode's index loaded in it (``shared_index``).

    Dask must already be configured to start workers with ``forkserver``
    (``distributed.worker.multiprocessing-method``). The forkserver starts now and loads the
    index while the caller goes on (starting a scheduler, nannies); every worker process Dask
    starts afterwards in this process is forked from it and shares the index. It is this
    process's one forkserver, kept to its exit: a later cluster forks from the same index.
    """
    distributed.utils.get_mp_context()  # distributed sets its own forkserver preload once, on first use
    multiprocessing.get_context("forkserver").set_forkserver_preload([SHARED_INDEX_MODULE])
    multiprocessing.forkserver.ensure_running()


def fork_workers_from_shared_index(distributed: Any) -> contextlib.ExitStack:
    """Dask configured to fork LocalCluster workers from a forkserver that holds ScanCode's index.

    Where there is no forkserver (Windows), Dask's default applies and each worker loads its own
    index. The returned stack restores Dask's configuration when closed.
    """
    stack = contextlib.ExitStack()
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return stack
    import dask

    stack.enter_context(dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}))
    start_index_forkserver(distributed)
    return stack


#: Targets one LocalCluster worker scans at once. A Hub target spends most of its time waiting
#: for the Hub (on the fleet bench, a serial target takes 0.17 s and two workers with two threads
#: each scan 2.8 times as many per minute as one process, against 1.8 times with one thread).
DEFAULT_THREADS_PER_WORKER = 2


class DaskPool:
    """Targets scanned as Dask tasks.

    Args:
        workers: start a LocalCluster of this many worker processes (None: use ``scheduler``).
        threads_per_worker: targets a LocalCluster worker scans at once, in threads that share its
            ScanCode index: while one waits for the Hub, another matches.
        scheduler: address of an existing scheduler (``tcp://HOST:PORT``).
        connect_timeout: seconds to wait for the scheduler to answer.
        preload: on an existing cluster, load ScanCode's index on every worker when the batch
            starts (default: on each worker's first target that needs it). A LocalCluster's
            workers always start with it loaded, shared.
    """

    def __init__(self, workers: int | None = None, scheduler: str | None = None, connect_timeout: float = 10.0,
                 preload: bool = False, threads_per_worker: int = DEFAULT_THREADS_PER_WORKER) -> None:
        _distributed()
        if workers is None and not scheduler:
            raise FleetError("a Dask pool needs --workers N or --scheduler ADDRESS.")
        self.workers = workers
        self.scheduler = scheduler
        self.connect_timeout = connect_timeout
        self.preload = preload
        self.threads_per_worker = threads_per_worker
        self.size = workers or 1
        self._client_now: Any = None
        self._connected: tuple[Any, Any, contextlib.ExitStack] | None = None
        self._keys: dict[str, str] = {}

    def running(self) -> dict[str, str]:
        """The targets being scanned now (or queued on a worker), and the address of that worker."""
        client = self._client_now
        if client is None:
            return {}
        keys = dict(self._keys)
        return {keys[key]: address for address, held in client.processing().items() for key in held if key in keys}

    def connect(self) -> None:
        """Reach the scheduler (or start the LocalCluster) now, before the batch starts.

        Raises:
            FleetError: the scheduler does not answer within ``connect_timeout``.
        """
        if self._connected is None:
            self._connected = self._client()
            self.size = max(len(self._connected[0].scheduler_info().get("workers", {})), 1)

    def _client(self) -> tuple[Any, Any, contextlib.ExitStack]:
        distributed = _distributed()
        if self.scheduler:
            try:
                client = distributed.Client(self.scheduler, timeout=self.connect_timeout)
            except (OSError, TimeoutError, ValueError) as exc:
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise FleetError(f"the Dask scheduler at '{self.scheduler}' does not answer ({reason}).",
                                 hint="Start one with `dask scheduler` and workers with `dask worker ADDRESS`, "
                                      "or check --scheduler / DASK_SCHEDULER_ADDRESS.") from None
            return client, None, contextlib.ExitStack()
        config = fork_workers_from_shared_index(distributed)
        try:
            # env: workers forked from a forkserver would otherwise keep the environment it started with
            cluster = distributed.LocalCluster(n_workers=self.workers, threads_per_worker=self.threads_per_worker,
                                               processes=True,
                                               dashboard_address=None, silence_logs=logging.ERROR,
                                               env=dict(os.environ))
            return distributed.Client(cluster), cluster, config
        except BaseException:
            config.close()
            raise

    def run(self, targets: list[str], options: ScanOptions, summary_only: bool) -> Iterator[dict[str, Any]]:
        """Yield one record per target, in the order they complete (a LocalCluster starts only for targets)."""
        distributed = _distributed()
        if not targets and self.workers is not None and self._connected is None:
            return
        self.connect()
        assert self._connected is not None
        client, cluster, config = self._connected
        self._connected = None
        try:
            client.register_plugin(_plugin_class()(self.preload))
            run = uuid.uuid4().hex[:12]
            self._keys = {f"osai-scan-{run}-{number}": target for number, target in enumerate(targets)}
            futures = {client.submit(scan_target, target, options, summary_only, pure=False, key=key): target
                       for key, target in self._keys.items()}
            self._client_now = client
            for future in distributed.as_completed(futures):
                target = futures.pop(future)
                try:
                    record = future.result()
                except distributed.KilledWorker:
                    record = error_record(target, "the Dask worker scanning it died (killed, or out of memory), "
                                                  "as did the retries the scheduler allows.", "WorkerDiedError", 3)
                except Exception as exc:  # noqa: BLE001 - one target's failure must not stop the batch
                    record = error_record(target, f"the Dask task failed: {type(exc).__name__}: {exc}",
                                          "TaskError", 3)
                future.release()
                yield record
        finally:
            self._client_now = None
            client.close()
            if cluster is not None:
                cluster.close()
            config.close()
