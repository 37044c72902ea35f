"""Pieces the commands share: opening a target and writing their output."""

from __future__ import annotations

from pathlib import Path

import click

from ..sources import HubOptions, Source, open_source


def open_target(target: str, revision: str | None, hub: HubOptions | None, hash_weights: bool = False) -> Source:
    """Open ``target`` as ``open_source`` does; for the Hub, without the client's progress bars.

    Raises:
        TargetNotFoundError, UsageError: as ``open_source``.
    """
    source = open_source(target, revision, hub, hash_weights)
    if source.remote:
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()  # our own progress bar and summary line say what happens
    return source


def emit(text: str, output: Path | None, what: str) -> None:
    """Write ``text`` to ``output``, or to standard output when it is None.

    Raises:
        click.ClickException: the file cannot be written (one line, exit 1).
    """
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {what} to '{output}': {exc.strerror}") from None


def write_formats(report: object, formats: tuple[str, ...], output: Path | None, output_dir: Path | None) -> list[Path]:
    """Render ``report`` in each of ``formats``: to ``output`` (one format), to one conventionally
    named file per format in ``output_dir``, or to standard output (one format); return the files.

    Raises:
        click.UsageError: several formats without ``--output-dir``, or both ``-o`` and ``--output-dir``.
        click.ClickException: a file cannot be written.
    """
    from ..report import FILENAMES, RENDERERS

    formats = tuple(dict.fromkeys(formats))
    if output is not None and output_dir is not None:
        raise click.UsageError("give either -o/--output or --output-dir, not both")
    if len(formats) > 1 and output_dir is None:
        raise click.UsageError("several --format values need --output-dir DIR (one file per format)")
    if output_dir is None:
        emit(RENDERERS[formats[0]](report), output, "report")  # type: ignore[arg-type]
        return [output] if output is not None else []
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.ClickException(f"cannot create '{output_dir}': {exc.strerror}") from None
    written = []
    for fmt in formats:
        path = output_dir / FILENAMES[fmt]
        emit(RENDERERS[fmt](report), path, f"the {fmt} report")  # type: ignore[arg-type]
        written.append(path)
    return written
