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
