"""The Source interface: a target turned into files and a way to read them."""

from __future__ import annotations

import hashlib
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..constants import CLASSIFY_HEAD_BYTES
from ..models import FileEntry, LfsPointer, TargetInfo, Transfer

_LFS_HEADER = b"version https://git-lfs.github.com/spec/v1"
#: Git LFS pointer files are small; anything larger is real content.
LFS_POINTER_MAX_BYTES = 1024
#: A pointer's size: ASCII digits, at most 19 (below 2**63); a longer "size" is not a pointer.
_SIZE = re.compile(r"[0-9]{1,19}")


@dataclass(frozen=True, slots=True, kw_only=True)
class RemoteCard:
    """Card metadata of another repository on the same Hub (a base model, a dataset).

    Attributes:
        repo_type: "model" or "dataset".
        repo_id: the repository id.
        url: its page.
        commit: the commit the metadata was read at, when known.
        card: the card's YAML metadata, or None when it has none or could not be read.
        gated: the repository's gate ("auto", "manual") or None.
        error: why the metadata could not be read, or None.
        transient: True when the failure may pass (rate limit, server error): the scan is incomplete.
    """

    repo_type: str
    repo_id: str
    url: str
    commit: str | None = None
    card: dict[str, Any] | None = None
    gated: str | None = None
    error: str | None = None
    transient: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class HostModelInfo:
    """What the host (the Hub) infers about a model repository, beyond its card.

    The Hub reports these from the repository's files (config.json, model_index.json, file
    names), also when the card's front matter sets none of them.

    Attributes:
        library_name: the framework the Hub says loads the model, or None.
        pipeline_tag: the task, or None.
        auto_model: ``transformers_info.auto_model`` (a Transformers class), or None.
        architectures: ``config.architectures`` as the Hub read it.
        where: what the facts were read from (``Hub model info of ORG/NAME at <commit>``).
    """

    library_name: str | None = None
    pipeline_tag: str | None = None
    auto_model: str | None = None
    architectures: tuple[str, ...] = ()
    where: str = "Hub model info"


class Source(ABC):
    """Where files come from. A new kind of target implements these methods."""

    @abstractmethod
    def describe(self) -> TargetInfo:
        """Say what is being scanned (kind, name, revision, commit)."""

    @abstractmethod
    def iter_files(self) -> Iterator[FileEntry]:
        """Yield every file of the target once, in any order."""

    @abstractmethod
    def read(self, path: str, max_bytes: int | None = None, offset: int = 0) -> bytes:
        """Read up to ``max_bytes`` bytes of ``path`` from ``offset`` (all when None).

        Raises:
            OSError: the file cannot be read.
        """

    def local_path(self, path: str) -> Path | None:
        """A local file holding the content of ``path``, when there is one (for ScanCode)."""
        return None

    def reserve(self, path: str, size: int) -> bool:
        """Count the ``size`` bytes of ``path`` (a file about to be matched by ScanCode) against
        the scan's read budget; False when they do not fit. Sources without a budget (the Hub
        has its own download caps) always say True."""
        return True

    #: True for sources that transfer over a network (their ``stats`` say how much).
    remote: bool = False

    def head(self, path: str) -> bytes | None:
        """The first ``CLASSIFY_HEAD_BYTES`` of ``path`` for content signals; None when unreadable."""
        try:
            return self.read(path, CLASSIFY_HEAD_BYTES, 0)
        except OSError:
            return None

    @property
    def untracked(self) -> tuple[str, ...]:
        """Files listed although version control does not track them (git work trees)."""
        return ()

    @property
    def complete(self) -> bool:
        """False when the source knows it could not list everything."""
        return True

    def model_info(self) -> HostModelInfo | None:
        """What the host infers about the repository (framework, task); None for local sources."""
        return None

    def transfer(self) -> Transfer | None:
        """What the source transferred over the network so far; None for local sources."""
        return None

    def gate(self) -> str | None:
        """The access gate the target's host puts before its files ("auto", "manual"), if any."""
        return None

    def lookup_card(self, repo_type: str, repo_id: str) -> RemoteCard | None:
        """Card metadata of another repository on the same host; None when the source cannot look."""
        return None


def parse_lfs_pointer(data: bytes) -> LfsPointer | None:
    """Return the pointer when ``data`` is a Git LFS pointer file, else None."""
    if not data.startswith(_LFS_HEADER) or len(data) > LFS_POINTER_MAX_BYTES:
        return None
    oid = size = None
    for line in data.decode("ascii", "replace").splitlines():
        key, _, value = line.partition(" ")
        if key == "oid" and value.startswith("sha256:"):
            oid = value[len("sha256:"):].strip()
        elif key == "size" and _SIZE.fullmatch(value.strip()):
            size = int(value.strip())
    if oid is None or size is None:
        return None
    return LfsPointer(oid=oid, size=size)


def git_blob_id(data: bytes) -> str:
    """The id git gives a blob with this content (so local and git scans agree)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()
