"""Hugging Face Hub model and dataset repositories, read through the real ``huggingface_hub`` client.

The inventory is the Hub's file list with metadata (sizes, blob ids, LFS sha256) at the commit
the asked revision resolves to. Only what license evidence needs is transferred:

* small files (at most ``max_file_download`` bytes each, ``max_download`` bytes in all) are
  downloaded with ``hf_hub_download`` pinned to the resolved commit SHA, so the client's cache
  serves re-scans and a cached copy can never stand in for another commit;
* ``.safetensors`` and ``.gguf`` files are never downloaded: their headers are read with
  exact HTTP range requests (``hub_http.ranged_get``): the bytes the header parser asks for,
  nothing read ahead, at most ``MAX_HEADER_BYTES`` per file;
* anything else above the per-file cap is listed with status ``skipped`` and the reason.

Nothing downloaded is executed, imported or unpickled.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterator, TypeVar

from huggingface_hub import (
    HfApi,
    get_hf_file_metadata,
    get_session,
    hf_hub_download,
    hf_hub_url,
    try_to_load_from_cache,
)
from huggingface_hub.utils import build_hf_headers

from ..constants import (
    HUB_READ_AHEAD,
    MAX_HEADER_BYTES,
)
from ..errors import (
    DownloadCapExceededError,
    HubDeadlineError,
    HubError,
    HubUnavailableError,
)
from ..models import FileEntry, LfsPointer, TargetInfo, Transfer
from .hub_http import RetryPolicy, call_with_retries, ranged_get
from .hub_options import HubOptions, hub_endpoint, with_endpoint
from .hub_transport import RequestBudget, budget, install_timeouts
from .interface import HostModelInfo, RemoteCard, Source

T = TypeVar("T")

#: Weight and data formats whose headers are read with range requests and never downloaded.
HEADER_EXTS = frozenset({"safetensors", "gguf", "parquet"})
#: A commit id as the Hub gives it.
_COMMIT = re.compile(r"[0-9a-f]{40}")
#: Files the Hub serves even when a repository is gated (its model card).
_CARD_FILES = frozenset({"README.md", ".gitattributes"})


def unsafe_path(path: str) -> str | None:
    """Why a path from a Hub listing cannot be fetched safely, or None when it can.

    A path is used in a URL (``/{repo}/resolve/{commit}/{path}``) and in the local cache, so one
    that climbs (``..``), starts at the root, or has empty or ``.`` segments could address
    another repository or revision, or a file outside the cache folder.
    """
    if not path or "\0" in path:
        return "an empty path or one holding a NUL byte"
    if path.startswith(("/", "\\")):
        return "an absolute path"
    segments = path.replace("\\", "/").split("/")
    if ".." in segments:
        return "a path that climbs out of the repository ('..')"
    if any(s in ("", ".") for s in segments):
        return "a path with empty or '.' segments"
    return None


def _ext(path: str) -> str:
    name = PurePosixPath(path).name.lower()
    return name.rsplit(".", 1)[-1] if "." in name else ""


def _host_info(info: Any, where: str) -> HostModelInfo:
    """The framework facts of a ``ModelInfo`` (any field may be missing or malformed)."""
    def text(value: Any) -> str | None:
        return value.strip() if isinstance(value, str) and value.strip() else None

    transformers_info = getattr(info, "transformers_info", None)
    config = getattr(info, "config", None)
    architectures = config.get("architectures") if isinstance(config, dict) else None
    return HostModelInfo(
        library_name=text(getattr(info, "library_name", None)), pipeline_tag=text(getattr(info, "pipeline_tag", None)),
        auto_model=text(getattr(transformers_info, "auto_model", None)),
        architectures=tuple(str(a) for a in architectures) if isinstance(architectures, list) else (), where=where)


@dataclass(slots=True)
class TransferStats:
    """What a Hub source transferred (cached files cost nothing)."""

    files_downloaded: int = 0
    bytes_downloaded: int = 0
    ranges: int = 0
    bytes_ranged: int = 0
    files_from_cache: int = 0

    @property
    def total_bytes(self) -> int:
        """Bytes transferred in file bodies and ranges."""
        return self.bytes_downloaded + self.bytes_ranged


class HubSource(Source):
    """A model or dataset repository on a Hugging Face Hub.

    Args:
        repo_id: ``ORG/NAME``.
        repo_type: ``model`` or ``dataset`` (``hf:datasets/ORG/NAME``).
        revision: branch, tag or commit; None means the default branch (``main``).
        options: endpoint, token and transfer caps.

    Raises:
        UsageError: ``repo_id`` is not a valid Hub repository id.
    """

    remote = True

    def __init__(self, repo_id: str, revision: str | None = None, options: HubOptions | None = None,
                 repo_type: str = "model") -> None:
        from huggingface_hub.errors import HFValidationError
        from huggingface_hub.utils import validate_repo_id

        from ..errors import UsageError

        try:
            validate_repo_id(repo_id)
        except HFValidationError as exc:
            raise UsageError(f"'{repo_id}' is not a Hub repository id ({exc}).",
                             hint="Write it as ORG/NAME, e.g. hf:openai-community/gpt2.") from None
        self.repo_id = repo_id
        self.repo_type = repo_type
        self._page = f"{'datasets/' if repo_type == 'dataset' else ''}{repo_id}"
        self.revision = revision
        self.options = options or HubOptions()
        self.endpoint = hub_endpoint(self.options.endpoint)
        self.policy = self.options.retry or RetryPolicy(timeout=self.options.timeout)
        install_timeouts(self.options.timeout)
        self._api = HfApi(endpoint=self.endpoint, token=self.options.token)
        self._lock = threading.RLock()
        self._commit: str | None = None
        self._gated: str | None = None
        self._info: HostModelInfo | None = None
        self._entries: dict[str, FileEntry] = {}
        self._local: dict[str, Path] = {}
        self._ranges: dict[str, tuple[int, bytes]] = {}
        self._ranged_per_file: dict[str, int] = {}
        self.stats = TransferStats()
        self._hub_seconds = 0.0
        self._failed: dict[str, str] = {}

    # -- requests ----------------------------------------------------------------------------

    def _call(self, call: Callable[[], T], what: str, repo_id: str | None = None, max_body: int | None = None,
              arrived: list[int] | None = None, files: bool = False) -> T:
        """One Hub operation under the one retry policy, within the scan's Hub time budget.

        Each attempt gets its own ``RequestBudget`` (``max_body`` bytes of file body at most);
        the file body bytes that arrived over all attempts are added to ``arrived[0]``.
        """
        started = time.monotonic()
        with self._lock:
            left = max(self.options.scan_deadline - self._hub_seconds, 0.0)
        ends_at = started + left

        def attempt() -> T:
            limits = RequestBudget(endpoint=self.endpoint, files=files, request_deadline=self.options.request_deadline,
                                   ends_at=ends_at, max_body=max_body, max_pages=self.options.max_pages,
                                   max_api_bytes=self.options.max_api_bytes)
            try:
                with budget(limits):
                    return call()
            finally:
                if arrived is not None:
                    arrived[0] += limits.body_bytes

        try:
            return call_with_retries(attempt, what=what, repo_id=repo_id or self.repo_id, endpoint=self.endpoint,
                                     revision=self.revision or "main", policy=self.policy, ends_at=ends_at,
                                     budget_seconds=self.options.scan_deadline)
        finally:
            with self._lock:
                self._hub_seconds += time.monotonic() - started

    def _file_call(self, call: Callable[[], T], what: str, path: str, max_body: int, arrived: list[int]) -> T:
        """A read of one file: what fails for this file alone becomes an OSError (the file is an error).

        The failure is remembered: later reads of the file fail at once, with no new request.
        """
        failed = self._failed.get(path)
        if failed is not None:
            raise OSError(failed)
        try:
            return self._call(call, what, max_body=max_body, arrived=arrived, files=True)
        except HubDeadlineError:
            raise
        except HubUnavailableError as exc:
            self._failed[path] = exc.message
            raise OSError(exc.message) from exc

    def _load(self) -> None:
        try:
            self._list()
        except HubError:
            raise
        except (OSError, TypeError, ValueError, AttributeError, KeyError) as exc:
            # An answer the client could not make sense of (not JSON, siblings that are not entries, ...).
            raise HubUnavailableError(
                f"The Hub at {self.endpoint} did not serve a usable file list of '{self.repo_id}' "
                f"({str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__}).",
                repo_id=self.repo_id, hint="Check that HF_ENDPOINT points at a Hub.") from exc

    def _list(self) -> None:
        with self._lock:
            if self._commit is not None:
                return
            fetch = self._api.dataset_info if self.repo_type == "dataset" else self._api.model_info
            info = self._call(lambda: fetch(self.repo_id, revision=self.revision, files_metadata=True),
                              "the file list")
            if not isinstance(info.sha, str) or not _COMMIT.fullmatch(info.sha):
                raise HubUnavailableError(f"The Hub at {self.endpoint} did not say which commit revision "
                                          f"'{self.revision or 'main'}' of '{self.repo_id}' is.",
                                          repo_id=self.repo_id, hint="Check that HF_ENDPOINT points at a Hub.")
            commit = info.sha
            siblings = info.siblings or []
            if any(s.size is None for s in siblings):
                entries = [self._entry_from_tree(f) for f in self._call(
                    lambda: [f for f in self._api.list_repo_tree(self.repo_id, revision=commit, recursive=True,
                                                                        repo_type=self.repo_type)
                             if hasattr(f, "blob_id")], "the file list")]
            else:
                entries = [self._entry_from_sibling(s) for s in siblings]
            self._entries = {e.path: e for e in entries}
            self._gated = info.gated or None
            if self.repo_type == "model":
                self._info = _host_info(info, f"Hub model info of '{self.repo_id}' at {commit}")
            if self._gated:
                self._check_gate_access(commit)
            self._commit = commit

    def _entry(self, path: str, size: int, blob_id: str | None, lfs: Any) -> FileEntry:
        unsafe = unsafe_path(path)
        if unsafe is not None:
            return FileEntry(path=path, size=max(int(lfs.size if lfs is not None else size), 0), problem_is_error=True,
                             problem=f"not fetched: the Hub's file list gives {unsafe}, which could address "
                                     "another repository or a file outside the cache")
        problem = None
        real_size = lfs.size if lfs is not None else size
        if _ext(path) not in HEADER_EXTS and real_size > self.options.max_file_download:
            problem = (f"not downloaded from the Hub: {real_size} bytes, over the per-file download cap of "
                       f"{self.options.max_file_download} bytes (--max-download-file)")
        if lfs is not None:
            return FileEntry(path=path, size=lfs.size, content_id=f"sha256:{lfs.sha256}",
                             lfs=LfsPointer(oid=lfs.sha256, size=lfs.size), lfs_served=True, problem=problem)
        return FileEntry(path=path, size=size, content_id=f"git-blob:{blob_id}" if blob_id else None,
                         problem=problem)

    def _entry_from_sibling(self, sibling: Any) -> FileEntry:
        return self._entry(sibling.rfilename, int(sibling.size or 0), sibling.blob_id, sibling.lfs)

    def _entry_from_tree(self, item: Any) -> FileEntry:
        return self._entry(item.path, int(item.size or 0), item.blob_id, item.lfs)

    def _check_gate_access(self, commit: str) -> None:
        """Fail now, before any detection work, when the files behind a gate cannot be read."""
        behind = sorted((e for e in self._entries.values() if e.path not in _CARD_FILES),
                        key=lambda e: (e.lfs is not None, e.path))
        if not behind:
            return
        url = hf_hub_url(self.repo_id, behind[0].path, revision=commit, endpoint=self.endpoint,
                         repo_type=self.repo_type)
        self._call(lambda: get_hf_file_metadata(url, token=self.options.token, endpoint=self.endpoint),
                   f"'{behind[0].path}'", max_body=0, files=True)

    # -- Source ----------------------------------------------------------------------------------

    @property
    def commit(self) -> str:
        """The commit SHA the revision resolved to (lists the repository on first use)."""
        self._load()
        assert self._commit is not None
        return self._commit

    def describe(self) -> TargetInfo:
        """Kind hub, the repo id, the revision asked (``main`` by default) and the commit resolved."""
        return TargetInfo(kind="hub", name=self._page, repo_id=self.repo_id, revision=self.revision or "main",
                          commit=self.commit, url=f"{self.endpoint}/{self._page}/tree/{self.commit}")

    def iter_files(self) -> Iterator[FileEntry]:
        """Every file of the repository at the resolved commit."""
        self._load()
        yield from self._entries.values()

    def model_info(self) -> HostModelInfo | None:
        """The Hub's own model info: library_name, pipeline_tag, transformers_info, config architectures."""
        self._load()
        return self._info

    def transfer(self) -> Transfer:
        """Files downloaded and header bytes ranged so far (cached files cost nothing)."""
        st = self.stats
        return Transfer(files_downloaded=st.files_downloaded, bytes_downloaded=st.bytes_downloaded,
                        files_from_cache=st.files_from_cache, header_ranges=st.ranges, header_bytes=st.bytes_ranged)

    def gate(self) -> str | None:
        """The repository's gate on the Hub: "auto", "manual", or None."""
        self._load()
        return str(self._gated) if self._gated else None

    def read(self, path: str, max_bytes: int | None = None, offset: int = 0) -> bytes:
        """Read bytes of ``path``: from the downloaded copy, or a bounded range for weights and LFS files.

        Raises:
            OSError: the file is not in the repository, or is over the per-file cap.
            HubError: the Hub failed (after retries), is gated, or the total cap would be crossed.
        """
        entry = self._get(path)
        if entry.problem is not None:
            raise OSError(entry.problem)
        with self._lock:
            local = self._local.get(path)
        if local is None:
            ranged = _ext(path) in HEADER_EXTS or (entry.lfs is not None and max_bytes is not None
                                                    and max_bytes <= HUB_READ_AHEAD)
            if ranged:
                if max_bytes is None:
                    raise OSError(f"'{path}' is a weights file: it is never downloaded whole")
                return self._read_range(entry, offset, max_bytes)
            local = self._download(entry)
        with local.open("rb") as handle:
            handle.seek(offset)
            return handle.read() if max_bytes is None else handle.read(max_bytes)

    def local_path(self, path: str) -> Path | None:
        """The downloaded copy of a small file: its blob in the huggingface_hub cache (downloads it if needed)."""
        entry = self._get(path)
        if entry.problem is not None or _ext(path) in HEADER_EXTS:
            return None
        return self._download(entry)

    def lookup_card(self, repo_type: str, repo_id: str) -> RemoteCard:
        """Card metadata of another model or dataset on the same Hub (never its files)."""
        from huggingface_hub.errors import HFValidationError
        from huggingface_hub.utils import validate_repo_id

        from ..errors import HubRateLimitedError

        not_an_id = "not a Hub repository id; not looked up"
        url = f"{self.endpoint}/{'datasets/' if repo_type == 'dataset' else ''}{repo_id}"
        try:  # a card value that is not a repo id is never sent to the Hub
            validate_repo_id(repo_id)
            if repo_id.count("/") != 1:
                raise HFValidationError("a Hub repository id is ORG/NAME")
        except HFValidationError:
            return RemoteCard(repo_type=repo_type, repo_id=repo_id, url=url, error=not_an_id)
        expand = ["cardData", "gated", "sha"]
        fetch = self._api.dataset_info if repo_type == "dataset" else self._api.model_info
        try:
            info = self._call(lambda: fetch(repo_id, expand=expand), "the card metadata", repo_id=repo_id)
        except HFValidationError:
            return RemoteCard(repo_type=repo_type, repo_id=repo_id, url=url, error=not_an_id)
        except HubDeadlineError:
            raise
        except OSError as exc:  # anything about this one card that is not a Hub failure
            return RemoteCard(repo_type=repo_type, repo_id=repo_id, url=url, error=str(exc))
        except (HubUnavailableError, HubRateLimitedError) as exc:
            return RemoteCard(repo_type=repo_type, repo_id=repo_id, url=url, error=exc.message, transient=True)
        except HubError as exc:
            return RemoteCard(repo_type=repo_type, repo_id=repo_id, url=url, error=exc.message)
        card = info.card_data.to_dict() if info.card_data is not None else None
        return RemoteCard(repo_type=repo_type, repo_id=repo_id, url=f"{url}/tree/{info.sha}" if info.sha else url,
                          commit=info.sha, card=card, gated=str(info.gated) if info.gated else None)

    # -- transfers -------------------------------------------------------------------------------

    def _get(self, path: str) -> FileEntry:
        self._load()
        try:
            return self._entries[path]
        except KeyError:
            raise FileNotFoundError(f"'{path}' is not in {self.repo_id} at {self._commit}") from None

    def _spend(self, size: int, path: str) -> None:
        cap = self.options.max_download
        if self.stats.total_bytes + size > cap:
            raise DownloadCapExceededError(
                f"Reading '{path}' ({size} bytes) would take the scan of '{self.repo_id}' past its "
                f"{cap}-byte download cap ({self.stats.total_bytes} bytes transferred so far).",
                repo_id=self.repo_id, cap=cap, path=path,
                hint="Raise the cap with --max-download (e.g. --max-download 256MiB).")

    def _download(self, entry: FileEntry) -> Path:
        if entry.problem is not None:
            raise OSError(entry.problem)
        with self._lock:
            if entry.path in self._local:
                return self._local[entry.path]
            cached = try_to_load_from_cache(self.repo_id, entry.path, cache_dir=self.options.cache_dir,
                                            revision=self.commit, repo_type=self.repo_type)
            if isinstance(cached, str):
                self.stats.files_from_cache += 1
            else:
                self._spend(entry.size, entry.path)
                arrived = [0]
                try:
                    # The body may not exceed the listed size: a longer one is cut off where it crosses it.
                    cached = self._file_call(lambda: hf_hub_download(
                        self.repo_id, entry.path, revision=self.commit, endpoint=self.endpoint,
                        token=self.options.token, cache_dir=self.options.cache_dir, repo_type=self.repo_type),
                        f"'{entry.path}'", entry.path, max_body=entry.size, arrived=arrived)
                finally:
                    self.stats.bytes_downloaded += arrived[0]  # what arrived, whether or not the download succeeded
                self.stats.files_downloaded += 1
            # The cache's snapshot entry is a symlink to a blob; ScanCode does not follow symlinks.
            local = Path(str(cached)).resolve()
            if not local.is_relative_to(self._cache_root()):
                raise OSError(f"the cached copy of '{entry.path}' lies outside the Hub cache folder; not read")
            if local.stat().st_size != entry.size:
                raise OSError(f"downloaded copy of '{entry.path}' has {local.stat().st_size} bytes, "
                              f"the Hub lists {entry.size}")
            self._local[entry.path] = local
            return local

    def _read_range(self, entry: FileEntry, offset: int, size: int) -> bytes:
        size = min(size, entry.size - offset)
        if size <= 0:
            return b""
        with self._lock:
            start, data = self._ranges.get(entry.path, (0, b""))
            if start <= offset and offset + size <= start + len(data):
                return data[offset - start:offset - start + size]
            want = size  # exact: the header readers ask for what they need, nothing is read ahead
            used = self._ranged_per_file.get(entry.path, 0)
            if used + want > MAX_HEADER_BYTES + 8:
                raise OSError(f"header of '{entry.path}' needs more than {MAX_HEADER_BYTES} bytes; not read")
            self._spend(want, entry.path)
            url = hf_hub_url(self.repo_id, entry.path, revision=self.commit, endpoint=self.endpoint,
                             repo_type=self.repo_type)
            headers = build_hf_headers(token=self.options.token)
            arrived = [0]
            try:
                got = self._file_call(lambda: ranged_get(get_session(), url, headers, offset, want),
                                      f"bytes {offset}-{offset + want - 1} of '{entry.path}'", entry.path,
                                      max_body=want, arrived=arrived)
            finally:
                self.stats.bytes_ranged += arrived[0]
                self._ranged_per_file[entry.path] = used + arrived[0]
            self._ranges[entry.path] = (offset, got)
            self.stats.ranges += 1
            return got[:size]

    def _cache_root(self) -> Path:
        from huggingface_hub import constants

        return Path(self.options.cache_dir or constants.HF_HUB_CACHE).resolve()


__all__ = ["HEADER_EXTS", "HubOptions", "HubSource", "TransferStats", "hub_endpoint", "with_endpoint"]
