"""``osai-scan diff``: what changed between two JSON reports; exit 1 when it got less open."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command()
@click.argument("old", metavar="OLD.json", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", metavar="NEW.json", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(("table", "json", "markdown")), default="table",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the diff to this file instead of standard output.")
def diff(old: Path, new: Path, fmt: str, output: Path | None) -> None:
    """Compare two reports (`osai-scan scan --format json`) of one target: verdict and component statuses
    per profile, the governing license of each file, files added or removed, findings new or resolved.
    Exits 1 when the deciding profile's verdict or one of its components got less open."""
    from ..report import load_report
    from ..report.diff import DIFF_RENDERERS, diff_reports
    from ._common import emit

    reports = []
    for path in (old, new):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise click.ClickException(f"cannot read '{path}': {exc}") from None
        reports.append(load_report(text, where=str(path)))
    result = diff_reports(reports[0], reports[1])
    emit(DIFF_RENDERERS[fmt](result), output, "diff")
    if result.worse:
        sys.exit(1)
