"""Stage 2, inventory: every file of a source exactly once, sorted by path.

Takes in: a ``Source``. Hands on: the sorted ``FileEntry`` tuple every later stage walks.
"""

from __future__ import annotations

from .errors import SourceError
from .models import FileEntry
from .sources import Source


def build_inventory(source: Source) -> tuple[FileEntry, ...]:
    """List every file of ``source`` exactly once, sorted by path.

    Raises:
        SourceError: the source listed the same path twice (a bug in the source).
    """
    entries = sorted(source.iter_files(), key=lambda e: e.path)
    for before, after in zip(entries, entries[1:]):
        if before.path == after.path:
            raise SourceError(f"the inventory lists '{before.path}' twice")
    return tuple(entries)
