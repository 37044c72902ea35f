"""Plain folders: a directory walk that never follows a symlink."""

from __future__ import annotations

import configparser
import hashlib
import os
import posixpath
import stat
from pathlib import Path
from typing import Iterator

from ..constants import HASH_MAX_BYTES, MAX_SCAN_READ_BYTES
from ..errors import ReadLimitError, TargetNotFoundError
from ..models import FileEntry, TargetInfo
from .interface import LFS_POINTER_MAX_BYTES, Source, git_blob_id, parse_lfs_pointer

#: Version-control metadata folders: never part of the scanned content.
VCS_DIRS = frozenset({".git", ".hg", ".svn"})
_HASH_CHUNK = 8 * 1024 * 1024


def check_folder(root: Path) -> Path:
    """Return ``root`` resolved, or raise when it is not a folder.

    Raises:
        TargetNotFoundError: the path does not exist or is a file.
    """
    try:
        root.stat()
    except FileNotFoundError:
        raise TargetNotFoundError(f"Target '{root}' does not exist.", hint="Give the path of a folder to scan.") from None
    except OSError as exc:
        raise TargetNotFoundError(f"Target '{root}' cannot be accessed: {exc.strerror}.",
                                  hint="Check the permissions of the folder and its parents.") from None
    if not root.is_dir():
        raise TargetNotFoundError(
            f"Target '{root}' is a file, not a folder.", hint="Give the folder that holds the AI system."
        )
    return root.resolve()


class FileReader:
    """Reads files below a root without ever leaving it.

    Args:
        root: the folder files are read from.
        hash_large: also give files over ``HASH_MAX_BYTES`` a content id (``sha256:<hex>``, the
            id Git LFS gives them), which reads them whole; off by default, so that weights,
            archives and large data files cost a header read at most.
    """

    def __init__(self, root: Path, hash_large: bool = False, budget: int | None = None) -> None:
        self.root = root
        self.hash_large = hash_large
        self.budget = MAX_SCAN_READ_BYTES if budget is None else budget
        self.bytes_read = 0
        self._reserved: set[str] = set()

    def _charge(self, size: int) -> bool:
        if self.bytes_read + size > self.budget:
            return False
        self.bytes_read += size
        return True

    def reserve(self, path: str, size: int) -> bool:
        """Count the ``size`` bytes of ``path`` (a file about to be matched) against the scan's
        read budget once; False (nothing counted) when they do not fit. Later reads of ``path``
        are not counted again, whether they happen in this process or in a forked worker, so
        the outcome does not depend on ``--jobs``."""
        if path in self._reserved:
            return True
        if not self._charge(size):
            return False
        self._reserved.add(path)
        return True

    def _refused(self, path: str) -> ReadLimitError:
        return ReadLimitError(f"not read: the scan's read budget of {self.budget} bytes is used up "
                              "(OSAI_SCAN_MAX_READ_BYTES)")

    def local_path(self, path: str) -> Path:
        """The on-disk location of ``path``."""
        return self.root / path

    def read(self, path: str, max_bytes: int | None = None, offset: int = 0) -> bytes:
        """Read ``path``; refuses symlinks and anything that is not a regular file.

        Raises:
            OSError: missing, unreadable, a symlink or not a regular file.
        """
        location = self.local_path(path)
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(location, flags)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise OSError(f"{path}: not a regular file")
            wanted = max(st.st_size - offset, 0) if max_bytes is None else min(max_bytes, max(st.st_size - offset, 0))
            if path not in self._reserved and not self._charge(wanted):
                raise self._refused(path)
            with os.fdopen(fd, "rb", closefd=False) as handle:
                if offset:
                    handle.seek(offset)
                return handle.read() if max_bytes is None else handle.read(max_bytes)
        finally:
            os.close(fd)

    def _sha256(self, path: str) -> str:
        digest = hashlib.sha256()
        offset = 0
        while chunk := self.read(path, _HASH_CHUNK, offset):
            digest.update(chunk)
            offset += len(chunk)
        return digest.hexdigest()

    def entry(self, path: str, size: int) -> FileEntry:
        """Build the entry of a regular file: LFS pointer check and content id."""
        if size > HASH_MAX_BYTES:
            if not self.hash_large:
                return FileEntry(path=path, size=size)
            try:
                return FileEntry(path=path, size=size, content_id=f"sha256:{self._sha256(path)}")
            except ReadLimitError as exc:
                return FileEntry(path=path, size=size, problem=str(exc))
            except OSError as exc:
                return FileEntry(path=path, size=size, problem=f"cannot read: {exc.strerror or exc}",
                                 problem_is_error=True)
        try:
            data = self.read(path)
        except ReadLimitError as exc:
            return FileEntry(path=path, size=size, problem=str(exc))
        except OSError as exc:
            return FileEntry(path=path, size=size, problem=f"cannot read: {exc.strerror or exc}", problem_is_error=True)
        if size <= LFS_POINTER_MAX_BYTES:
            pointer = parse_lfs_pointer(data)
            if pointer is not None:
                return FileEntry(path=path, size=pointer.size, lfs=pointer, content_id=f"sha256:{pointer.oid}")
        return FileEntry(path=path, size=size, content_id=f"git-blob:{git_blob_id(data)}")


#: ``.gitmodules`` larger than this is not read for submodules.
MAX_GITMODULES_BYTES = 256 * 1024


class LocalSource(Source):
    """A plain folder (not a git work tree).

    Args:
        root: the folder to scan.
        given: the path as the user typed it (recorded in the report).
        hash_large: give files over 16 MiB a sha256 content id (reads them whole).
    """

    def __init__(self, root: Path, given: str | None = None, hash_large: bool = False) -> None:
        self.root = check_folder(root)
        self.given = given if given is not None else str(root)
        self._reader = FileReader(self.root, hash_large)

    def describe(self) -> TargetInfo:
        return TargetInfo(kind="local", name=self.root.name, path=self.given, vcs=None)

    def iter_files(self) -> Iterator[FileEntry]:
        seen: set[str] = set()
        for entry in self._walk(self.root, ""):
            seen.add(entry.path)
            yield entry
        yield from self._absent_submodules(seen)

    def _absent_submodules(self, seen: set[str]) -> Iterator[FileEntry]:
        """The submodules ``.gitmodules`` lists whose folders hold no file here (an exported or
        extracted tree): each is reported, as a git work tree reports its gitlinks, so that
        another repository's part of the system is never silently missing."""
        path = self.root / ".gitmodules"
        if ".gitmodules" not in seen or not path.is_file() or path.stat().st_size > MAX_GITMODULES_BYTES:
            return
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        try:
            parser.read_string(path.read_text(encoding="utf-8", errors="replace"))
        except (configparser.Error, OSError):
            return
        for section in parser.sections():
            rel = posixpath.normpath(parser.get(section, "path", fallback="").strip().strip("/"))
            if not rel or rel == "." or rel.startswith("../") or rel in seen or any(s.startswith(rel + "/") for s in seen):
                continue
            url = parser.get(section, "url", fallback="").strip()
            yield FileEntry(path=rel, size=0, problem=f"git submodule listed in .gitmodules ({url or 'no url'}), "
                                                      "not present in this folder: its files belong to another "
                                                      "repository and are not scanned")

    def _walk(self, folder: Path, prefix: str) -> Iterator[FileEntry]:
        try:
            with os.scandir(folder) as it:
                children = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield FileEntry(path=(prefix.rstrip("/") or "."), size=0,
                            problem=f"cannot list folder: {exc.strerror or exc}", problem_is_error=True)
            return
        for child in children:
            rel = prefix + child.name
            try:
                if child.is_symlink():
                    target = os.readlink(child.path)
                    inside = Path(os.path.realpath(child.path)).is_relative_to(self.root)
                    where = "inside" if inside else "outside"
                    yield FileEntry(path=rel, size=0,
                                    problem=f"symlink to '{target}' ({where} the scanned folder); not followed")
                elif child.is_dir(follow_symlinks=False):
                    if child.name not in VCS_DIRS:
                        yield from self._walk(Path(child.path), rel + "/")
                elif child.is_file(follow_symlinks=False):
                    yield self._reader.entry(rel, child.stat(follow_symlinks=False).st_size)
                else:
                    yield FileEntry(path=rel, size=0, problem="not a regular file (device, pipe or socket); not read")
            except OSError as exc:
                yield FileEntry(path=rel, size=0, problem=f"cannot stat: {exc.strerror or exc}", problem_is_error=True)

    def read(self, path: str, max_bytes: int | None = None, offset: int = 0) -> bytes:
        return self._reader.read(path, max_bytes, offset)

    def local_path(self, path: str) -> Path | None:
        return self._reader.local_path(path)

    def reserve(self, path: str, size: int) -> bool:
        return self._reader.reserve(path, size)
