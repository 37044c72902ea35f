"""``osai-scan``: the click group, its commands and the error boundary."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import traceback
from importlib import resources
from pathlib import Path

import click

from ..constants import (
    CACHE_DIR_ENV,
    DEFAULT_PROFILE,
    DETECT_DEADLINE_SECONDS,
    HUB_MAX_DOWNLOAD,
    HUB_MAX_FILE_DOWNLOAD,
    MAX_SOURCES,
)
from ..models import FileStatus, Report, Severity, VerdictStatus
from ..report import FILENAMES
from ._common import SIZE as _SIZE
from ._errors import format_known
from .batch import batch, batch_report
from .classify import classify_command
from .diff import diff
from .explain import explain
from .render import render
from .rules import rules

FORMATS = tuple(FILENAMES)
FAIL_ON = ("not-open", "undetermined", "error", "warning", "never")


class _Group(click.Group):
    """A group whose commands print one line, not a traceback, for known errors."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # Ctrl-C: one line, exit 130, no traceback and no partial report
            click.echo("\nosai-scan: interrupted; no report was written.", err=True)
            _leave(130)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the error boundary
            known = format_known(exc)
            if known is None:
                traceback.print_exc()
                click.echo("osai-scan hit a bug; please report it with the traceback above.", err=True)
                ctx.exit(3)
            message, code = known
            click.echo(f"Error: {message}", err=True)
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            ctx.exit(code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "auto_envvar_prefix": "OSAI_SCAN"})
@click.version_option(package_name="osai-scan")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Tell whether an AI system is Open Source AI, with evidence."""
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("targets", nargs=-1)
@click.option("--profile", default=DEFAULT_PROFILE, show_default=True,
              help="Policy profile that decides the verdict and the exit code (every profile is evaluated and "
                   "reported): blog-2024, osaid-1.0, mof, open-science, or the id of your own profile.")
@click.option("--format", "formats", type=click.Choice(FORMATS), multiple=True, default=("json",), show_default=True,
              help="Report format; repeatable with --output-dir.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the report (one --format) to this file instead of standard output.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one file per --format into this folder (report.json, report.sarif, report.md, ...).")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path),
              help="Rules folder (or a single profile .yaml) that adds to or overrides the built-in rules "
                   "(repeatable).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="never", show_default=True,
              help="Exit 1 when the verdict is at or below this level (not-open, undetermined), or when a "
                   "finding has this severity or a worse one (error, warning).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for license matching  [default: number of CPUs]")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DETECT_DEADLINE_SECONDS,
              show_default=True, help="Seconds of license matching per file; a file that needs more is "
                                      "reported as partial.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the detection cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), envvar=CACHE_DIR_ENV,
              help=f"Folder of the detection cache  [default: the user cache folder; env: {CACHE_DIR_ENV}]")
@click.option("--hash-weights", is_flag=True,
              help="Give local files over 16 MiB (weights, archives) a sha256 content id; reads them whole.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on standard error.")
@click.option("--verbose", "-v", is_flag=True, help="Also print what the scan did and the time of each phase.")
@click.option("--revision", help="Hub branch, tag or commit to scan (Hub targets; default: main).")
@click.option("--token", help="Hugging Face token for gated or private repos (default: HF_TOKEN or the cached login).")
@click.option("--max-download", "max_download", type=_SIZE, default=str(HUB_MAX_DOWNLOAD), show_default=True,
              help="Hub targets: most bytes a scan may transfer (small files plus weight headers), e.g. 256MiB.")
@click.option("--max-download-file", "max_download_file", type=_SIZE, default=str(HUB_MAX_FILE_DOWNLOAD),
              show_default=True, help="Hub targets: larger files are not downloaded (weights never are).")
@click.option("--follow", is_flag=True,
              help="Add the Hub models the code loads its weights from (from_pretrained, hf_hub_download, Hub "
                   "links) as sources of the system; a GitHub repository a Hub card names is reported, never cloned.")
@click.option("--max-sources", type=click.IntRange(min=1), default=MAX_SOURCES, show_default=True,
              help="With --follow: at most this many sources in the system, given and followed.")
def scan(targets: tuple[str, ...], profile: str, formats: tuple[str, ...], output: Path | None, output_dir: Path | None,
         rules_dirs: tuple[Path, ...], fail_on: str,
         jobs: int | None, timeout: float, no_cache: bool, cache_dir: Path | None, hash_weights: bool,
         quiet: bool, verbose: bool, revision: str | None, token: str | None, max_download: int,
         max_download_file: int, follow: bool, max_sources: int) -> None:
    """Scan TARGET: a folder or git work tree (default: the current folder), a Hugging Face Hub
    model as hf:ORG/NAME[@REVISION], or its URL https://huggingface.co/ORG/NAME[/tree/REVISION].

    Several targets are one AI system (e.g. ./code hf:org/weights): every file keeps its source
    (paths are prefixed by the source's label), each source's licenses govern only its own
    files, and the components assembled across sources get one verdict per profile."""
    from ..pipeline import ScanOptions, ScanStats
    from ..pipeline import scan as run_scan
    from ..sources import HubOptions
    from ._common import open_target, write_formats

    if output_dir is None and len(set(formats)) > 1:
        raise click.UsageError("several --format values need --output-dir DIR (one file per format)")
    if output is not None and output_dir is not None:
        raise click.UsageError("give either -o/--output or --output-dir, not both")

    hub = HubOptions(token=token or None, max_download=max_download, max_file_download=max_download_file)
    if revision and len(targets) > 1:
        raise click.UsageError("--revision applies to one Hub target; write hf:ORG/NAME@REVISION for each")
    sources = [open_target(t, revision, hub, hash_weights) for t in targets or (".",)]
    if follow:
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()  # followed Hub sources: our own progress bar and summary say what happens
    from .progress import ProgressBar

    bar = ProgressBar() if ProgressBar.wanted(quiet) else None
    stats = ScanStats()
    try:
        report = run_scan(sources[0] if len(sources) == 1 else sources,
                          ScanOptions(profile=profile, rules_dirs=rules_dirs, jobs=jobs, timeout=timeout,
                                      use_cache=not no_cache, cache_dir=cache_dir, progress=bar, stats=stats,
                                      hub=hub, hash_weights=hash_weights, follow=follow, max_sources=max_sources))
    finally:
        if bar is not None:
            bar.close()
    written = write_formats(report, formats, output, output_dir)
    if not quiet:
        errors = sum(1 for f in report.files if f.status is FileStatus.ERROR)
        click.echo(f"osai-scan: {report.verdict.status.value} ({report.summary.files} files, "
                   f"{len(report.findings)} findings{f', {errors} unreadable' if errors else ''})"
                   + (f"; report written to {', '.join(map(str, written))}" if written else ""), err=True)
        for source in sources:
            if source.remote:
                st = source.stats
                click.echo(f"osai-scan: from {source.endpoint}: {st.files_downloaded} file(s) downloaded "
                           f"({st.bytes_downloaded} bytes), {st.ranges} header range(s) ({st.bytes_ranged} bytes), "
                           f"{st.files_from_cache} file(s) from the cache; weights never downloaded", err=True)
        for info in report.sources:
            if info.followed_from or info.error:
                click.echo(f"osai-scan: source {info.label}"
                           + (f" (followed from {info.followed_from})" if info.followed_from else "")
                           + (f": NOT SCANNED: {info.error}" if info.error else f": {info.files} files"), err=True)
    if verbose:
        click.echo(_describe(stats), err=True)
    if not report.complete:
        sys.exit(3)
    if fails(report, fail_on):
        sys.exit(1)


def fails(report: Report, fail_on: str) -> bool:
    """Whether ``--fail-on`` turns this report into exit 1: the verdict at or below a level, or a
    finding at or above a severity."""
    status = report.verdict.status
    if fail_on == "not-open":
        return status is VerdictStatus.NOT_OPEN_SOURCE_AI
    if fail_on == "undetermined":
        return status is not VerdictStatus.OPEN_SOURCE_AI
    if fail_on in ("error", "warning"):
        worst = {Severity.ERROR} if fail_on == "error" else {Severity.ERROR, Severity.WARNING}
        return any(f.severity in worst for f in report.findings)
    return False


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the JSON report."""
    text = (resources.files("osai_scan") / "schema" / "report.schema.json").read_text(encoding="utf-8")
    json.loads(text)
    click.echo(text, nl=False)


cli.add_command(classify_command)
cli.add_command(render)
cli.add_command(diff)
cli.add_command(explain)
cli.add_command(rules)
cli.add_command(batch); cli.add_command(batch_report)  # noqa: E702


def _describe(stats: object) -> str:
    from ..pipeline import ScanStats

    assert isinstance(stats, ScanStats)
    phases = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in stats.seconds.items())
    return (f"osai-scan: {stats.files} files: {stats.labels_from_cache} labels from cache, {stats.planned} "
            f"decided without reading, {stats.from_cache} from cache, {stats.headers} headers read, {stats.matched} matched by ScanCode ({stats.escalated} "
            f"re-matched approximately, {stats.partial} partial) in {stats.workers or 'no'} worker processes; "
            f"phases: {phases}")


def main() -> None:
    """Console-script entry point.

    When ScanCode's license index was loaded, the process leaves with ``os._exit`` once its
    output is flushed: tearing down the index's millions of objects takes seconds and
    achieves nothing at exit.
    """
    try:
        cli(prog_name="osai-scan")
        code: int | str | None = 0
    except SystemExit as exc:
        code = exc.code
    if "licensedcode.cache" in sys.modules:
        _leave(code if isinstance(code, int) else (0 if code is None else 1))
    sys.exit(code)


def _leave(code: int) -> None:
    """Leave now with ``code`` (``os._exit``): output flushed, ScanCode's empty temp folder removed,
    and no seconds spent tearing down the license index or waiting for anything else."""
    with contextlib.suppress(Exception):
        sys.stdout.flush()
        sys.stderr.flush()
    if "osai_scan.pipeline" in sys.modules:
        from ..pipeline import remove_scancode_temp_dir

        remove_scancode_temp_dir()
    os._exit(code)
