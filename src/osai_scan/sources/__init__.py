"""Sources: turn a target (a path, or later a Hub id) into files."""

from __future__ import annotations

from pathlib import Path

from .git import GitSource, is_git_work_tree
from .interface import Source
from .local import LocalSource, check_folder


def open_source(target: str, hash_weights: bool = False) -> Source:
    """Return the source for ``target``: a git work tree, else a plain folder.

    Args:
        target: the folder to scan.
        hash_weights: give files over 16 MiB (weights, archives) a sha256 content id, which
            reads them whole; by default they get none and cost a header read at most.

    Raises:
        TargetNotFoundError: the path does not exist or is not a folder.
    """
    root = check_folder(Path(target))
    if is_git_work_tree(root):
        return GitSource(root, given=target, hash_large=hash_weights)
    return LocalSource(root, given=target, hash_large=hash_weights)


__all__ = ["GitSource", "LocalSource", "Source", "open_source"]
