"""Pieces the commands share: opening a target and writing their output."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import click

from ..models.names import escape_surrogates
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
    # Reports carry file names in their escaped form already (models.names); any surrogate left
    # (a name in an error message, say) is written in the same \xNN form, never failing the write.
    data = escape_surrogates(text).encode("utf-8")
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    # Atomic: a temporary file in the same folder, then a rename, so that an interrupted or failed
    # write never leaves a truncated report (and never replaces the previous good one).
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent or Path("."))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, output)
        tmp = None
    except OSError as exc:
        raise click.ClickException(f"cannot write {what} to '{output}': {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1000**2, "mb": 1000**2, "mib": 1024**2,
          "g": 1000**3, "gb": 1000**3, "gib": 1024**3}


class _SizeType(click.ParamType):
    """A byte size: 1048576, 500KB, 1MiB, 2G (K/M/G are powers of 1000, KiB/MiB/GiB of 1024)."""

    name = "size"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().lower().replace(" ", "")
        number = text.rstrip("bikmg")
        unit = text[len(number):]
        try:
            size = float(number) * _UNITS[unit]
        except (ValueError, KeyError):
            self.fail(f"{value!r} is not a size (examples: 1048576, 500KB, 64MiB)", param, ctx)
        if size < 0:
            self.fail("a size cannot be negative", param, ctx)
        return int(size)


SIZE = _SizeType()


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
