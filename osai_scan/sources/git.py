"""Git work trees: the inventory is what git tracks (``git ls-files``)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Iterator

from ..errors import ReadLimitError, SourceError
from ..models import FileEntry, TargetInfo
from .interface import LFS_POINTER_MAX_BYTES, Source, parse_lfs_pointer
from .local import FileReader, check_folder

_SYMLINK_MODE = "120000"
_SUBMODULE_MODE = "160000"


def _git(root: Path, *args: str) -> bytes:
    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, env=env, check=False)
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SourceError(f"git {args[0]} failed in '{root}': {message[-1] if message else proc.returncode}")
    return proc.stdout


def is_git_work_tree(root: Path) -> bool:
    """True when ``root`` is inside a git work tree (and git is installed)."""
    try:
        proc = subprocess.run(["git", "-C", str(root), "rev-parse", "--is-inside-work-tree"],
                              capture_output=True, check=False)
    except OSError:
        return False
    return proc.returncode == 0 and proc.stdout.strip() == b"true"


class GitSource(Source):
    """A git work tree, or a folder inside one.

    Args:
        root: the folder to scan.
        given: the path as the user typed it.
        hash_large: give untracked or modified files over 16 MiB a sha256 content id (reads
            them whole); tracked files always have git's blob id.
    """

    def __init__(self, root: Path, given: str | None = None, hash_large: bool = False) -> None:
        self.root = check_folder(root)
        self.given = given if given is not None else str(root)
        self._reader = FileReader(self.root, hash_large)
        self._modified: set[str] | None = None
        self._untracked: tuple[str, ...] | None = None

    def describe(self) -> TargetInfo:
        try:
            commit = _git(self.root, "rev-parse", "HEAD").decode().strip()
        except SourceError:
            commit = None  # a repository without commits yet
        dirty = bool(_git(self.root, "status", "--porcelain", "--untracked-files=no", "--", ".").strip()) \
            or bool(self.untracked)
        return TargetInfo(kind="local", name=self.root.name, path=self.given, commit=commit, dirty=dirty, vcs="git")

    def _modified_paths(self) -> set[str]:
        if self._modified is None:
            out = _git(self.root, "diff", "--name-only", "-z", "--relative", "HEAD", "--", ".") if self._has_head() \
                else _git(self.root, "diff", "--name-only", "-z", "--relative", "--", ".")
            self._modified = {p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p}
        return self._modified

    def _has_head(self) -> bool:
        try:
            _git(self.root, "rev-parse", "--verify", "-q", "HEAD")
            return True
        except SourceError:
            return False

    @property
    def untracked(self) -> tuple[str, ...]:
        """Files in the work tree that git does not track and does not ignore.

        They are scanned too (nothing a user sees in the folder is silently left out), and the
        report flags them, since they are not part of the commit.
        """
        if self._untracked is None:
            out = _git(self.root, "ls-files", "-z", "--others", "--exclude-standard", "--", ".")
            self._untracked = tuple(sorted(p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p))
        return self._untracked

    def iter_files(self) -> Iterator[FileEntry]:
        for path in self.untracked:
            location = self.root / path
            if location.is_symlink():
                yield FileEntry(path=path, size=0, problem=f"symlink to '{os.readlink(location)}'; not followed")
            else:
                try:
                    yield self._reader.entry(path, location.stat().st_size)
                except OSError as exc:
                    yield FileEntry(path=path, size=0, problem=f"cannot stat: {exc.strerror}", problem_is_error=True)
        out = _git(self.root, "ls-files", "-z", "-s", "--", ".")
        seen: set[str] = set()
        modified = self._modified_paths()
        for record in out.split(b"\0"):
            if not record:
                continue
            meta, _, raw_path = record.partition(b"\t")
            mode, blob, _stage = meta.decode().split(" ")
            path = raw_path.decode("utf-8", "surrogateescape")
            if path in seen:  # unmerged paths appear once per stage
                continue
            seen.add(path)
            yield self._entry(path, mode, blob, path in modified)

    def _entry(self, path: str, mode: str, blob: str, modified: bool) -> FileEntry:
        if mode == _SUBMODULE_MODE:
            return FileEntry(path=path, size=0, content_id=f"git-commit:{blob}",
                             problem="git submodule; its files belong to another repository and are not scanned")
        location = self.root / path
        try:
            st = location.lstat()
        except OSError as exc:
            return FileEntry(path=path, size=0, content_id=f"git-blob:{blob}",
                             problem=f"tracked by git but missing from the work tree ({exc.strerror})",
                             problem_is_error=True)
        if mode == _SYMLINK_MODE or location.is_symlink():
            return FileEntry(path=path, size=0, content_id=f"git-blob:{blob}",
                             problem=f"symlink to '{os.readlink(location)}'; not followed")
        if modified:
            return self._reader.entry(path, st.st_size)
        entry = FileEntry(path=path, size=st.st_size, content_id=f"git-blob:{blob}")
        if st.st_size <= LFS_POINTER_MAX_BYTES:
            try:
                pointer = parse_lfs_pointer(self._reader.read(path))
            except ReadLimitError as exc:
                return FileEntry(path=path, size=st.st_size, content_id=entry.content_id, problem=str(exc))
            except OSError as exc:
                return FileEntry(path=path, size=st.st_size, content_id=entry.content_id,
                                 problem=f"cannot read: {exc.strerror or exc}", problem_is_error=True)
            if pointer is not None:
                return FileEntry(path=path, size=pointer.size, lfs=pointer, content_id=f"sha256:{pointer.oid}")
        return entry

    def read(self, path: str, max_bytes: int | None = None, offset: int = 0) -> bytes:
        return self._reader.read(path, max_bytes, offset)

    def local_path(self, path: str) -> Path | None:
        return self._reader.local_path(path)

    def reserve(self, path: str, size: int) -> bool:
        return self._reader.reserve(path, size)
