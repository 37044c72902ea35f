"""``osai-scan batch`` and ``osai-scan batch-report``: fleet audits over a targets file."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from ._common import SIZE
from ..constants import CACHE_DIR_ENV, DEFAULT_PROFILE, DETECT_DEADLINE_SECONDS, HUB_MAX_DOWNLOAD, HUB_MAX_FILE_DOWNLOAD


class _Progress:
    """Targets done / failed / running, rate and time left, on one tqdm bar (standard error, a terminal)."""

    def __init__(self, total: int, skipped: int, size: int, quiet: bool) -> None:
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # the local pool forks replacement workers: no extra threads
        self.size = size
        self.bar = tqdm(total=total - skipped, file=sys.stderr, unit="target",
                        disable=quiet or not sys.stderr.isatty(), dynamic_ncols=True,
                        mininterval=0.5, desc="batch")
        self.total = total - skipped
        self._show(0, 0)

    def _show(self, done: int, failed: int) -> None:
        running = min(self.size, self.total - done - failed)
        self.bar.set_postfix_str(f"done {done}, failed {failed}, running {running}", refresh=False)

    def __call__(self, record: dict[str, Any], counts: Any) -> None:
        self._show(counts.done, counts.failed)
        self.bar.update(1)

    def close(self) -> None:
        self.bar.close()


@click.command("batch")
@click.argument("targets_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="JSONL results file: one line per target, written as each completes.")
@click.option("--resume", is_flag=True, help="Keep the lines already in the results file; skip their targets.")
@click.option("--summary-only", is_flag=True,
              help="Write the compact summary of each target (verdicts, model license, findings) without its report.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Local pool: targets scanned at once, one process each  [default: number of CPUs; 1: in "
                   "this process]")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Start a Dask LocalCluster of N worker processes (needs osai-scan[distributed]).")
@click.option("--threads-per-worker", type=click.IntRange(min=1), default=None,
              help="With --workers: targets each worker scans at once, sharing its ScanCode index (one waits "
                   "for the Hub while another matches)  [default: 2]")
@click.option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS",
              help="Run on an existing Dask cluster: its scheduler, tcp://HOST:PORT  [env: DASK_SCHEDULER_ADDRESS]")
@click.option("--connect-timeout", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
              help="Seconds to wait for the --scheduler to answer.")
@click.option("--preload-index", is_flag=True,
              help="With --scheduler: load ScanCode's index on every worker when the batch starts (default: on "
                   "each worker's first target that needs it). --workers always starts its workers with one "
                   "shared copy loaded.")
@click.option("--profile", default=DEFAULT_PROFILE, show_default=True, help="Policy profile that decides each verdict.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path),
              help="Rules folder that adds to or overrides the built-in rules (repeatable).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DETECT_DEADLINE_SECONDS,
              show_default=True, help="Seconds of license matching per file.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the detection cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), envvar=CACHE_DIR_ENV,
              help=f"Folder of the detection cache (shared by the workers of one machine)  [env: {CACHE_DIR_ENV}]")
@click.option("--hash-weights", is_flag=True, help="Give local files over 16 MiB a sha256 content id.")
@click.option("--token", help="Hugging Face token for gated or private repos (default: HF_TOKEN or the cached login).")
@click.option("--max-download", "max_download", type=SIZE, default=str(HUB_MAX_DOWNLOAD), show_default=True,
              help="Hub targets: most bytes one target's scan may transfer, e.g. 256MiB.")
@click.option("--max-download-file", "max_download_file", type=SIZE, default=str(HUB_MAX_FILE_DOWNLOAD),
              show_default=True, help="Hub targets: larger files are not downloaded.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on standard error.")
def batch(targets_file: Path, output: Path, resume: bool, summary_only: bool, jobs: int | None,
          workers: int | None, threads_per_worker: int | None, scheduler: str | None, connect_timeout: float,
          preload_index: bool, profile: str,
          rules_dirs: tuple[Path, ...], timeout: float, no_cache: bool, cache_dir: Path | None, hash_weights: bool,
          token: str | None, max_download: int, max_download_file: int, quiet: bool) -> None:
    """Scan every target listed in TARGETS_FILE (one per line: a folder, hf:ORG/NAME[@REVISION] or a
    Hub URL; several on one line, separated by spaces, are one AI system; # comments) and write one
    JSON line per line to --output. Exits 3 when any target could not be scanned (its line says why)."""
    from ..fleet import LocalPool, ResultsFile, aggregate, read_targets, run_batch
    from ..fleet.summary import render_summary_text
    from ..pipeline import ScanOptions
    from ..sources import HubOptions

    if workers is not None and scheduler:
        raise click.UsageError("use --workers (a local Dask cluster) or --scheduler (an existing one), not both.")
    if threads_per_worker is not None and workers is None:
        raise click.UsageError("--threads-per-worker sizes the workers of --workers; on an existing cluster, "
                               "start them with `dask worker --nthreads N`.")
    if jobs is not None and (workers is not None or scheduler):
        raise click.UsageError("--jobs sizes the local pool; with Dask, size the cluster (--workers) instead.")
    targets = read_targets(targets_file)
    hub = HubOptions(token=token or None, max_download=max_download,
                     max_file_download=max_download_file)
    options = ScanOptions(profile=profile, rules_dirs=rules_dirs, hub=hub, jobs=1, timeout=timeout,
                          use_cache=not no_cache, cache_dir=cache_dir, hash_weights=hash_weights)
    from ..ruleset import load_rules

    load_rules(rules_dirs).profile(profile)  # a bad rules folder or profile stops here, not once per target
    if workers is not None or scheduler:
        from ..fleet.cluster import DaskPool

        pool: Any = DaskPool(workers=workers, scheduler=scheduler, connect_timeout=connect_timeout,
                             preload=preload_index, **({"threads_per_worker": threads_per_worker}
                                                       if threads_per_worker else {}))
        if scheduler:
            pool.connect()  # a scheduler that does not answer stops the batch before anything is written
    else:
        from ..pipeline import default_jobs

        pool = LocalPool(jobs or default_jobs())
    start = time.perf_counter()
    with ResultsFile(output, resume) as results:
        progress = _Progress(len(targets), len(set(targets) & results.done), pool.size, quiet)
        try:
            counts = run_batch(targets, options, pool, results, summary_only=summary_only, on_record=progress)
        finally:
            progress.close()
    if not quiet:
        seconds = time.perf_counter() - start
        ran = counts.done + counts.failed
        click.echo(f"osai-scan batch: {ran} target(s) in {seconds:.1f} s ({60 * ran / seconds if seconds else 0:.0f}"
                   f"/min), {counts.skipped} already in {output}; results in {output}", err=True)
        from ..fleet.results import iter_records

        click.echo(render_summary_text(aggregate(iter_records(output))), err=True, nl=False)
    sys.stdout.flush()
    if counts.exit_code:
        sys.exit(counts.exit_code)


@click.command("batch-report")
@click.argument("results", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["markdown", "html", "csv", "table"]), default="table",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to this file instead of standard output.")
def batch_report(results: Path, fmt: str, output: Path | None) -> None:
    """Render the results file of `osai-scan batch` (JSONL) as a summary and one row per target."""
    from ..fleet import aggregate
    from ..fleet.results import iter_records
    from ..fleet.summary import RENDERERS
    from ._common import emit

    records = list(iter_records(results))
    emit(RENDERERS[fmt](aggregate(records), records), output, "batch report")


__all__ = ["batch", "batch_report"]
