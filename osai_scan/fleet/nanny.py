"""``dask worker ... --preload-nanny osai_scan.fleet.nanny``: the workers of one machine share one ScanCode index.

``dask worker ADDRESS --nworkers N`` starts N worker processes, and by default each unpickles
its own copy of ScanCode's license index (1.2 GB and several seconds each, slower still when N
load at once). With this module as the nannies' preload, the nannies start their workers with
the ``forkserver`` start method from a forkserver that loaded the index first
(``osai_scan.fleet.shared_index``): the index is loaded once per ``dask worker`` command and
every worker it starts, or restarts after a crash, shares it copy-on-write, as the workers of
``osai-scan batch --workers N`` do. Where there is no forkserver (Windows) it does nothing.
"""

from __future__ import annotations

from typing import Any


def dask_setup(nanny: Any) -> None:
    """Dask's preload hook, run in the ``dask worker`` process before its nanny starts a worker."""
    import distributed

    from .cluster import fork_workers_from_shared_index

    fork_workers_from_shared_index(distributed)  # kept for the process's life: the stack is never closed
