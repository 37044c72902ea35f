"""Imported once by the forkserver that starts a local cluster's Dask workers: ScanCode's index, loaded for all.

``cluster.DaskPool(workers=N)`` (and ``dask worker --preload-nanny osai_scan.fleet.nanny``)
starts its workers with the ``forkserver`` start method and names this module as the
forkserver's only preload, so importing it is the point. The forkserver, a fresh
single-threaded process, loads ScanCode's license index once (with the approximate warm-up)
and parses the built-in rules, moves all of it out of the garbage collector's reach
(``gc.freeze``), and only then forks the workers: each shares those pages copy-on-write instead
of unpickling its own copy. Forking the batch process itself would not be safe: by then it
runs the Dask scheduler, the nannies and their threads, which a forked child inherits
half-stopped.

If the index cannot be loaded here, nothing is: every worker then loads it (or reports why it
cannot) on its first target that needs it, as a worker of an existing cluster does. ``LOADED``,
``ERROR`` and ``SPAN`` say what happened (read in a worker: tests, debugging).
"""

from __future__ import annotations

import time

import distributed  # noqa: F401 - every worker needs it; imported once here instead of once per worker

from .. import pipeline
from ..pipeline.options import ENGINE

_STARTED = time.time()

#: True when this process (and so every worker forked from it) holds the loaded index.
LOADED = False
#: Why the index could not be loaded here (None when it was, or was not tried).
ERROR: str | None = None
#: ``time.time()`` when the load started and when this module was done (load, warm-up, rules, freeze).
SPAN = (_STARTED, _STARTED)

try:
    pipeline.preload_index()
    LOADED = True
except Exception as exc:  # noqa: BLE001 - the workers load it themselves and report the error per target
    ERROR = f"{type(exc).__name__}: {exc}"
try:  # the built-in rules, parsed once too (a worker re-reads them only if a rules file changed)
    pipeline.rules_in_force(())
except Exception:  # noqa: BLE001, S110 - a broken rules file is reported by each target's scan
    pass
ENGINE.prepare_fork()
SPAN = (_STARTED, time.time())
