"""The JSONL results file: one whole line per target, appended with a single write each.

Each record goes out in one ``os.write`` on a file opened with ``O_APPEND``, so a run that is
killed leaves whole lines only; should a line still be cut (a full disk, a crash of the
machine), opening the file again to resume drops the cut tail before appending.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator

from ..errors import UsageError
from .records import record_line


def iter_records(path: Path) -> Iterator[dict[str, Any]]:
    """The whole records of a results file, in order (a cut or invalid line is skipped).

    Raises:
        UsageError: the file cannot be read.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise UsageError(f"cannot read the results file '{path}': {exc.strerror or exc}.") from None
    with handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                record = json.loads(raw)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("target"), str):
                yield record


class ResultsFile:
    """The results file of a batch, opened for appending.

    Args:
        path: the JSONL file.
        resume: keep the records already in the file (their targets are not scanned again);
            otherwise the file is emptied.

    Raises:
        UsageError: the file cannot be opened or written.
    """

    def __init__(self, path: Path, resume: bool) -> None:
        self.path = path
        self.done: set[str] = set()
        try:
            if resume and path.exists():
                self._drop_cut_tail()
                self.done = {r["target"] for r in iter_records(path)}
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (0 if resume else os.O_TRUNC)
            self._fd = os.open(path, flags, 0o644)
        except OSError as exc:
            raise UsageError(f"cannot write the results file '{path}': {exc.strerror or exc}.") from None

    def _drop_cut_tail(self) -> None:
        with self.path.open("rb+") as handle:
            data = handle.read()
            if data and not data.endswith(b"\n"):
                handle.truncate(data.rfind(b"\n") + 1)

    def write(self, record: dict[str, Any]) -> None:
        """Append ``record`` as one line, in one write.

        Raises:
            UsageError: the line could not be written whole.
        """
        line = record_line(record)
        try:
            written = os.write(self._fd, line)
        except OSError as exc:
            raise UsageError(f"cannot write the results file '{self.path}': {exc.strerror or exc}.") from None
        if written != len(line):
            raise UsageError(f"the results file '{self.path}' took {written} of {len(line)} bytes (disk full?).")
        self.done.add(record["target"])

    def close(self) -> None:
        """Close the file."""
        os.close(self._fd)

    def __enter__(self) -> ResultsFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
