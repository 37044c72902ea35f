"""Sources: turn a target (a path, or later a Hub id) into files."""

from __future__ import annotations

from pathlib import Path

from .git import GitSource, is_git_work_tree
from .interface import Source
from .local import LocalSource, check_folder


def open_source(target: str) -> Source:
    """Return the source for ``target``: a git work tree, else a plain folder.

    Raises:
        TargetNotFoundError: the path does not exist or is not a folder.
    """
    root = check_folder(Path(target))
    if is_git_work_tree(root):
        return GitSource(root, given=target)
    return LocalSource(root, given=target)


__all__ = ["GitSource", "LocalSource", "Source", "open_source"]
