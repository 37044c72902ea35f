"""``osai-scan render``: a saved JSON report in any other format, without scanning again."""

from __future__ import annotations

from pathlib import Path

import click

from ..report import FILENAMES


@click.command()
@click.argument("report_file", metavar="REPORT.json", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "formats", type=click.Choice(tuple(FILENAMES)), multiple=True, default=("table",),
              show_default=True, help="Output format; repeatable with --output-dir.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to this file instead of standard output (one --format).")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one file per --format into this folder.")
def render(report_file: Path, formats: tuple[str, ...], output: Path | None, output_dir: Path | None) -> None:
    """Turn REPORT.json (written by `osai-scan scan --format json`) into another format; the output is
    byte for byte what the scan would have written."""
    from ..report import load_report
    from ._common import write_formats

    try:
        text = report_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"cannot read '{report_file}': {exc}") from None
    write_formats(load_report(text, where=str(report_file)), formats, output, output_dir)
