"""A persistent, content-addressed cache of detections and labels (sqlite in the user cache folder).

A detection depends only on a file's bytes, its name (ScanCode's file typing looks at it),
the detection mode chosen for it, and the tools that produced it. The cache key is a digest of
exactly those: the content id (a git blob id or an LFS/sha256 oid), the file name, the mode,
osai-scan's version, ScanCode's version, a fingerprint of ScanCode's license index file (a
re-index with extra licenses changes it) and the rules digest. Nothing else goes in, so a
re-scan of unchanged content answers from here without importing ScanCode.

Labels (classifications) are cached too, since content rules read a file's head: a label
depends on the path, the size, the content, the names of the files in the same folder (for
sibling conditions) and the rules, and its key is a digest of exactly those plus osai-scan's
version. Files without a content id (large files) are classified afresh each time.

A partial result (the per-file time budget ran out) is stored under a second key that adds the
budget: a re-scan with the same ``--timeout`` reuses it (and reports the file as partial
again), while a re-scan with another budget matches the file again. A complete result is
always preferred. Only the scanning process writes; workers send their results back to it.
Several scans may share one cache file (sqlite WAL mode).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Iterable, TypeVar

from ..constants import CACHE_DIR_ENV
from ..models import Classification, Detection, from_dict, to_dict

_LOG = logging.getLogger(__name__)
_R = TypeVar("_R")

#: Bump when the stored format or the meaning of a key changes.
CACHE_FORMAT = 4
_FILE_NAME = f"detections-v{CACHE_FORMAT}.sqlite3"
#: Keys per SELECT (sqlite's default limit on bound parameters is 999 on old builds).
_BATCH = 500


def default_cache_dir() -> Path:
    """``$OSAI_SCAN_CACHE_DIR`` if set, else the platform's user cache folder for osai-scan."""
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs

    return platformdirs.user_cache_path("osai-scan")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "unknown"


def scancode_index_fingerprint() -> str:
    """Size and mtime of ScanCode's license index file, found without importing ScanCode."""
    env = os.environ.get("SCANCODE_LICENSE_INDEX_CACHE")  # how scancode_config lets users move it
    if env:
        folder = Path(env)
    else:
        spec = importlib.util.find_spec("licensedcode")
        if spec is None or not spec.submodule_search_locations:
            return "absent"
        folder = Path(list(spec.submodule_search_locations)[0]) / "data" / "cache"
    try:
        stats = sorted((p.relative_to(folder).as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
                       for p in folder.rglob("*") if p.is_file())
    except OSError:
        return "unreadable"
    return hashlib.sha256(repr(stats).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class CacheContext:
    """What, besides the content, a detection depends on."""

    osai_scan_version: str
    scancode_version: str
    index_fingerprint: str
    rules_digest: str

    @classmethod
    def current(cls, rules_digest: str) -> CacheContext:
        """The context of this installation with the given rules digest."""
        return cls(osai_scan_version=_version("osai-scan"), scancode_version=_version("scancode-toolkit"),
                   index_fingerprint=scancode_index_fingerprint(), rules_digest=rules_digest)

    def key(self, content_id: str, name: str, mode: str) -> str:
        """The cache key of one file's detection."""
        parts = (str(CACHE_FORMAT), self.osai_scan_version, self.scancode_version, self.index_fingerprint,
                 self.rules_digest, mode, name.lower(), content_id)
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()

    def label_key(self, path: str, size: int, content_id: str, folder_names: str) -> str:
        """The cache key of one file's label; ``folder_names`` is a digest of its folder's file names."""
        parts = (str(CACHE_FORMAT), "label", self.osai_scan_version, self.rules_digest, path, str(size),
                 content_id, folder_names)
        return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()

    @staticmethod
    def partial_key(key: str, budget: float) -> str:
        """The key under which a partial result obtained with ``budget`` seconds is stored."""
        return hashlib.sha256(f"{key}\0partial\0{budget!r}".encode()).hexdigest()


#: Seconds a process waits for another that holds the cache file's lock.
_LOCK_TIMEOUT = 30.0


class DetectionCache:
    """Detections stored by key in one sqlite file.

    Args:
        folder: where the sqlite file lives (created if needed).

    Raises:
        OSError: the folder cannot be created.
        sqlite3.Error: the database cannot be opened.
    """

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / _FILE_NAME
        self._db = sqlite3.connect(self.path, timeout=_LOCK_TIMEOUT)
        # Processes that open a new cache file at the same moment (the workers of a batch) can get
        # "database is locked" at once, without sqlite's busy timeout: setting up WAL mode is
        # retried until the timeout (8 of 120 opens by 4 processes at once failed without it).
        deadline = time.monotonic() + _LOCK_TIMEOUT
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("CREATE TABLE IF NOT EXISTS detections (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                self._db.execute("CREATE TABLE IF NOT EXISTS labels (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                self._db.commit()
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    self._db.close()
                    raise
                self._db.rollback()
                time.sleep(0.02)

    @classmethod
    def open(cls, folder: Path | None) -> DetectionCache | None:
        """Open the cache in ``folder`` (the default folder when None); None if impossible."""
        folder = folder if folder is not None else default_cache_dir()
        try:
            return cls(folder)
        except (OSError, sqlite3.Error) as exc:
            _LOG.warning("osai-scan: cache disabled, cannot open %s: %s", folder, exc)
            return None

    def get_many(self, keys: Iterable[str]) -> dict[str, Detection]:
        """The stored detections of those keys that are present."""
        return self._get("detections", Detection, keys)

    def put_many(self, items: Iterable[tuple[str, Detection]]) -> int:
        """Store detections by key; returns how many were stored."""
        return self._put("detections", items)

    def get_labels(self, keys: Iterable[str]) -> dict[str, Classification]:
        """The stored labels of those keys that are present."""
        return self._get("labels", Classification, keys)

    def put_labels(self, items: Iterable[tuple[str, Classification]]) -> int:
        """Store labels by key; returns how many were stored."""
        return self._put("labels", items)

    def _get(self, table: str, kind: type[_R], keys: Iterable[str]) -> dict[str, _R]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, _R] = {}
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start:start + _BATCH]
            marks = ",".join("?" * len(batch))
            try:
                rows = self._db.execute(f"SELECT key, value FROM {table} WHERE key IN ({marks})", batch)
                for key, value in rows:
                    found[key] = from_dict(kind, json.loads(value))
            except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
                _LOG.warning("osai-scan: ignoring unreadable cache entries in %s: %s", self.path, exc)
        return found

    def _put(self, table: str, items: Iterable[tuple[str, object]]) -> int:
        rows = [(key, json.dumps(to_dict(value), sort_keys=True)) for key, value in items]
        try:
            with self._db:
                self._db.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", rows)
        except sqlite3.Error as exc:
            _LOG.warning("osai-scan: could not write the cache %s: %s", self.path, exc)
            return 0
        return len(rows)

    def close(self) -> None:
        """Close the database."""
        self._db.close()


__all__ = ["CacheContext", "DetectionCache", "default_cache_dir", "scancode_index_fingerprint"]
