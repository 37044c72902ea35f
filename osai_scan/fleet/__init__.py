"""Fleet audits: one scan per target of a list, on a local process pool or a Dask cluster.

Takes in: a targets file (paths, ``hf:`` ids, Hub URLs) and the ``ScanOptions`` every target is
scanned with. Hands on: one JSON line per target (``records``), written as each completes, and
the batch summary (``summary``). Every scan goes through ``pipeline.scan``; a worker process
keeps ScanCode's license index loaded from the first target that needs it to the last (the
workers of a local Dask cluster start with it, loaded once for all of them: ``shared_index``).
"""

from .records import error_record, scan_target, summarize_report
from .results import ResultsFile
from .runner import BatchCounts, FleetError, LocalPool, run_batch
from .summary import BatchSummary, aggregate
from .targets import parse_targets, read_targets, split_system

__all__ = ["BatchCounts", "BatchSummary", "FleetError", "LocalPool", "ResultsFile", "aggregate", "error_record",
           "parse_targets", "read_targets", "run_batch", "scan_target", "split_system", "summarize_report"]
