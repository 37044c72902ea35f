"""Imported once by the forkserver that starts a local Dask cluster's workers: ScanCode's index, loaded for all.

``cluster.DaskPool(workers=N)`` starts its workers with the ``forkserver`` start method and names
this module as the forkserver's only preload, so importing it is the point: the forkserver, a
fresh single-threaded process, loads ScanCode's license index once (with the approximate
warm-up), moves it out of the garbage collector's reach (``gc.freeze``) and then forks every
worker, and each worker shares those pages copy-on-write instead of unpickling its own copy.
Forking the batch process itself would not be safe: by then it runs the Dask scheduler, the
nannies and their threads, which a forked child would inherit half-stopped.

If the index cannot be loaded here, nothing is: every worker then loads it (or reports why it
cannot) on its first target that needs it, as a worker of an existing cluster does. ``LOADED``
and ``ERROR`` say which happened (for tests and debugging, read in a worker).
"""

from __future__ import annotations

import distributed  # noqa: F401 - every worker needs it; imported once here instead of once per worker

from .. import pipeline
from ..pipeline.options import ENGINE

#: True when this process (and so every worker forked from it) holds the loaded index.
LOADED = False
#: Why the index could not be loaded here (None when it was, or was not tried).
ERROR: str | None = None

try:
    pipeline.preload_index()
    ENGINE.prepare_fork()
    LOADED = True
except Exception as exc:  # noqa: BLE001 - the workers load it themselves and report the error per target
    ERROR = f"{type(exc).__name__}: {exc}"
