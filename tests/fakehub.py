"""A fake Hugging Face Hub on loopback, for tests that drive the real ``huggingface_hub`` client.

Repos are plain directories: ``root/<org>/<name>/`` is a model repo and ``root/datasets/<org>/<name>/``
a dataset repo. An optional ``.fakehub.yaml`` in a repo (never served as a repo file) sets::

    sha: "<40 hex>"            # commit of "main"; default sha1(repo_id). Quote hex values in YAML.
    revisions: {v1.0: "<sha>"} # extra branches; any other revision is RevisionNotFound
    gated: false|auto|manual   # reported by the info API; resolve of gated files answers 401/403 GatedRepo
    gated_open: [README.md]    # files of a gated repo readable without access (the Hub serves the card)
    private: false             # true: every request answers 401 RepoNotFound, unless the token is authorized
    disabled: false            # true: resolve answers 403 "Access to this resource is disabled."
    authorized_tokens: [hf_x]  # Bearer tokens that may read a gated or private repo
    kind: model|dataset        # a repo outside datasets/ may declare itself a dataset
    lfs: ["*.safetensors"]     # files served as LFS (default below, plus any file > 10 MiB)
    lfs_sha256: {path: hex}    # skip hashing big (sparse) files
    info: {downloads: 5}       # extra/overriding keys merged into the info JSON
    listing_extra: ["../x"]    # paths listed (100 bytes each; LFS for weights) that no file backs: hostile listings

LFS files answer ``302`` to ``/_lfs/<sha256>?...`` on the same server. By default the ``Location`` uses the
other loopback name (``localhost`` when the endpoint is ``127.0.0.1``): a different origin, like the Hub's CDN,
so ``get_hf_file_metadata`` stops at the 302 and reads ``X-Linked-Etag``/``X-Linked-Size`` from it. With
``lfs_origin="same"`` the redirect is relative; the client then follows it with its HEAD, so the ``/_lfs``
answer also carries ``X-Repo-Commit``.

File bodies are streamed from disk in chunks, honouring one ``Range: bytes=a-b``; big sparse files are fine.

A misbehaving Hub is one ``inject()`` away: besides errors, stalls and cut bodies, it can drip its
answers a byte at a time, send bodies larger than it lists, redirect in a loop or to another host
(``/_away/...`` on the other loopback name serves the same content and records who asked), hand out
next-page links that loop or leave for another host, and list files without sizes (which makes a
client fall back to the paginated tree listing).
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
import socket
import socketserver
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import yaml

CONFIG_NAME = ".fakehub.yaml"
DEFAULT_LFS_PATTERNS = ("*.safetensors", "*.gguf", "*.bin", "*.pt", "*.onnx", "*.h5")
LFS_SIZE_THRESHOLD = 10 * 1024 * 1024
DEFAULT_PAGE_SIZE = 50
CHUNK = 64 * 1024
FAULTS = ("gated", "not-found", "revision-not-found", "rate-limit", "server-error", "truncate", "stall",
          "drip", "oversize", "gzip", "redirect-loop", "redirect-away", "page-loop", "page-away", "no-sizes")
#: Faults that only ever hit some requests: body GETs, tree pages, the info API.
_BODY_FAULTS = ("truncate", "oversize", "gzip")
_TREE_FAULTS = ("page-loop", "page-away")
# Request kinds a fault can be limited to with ``inject(..., on=...)``.
KINDS = ("info", "tree", "paths-info", "refs", "head", "get", "lfs")
RECORDED_HEADERS = ("host", "range", "authorization", "accept-encoding", "content-type")
FIXED_LAST_MODIFIED = "2024-01-01T00:00:00.000Z"
FIXED_CREATED_AT = "2023-01-01T00:00:00.000Z"

_hash_cache: dict[tuple[str, str, int, int], str] = {}
_hash_lock = threading.Lock()


def git_blob_sha1(data: bytes) -> str:
    """Return the git blob id of ``data`` (``sha1(b"blob <size>\\0" + data)``)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def lfs_pointer(sha256: str, size: int) -> bytes:
    """Return the git-lfs pointer file text for a blob."""
    return f"version https://git-lfs.github.com/spec/v1\noid sha256:{sha256}\nsize {size}\n".encode()


def _file_hash(path: Path, algo: str) -> str:
    """Hash a file by streaming it once; cached per path, size and mtime."""
    st = path.stat()
    key = (algo, str(path), st.st_size, st.st_mtime_ns)
    with _hash_lock:
        if key in _hash_cache:
            return _hash_cache[key]
    h = hashlib.sha1(b"blob %d\0" % st.st_size) if algo == "git" else hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    with _hash_lock:
        _hash_cache[key] = h.hexdigest()
    return _hash_cache[key]


def parse_card_data(readme: Path) -> dict | None:
    """Parse the YAML front matter of a README.md (first 1 MiB); None if absent or not a mapping."""
    if not readme.is_file():
        return None
    with readme.open("rb") as f:
        text = f.read(1 << 20).decode("utf-8", "replace")
    m = re.match(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|\Z)", text, re.S)
    if not m:
        return None
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


@dataclass
class FileEntry:
    """One file of a repo as the Hub describes it."""

    path: str
    abspath: Path
    size: int
    is_lfs: bool
    sha256_override: str | None = None
    fake: bool = False  # listed only (``listing_extra``): no content behind it

    @property
    def sha256(self) -> str:
        """sha256 of the content (LFS oid)."""
        return self.sha256_override or _file_hash(self.abspath, "sha256")

    @property
    def pointer(self) -> bytes:
        """The LFS pointer text (only meaningful for LFS files)."""
        return lfs_pointer(self.sha256, self.size)

    @property
    def oid(self) -> str:
        """Git blob id: of the content, or of the LFS pointer for LFS files."""
        if self.fake and not self.is_lfs:
            return hashlib.sha1(self.path.encode()).hexdigest()
        return git_blob_sha1(self.pointer) if self.is_lfs else _file_hash(self.abspath, "git")

    def lfs_info(self, sha_key: str) -> dict:
        """LFS block in Hub JSON (``sha_key`` is "sha256" for siblings, "oid" for tree entries)."""
        return {sha_key: self.sha256, "size": self.size, "pointerSize": len(self.pointer)}


@dataclass
class Repo:
    """A repo directory and its ``.fakehub.yaml`` settings, loaded fresh for each request."""

    repo_type: str
    repo_id: str
    path: Path
    config: dict = field(default_factory=dict)

    @property
    def sha(self) -> str:
        """Commit of the main branch."""
        return str(self.config.get("sha") or hashlib.sha1(self.repo_id.encode()).hexdigest())

    @property
    def key_prefix(self) -> str:
        """Prefix used for ``bytes_served`` keys ("org/name" or "datasets/org/name")."""
        return self.repo_id if self.repo_type == "model" else f"datasets/{self.repo_id}"

    def resolve_revision(self, rev: str) -> str | None:
        """Return the commit for a branch name or commit sha, or None if unknown."""
        revisions = {str(k): str(v) for k, v in (self.config.get("revisions") or {}).items()}
        if rev == "main":
            return self.sha
        if rev in revisions:
            return revisions[rev]
        if rev == self.sha or rev in revisions.values():
            return rev
        return None

    def refs(self) -> dict:
        """Refs JSON for ``list_repo_refs``."""
        branches = [{"name": "main", "ref": "refs/heads/main", "targetCommit": self.sha}]
        for name, sha in (self.config.get("revisions") or {}).items():
            branches.append({"name": str(name), "ref": f"refs/heads/{name}", "targetCommit": str(sha)})
        return {"branches": branches, "converts": [], "tags": [], "pullRequests": []}

    def is_lfs(self, rel: str, size: int) -> bool:
        """Whether a file is served as an LFS file."""
        patterns = self.config.get("lfs") or DEFAULT_LFS_PATTERNS
        name = rel.rsplit("/", 1)[-1]
        return size > LFS_SIZE_THRESHOLD or any(
            fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in patterns
        )

    def _walk(self) -> list[Path]:
        return sorted(p for p in self.path.rglob("*") if ".git" not in p.relative_to(self.path).parts)

    def files(self) -> list[FileEntry]:
        """All files of the repo, sorted by path (``.fakehub.yaml`` and ``.git/`` excluded)."""
        overrides = self.config.get("lfs_sha256") or {}
        out = []
        for p in self._walk():
            rel = p.relative_to(self.path).as_posix()
            if rel != CONFIG_NAME and p.is_file():
                size = p.stat().st_size
                out.append(FileEntry(rel, p, size, self.is_lfs(rel, size), overrides.get(rel)))
        return out

    def extra_files(self) -> list[FileEntry]:
        """The ``listing_extra`` paths: listed with 100 bytes each, never backed by a file."""
        out = []
        for rel in self.config.get("listing_extra") or []:
            rel = str(rel)
            out.append(FileEntry(rel, self.path / "__listing_extra__", 100, self.is_lfs(rel, 100),
                                 hashlib.sha256(rel.encode()).hexdigest(), fake=True))
        return out

    def dirs(self) -> list[str]:
        """All directories of the repo (repo-relative, sorted)."""
        return [p.relative_to(self.path).as_posix() for p in self._walk() if p.is_dir()]

    def file(self, rel: str) -> FileEntry | None:
        """One file by repo-relative path, or None."""
        if not rel or rel == CONFIG_NAME or ".." in rel.split("/"):
            return None
        p = self.path / rel
        if not p.is_file():
            return None
        size = p.stat().st_size
        return FileEntry(rel, p, size, self.is_lfs(rel, size), (self.config.get("lfs_sha256") or {}).get(rel))

    def card_data(self) -> dict | None:
        """cardData parsed from README.md front matter."""
        return parse_card_data(self.path / "README.md")


def tree_oid(path: str, sha: str) -> str:
    """A deterministic fake git tree id for a directory at a commit."""
    return hashlib.sha1(f"tree {sha} {path}".encode()).hexdigest()


def tree_entry(entry: FileEntry | str, sha: str) -> dict:
    """Tree/paths-info JSON for a file entry or a directory path."""
    if isinstance(entry, str):
        return {"type": "directory", "oid": tree_oid(entry, sha), "size": 0, "path": entry}
    out: dict[str, Any] = {"type": "file", "oid": entry.oid, "size": entry.size, "path": entry.path}
    if entry.is_lfs:
        out["lfs"] = entry.lfs_info("oid")
    return out


@dataclass
class _Fault:
    fault: str
    remaining: int | None
    on: frozenset[str] | None
    retry_after: int
    interval: float = 0.2
    extra: int = 0
    after: int = 0
    path: str | None = None
    announce: bool = True


class _Drip:
    """A writer that sends one byte every ``interval`` seconds (until the client leaves or the hub stops)."""

    def __init__(self, raw: Any, interval: float, stopping: threading.Event) -> None:
        self.raw, self.interval, self.stopping = raw, interval, stopping

    def write(self, data: bytes) -> int:
        for i in range(len(data)):
            if self.stopping.wait(self.interval):
                raise BrokenPipeError("fake hub stopping")
            self.raw.write(data[i : i + 1])
        return len(data)

    def flush(self) -> None:
        self.raw.flush()

    def __getattr__(self, name: str) -> Any:  # closed, fileno, ...: the socket writer's
        return getattr(self.raw, name)


class FakeHub:
    """A fake Hub HTTP server serving repos from a directory tree.

    Args:
        root: directory holding ``<org>/<name>/`` model repos and ``datasets/<org>/<name>/`` dataset repos.
        page_size: tree entries per page before a ``Link: <...>; rel="next"`` header.
        lfs_origin: "cdn" (redirect LFS files to the other loopback host name, a different origin) or
            "same" (relative redirect on the same origin).

    Attributes:
        endpoint: "http://127.0.0.1:PORT" once started.
        bytes_served: a copy of {"<repo_id>/<path>": file bytes sent in bodies} ("datasets/<repo_id>/<path>"
            for datasets).
        requests: a copy of the list of (method, raw path with query, {lowercase header: value}) received.
    """

    def __init__(self, root: Path | str, *, page_size: int = DEFAULT_PAGE_SIZE, lfs_origin: str = "cdn") -> None:
        if lfs_origin not in ("cdn", "same"):
            raise ValueError(f"lfs_origin must be 'cdn' or 'same', not {lfs_origin!r}")
        self.root = Path(root)
        self.page_size = page_size
        self.lfs_origin = lfs_origin
        self._lock = threading.Lock()
        self._bytes: dict[str, int] = {}
        self._requests: list[tuple[str, str, dict[str, str]]] = []
        self._faults: dict[tuple[str, str], list[_Fault]] = {}
        self._stopping = threading.Event()
        self._conns: set[socket.socket] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> "FakeHub":
        """Bind 127.0.0.1 on a free port and serve in a background thread."""
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.hub = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fakehub", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving: release stalled requests, close open connections, join the server thread."""
        if self._server is None:
            return
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> "FakeHub":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound port (server must be started)."""
        if self._server is None:
            raise RuntimeError("FakeHub is not started")
        return self._server.server_address[1]

    @property
    def endpoint(self) -> str:
        """Base URL to pass as ``endpoint=`` / ``HF_ENDPOINT``."""
        return f"http://127.0.0.1:{self.port}"

    # -- counters ------------------------------------------------------------------------------
    @property
    def bytes_served(self) -> dict[str, int]:
        """Snapshot of file bytes sent in response bodies, per "repo_id/path"."""
        with self._lock:
            return dict(self._bytes)

    @property
    def requests(self) -> list[tuple[str, str, dict[str, str]]]:
        """Snapshot of requests received: (method, path with query, recorded headers)."""
        with self._lock:
            return list(self._requests)

    def reset_counters(self) -> None:
        """Clear ``bytes_served`` and ``requests`` (faults are kept; see ``clear_faults``)."""
        with self._lock:
            self._bytes.clear()
            self._requests.clear()

    def _count(self, key: str, n: int) -> None:
        with self._lock:
            self._bytes[key] = self._bytes.get(key, 0) + n

    def _record(self, method: str, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self._requests.append((method, path, headers))

    # -- faults --------------------------------------------------------------------------------
    def inject(
        self,
        repo_id: str,
        fault: str,
        count: int | None = None,
        *,
        repo_type: str = "model",
        on: str | Iterable[str] | None = None,
        retry_after: int = 1,
        interval: float = 0.2,
        extra: int = 50 * 1024 * 1024,
        after: int = 0,
        path: str | None = None,
        announce: bool = True,
    ) -> None:
        """Make requests about ``repo_id`` fail.

        Args:
            repo_id: "org/name" (faults apply whether or not the repo exists).
            fault: one of ``FAULTS``: "gated" (401, or 403 with a token, X-Error-Code GatedRepo), "not-found"
                (404 RepoNotFound), "revision-not-found" (404 RevisionNotFound), "rate-limit" (429 with
                Retry-After), "server-error" (500), "truncate" (a body GET sends its full Content-Length, then
                half the bytes, then closes), "stall" (no answer until ``stop()``), "drip" (the whole answer,
                status line and headers included, one byte every ``interval`` s), "oversize" (a body GET sends
                ``extra`` more bytes than the file has, announced in its Content-Length), "redirect-loop" (302 to
                the same URL), "redirect-away" (302 to ``/_away/<same path>`` on the other loopback name),
                "page-loop" (a tree page whose next link is itself), "page-away" (a tree page whose next link is on
                the other loopback name), "no-sizes" (the info API lists files without sizes), "gzip" (a body GET
                answers ``Content-Encoding: gzip``, the file followed by ``extra`` zeros compressed: a small bomb;
                on "info", the JSON followed by ``extra`` blanks), whatever the request's Accept-Encoding.
            count: how many matching requests fail; None means all of them (default), except "rate-limit"
                which defaults to 1.
            repo_type: "model" or "dataset".
            on: limit to request kinds among ``KINDS`` ("resolve" means head+get+lfs; "api" means
                info+tree+paths-info+refs). "truncate" only ever hits body GETs.
            retry_after: the Retry-After value for "rate-limit".
            interval: seconds between bytes for "drip".
            extra: bytes added to a body for "oversize".
            after: let this many matching requests through before the fault starts.
            path: limit to requests for this one file (resolve and LFS requests).
            announce: for "oversize", whether the Content-Length announces the extra bytes (else the body
                has no length and ends when the connection closes).

        Raises:
            ValueError: unknown fault or kind.
        """
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; expected one of {FAULTS}")
        if count is None and fault == "rate-limit":
            count = 1
        kinds = None
        if on is not None:
            names = [on] if isinstance(on, str) else list(on)
            expanded: set[str] = set()
            for n in names:
                expanded |= {"resolve": {"head", "get", "lfs"}, "api": {"info", "tree", "paths-info", "refs"}}.get(
                    n, {n}
                )
            if unknown := expanded - set(KINDS):
                raise ValueError(f"unknown request kinds {sorted(unknown)}; expected {KINDS}")
            kinds = frozenset(expanded)
        with self._lock:
            self._faults.setdefault((repo_type, repo_id), []).append(
                _Fault(fault, count, kinds, retry_after, interval, extra, after, path, announce))

    def clear_faults(self) -> None:
        """Remove every injected fault."""
        with self._lock:
            self._faults.clear()

    def _take_fault(self, repo_type: str, repo_id: str, kind: str, body_get: bool,
                    rel: str | None = None) -> _Fault | None:
        with self._lock:
            faults = self._faults.get((repo_type, repo_id), [])
            for f in faults:
                if f.on is not None and kind not in f.on:
                    continue
                if f.path is not None and f.path != rel:
                    continue
                if f.fault in _BODY_FAULTS and not (body_get or f.fault == "gzip" and kind == "info"):
                    continue
                if f.fault in _TREE_FAULTS and kind != "tree":
                    continue
                if f.fault == "no-sizes" and kind != "info":
                    continue
                if f.after > 0:
                    f.after -= 1
                    continue
                if f.remaining is not None:
                    f.remaining -= 1
                    if f.remaining <= 0:
                        faults.remove(f)
                return f
        return None

    # -- repos ---------------------------------------------------------------------------------
    def find_repo(self, repo_type: str, repo_id: str) -> Repo | None:
        """Load a repo by type and id, or None if it does not exist."""
        parts = repo_id.split("/")
        if len(parts) != 2 or any(p in ("", ".", "..") for p in parts):
            return None
        candidates = [self.root / "datasets" / repo_id] if repo_type == "dataset" else []
        if parts[0] != "datasets":
            candidates.append(self.root / repo_id)
        for path in candidates:
            if not path.is_dir():
                continue
            cfg_file = path / CONFIG_NAME
            config = (yaml.safe_load(cfg_file.read_text()) or {}) if cfg_file.is_file() else {}
            in_datasets = path.parent.parent == self.root / "datasets"
            kind = "dataset" if in_datasets else config.get("kind", "model")
            if kind == repo_type:
                return Repo(repo_type, repo_id, path, config)
        return None

    def info_json(self, repo: Repo, sha: str, blobs: bool, expand: list[str] | None) -> dict:
        """The ``/api/{models|datasets}/{id}[/revision/{rev}]`` answer."""
        card = repo.card_data()
        files = repo.files() + repo.extra_files()
        org = repo.repo_id.split("/")[0]
        siblings = []
        for f in files:
            sib: dict[str, Any] = {"rfilename": f.path}
            if blobs:
                sib.update(size=f.size, blobId=f.oid)
                if f.is_lfs:
                    sib["lfs"] = f.lfs_info("sha256")
            siblings.append(sib)
        tags: list[str] = []
        if card:
            raw_tags = card.get("tags") or []
            tags += [str(t) for t in (raw_tags if isinstance(raw_tags, list) else [raw_tags])]
            if card.get("library_name"):
                tags.append(str(card["library_name"]))
            lic = card.get("license")
            tags += [f"license:{x}" for x in (lic if isinstance(lic, list) else [lic] if lic else [])]
        tags.append("region:us")
        info: dict[str, Any] = {
            "_id": hashlib.sha1(repo.repo_id.encode()).hexdigest()[:24],
            "id": repo.repo_id,
            "author": org,
            "sha": sha,
            "lastModified": repo.config.get("last_modified", FIXED_LAST_MODIFIED),
            "createdAt": repo.config.get("created_at", FIXED_CREATED_AT),
            "private": bool(repo.config.get("private", False)),
            "gated": repo.config.get("gated", False) or False,
            "disabled": bool(repo.config.get("disabled", False)),
            "downloads": 0,
            "likes": 0,
            "tags": tags,
            "siblings": siblings,
        }
        if repo.repo_type == "model":
            info["modelId"] = repo.repo_id
            info.update(inferred_model_info(repo, card))
        if card is not None:
            info["cardData"] = card
        if blobs:
            info["usedStorage"] = sum(f.size for f in files)
        info.update(repo.config.get("info") or {})
        if expand:
            info = {k: v for k, v in info.items() if k in ("_id", "id") or k in expand}
        return info


def _root_json(repo: Repo, name: str) -> dict | None:
    entry = repo.file(name)
    if entry is None or entry.size > 1 << 20:
        return None
    try:
        data = json.loads(entry.abspath.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def inferred_model_info(repo: Repo, card: dict | None) -> dict[str, Any]:
    """``library_name``, ``pipeline_tag``, ``config`` and ``transformersInfo`` as the Hub infers them.

    Like the real Hub: the card's ``library_name`` wins; else ``model_index.json`` means diffusers,
    ``adapter_config.json`` peft, a ``config.json`` with ``architectures`` transformers (with a
    ``transformersInfo`` naming the Auto class), and GGUF or ONNX files their format. The
    repo's ``.fakehub.yaml`` ``info`` keys still override all of it.
    """
    card = card or {}
    library = card.get("library_name")
    out: dict[str, Any] = {}
    config = _root_json(repo, "config.json")
    index = _root_json(repo, "model_index.json")
    adapter = _root_json(repo, "adapter_config.json")
    if index is not None:
        library = library or "diffusers"
        out["config"] = {"diffusers": {"_class_name": index.get("_class_name")}}
    elif adapter is not None:
        library = library or "peft"
        out["config"] = {"peft": {"base_model_name_or_path": adapter.get("base_model_name_or_path"),
                                  "task_type": adapter.get("task_type")}}
    elif config is not None and isinstance(config.get("architectures"), list):
        library = library or "transformers"
        out["config"] = {"architectures": config["architectures"], "model_type": config.get("model_type")}
        arch = str(config["architectures"][0]) if config["architectures"] else ""
        auto = next((a for s, a in (("ForCausalLM", "AutoModelForCausalLM"), ("ForMaskedLM", "AutoModelForMaskedLM"),
                                    ("ForSequenceClassification", "AutoModelForSequenceClassification"),
                                    ("ForConditionalGeneration", "AutoModelForSeq2SeqLM")) if arch.endswith(s)),
                    "AutoModel")
        out["transformersInfo"] = {"auto_model": auto, "pipeline_tag": card.get("pipeline_tag"),
                                   "processor": "AutoTokenizer"}
    else:
        names = [f.path.lower() for f in repo.files()]
        if any(n.endswith(".gguf") for n in names):
            library = library or "gguf"
        elif any(n.endswith(".onnx") for n in names):
            library = library or "onnx"
    out["library_name"] = library
    out["pipeline_tag"] = card.get("pipeline_tag")
    return out


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64
    hub: FakeHub

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up mid-answer (a deadline, a cap) is expected here, not an error of the fake.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    def server_bind(self) -> None:
        # Skip HTTPServer.server_bind's socket.getfqdn(), which can block on reverse DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


class _HubHTTPError(Exception):
    def __init__(self, status: int, code: str | None, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    @property
    def hub(self) -> FakeHub:
        return self.server.hub

    def setup(self) -> None:
        super().setup()
        with self.hub._lock:
            self.hub._conns.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.hub._lock:
                self.hub._conns.discard(self.connection)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence stderr logging
        pass

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    # -- plumbing ------------------------------------------------------------------------------
    def _dispatch(self, method: str) -> None:
        self.hub._record(
            method, self.path, {h: self.headers[h] for h in RECORDED_HEADERS if self.headers.get(h) is not None}
        )
        body = b""
        if method == "POST":
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        split = urlsplit(self.path)
        self.query = parse_qs(split.query, keep_blank_values=True)
        segs = [unquote(s) for s in split.path.split("/")[1:]]
        if segs[:1] == ["_away"]:  # the "other host": same content, no faults (requests are recorded above)
            self.no_faults = True
            segs = segs[1:]
            split = split._replace(path=split.path[len("/_away"):])
        try:
            self._route(method, segs, split.path, body)
        except _Handled:
            pass
        except _HubHTTPError as e:
            headers = dict(e.headers)
            if e.code:
                headers["X-Error-Code"] = e.code
            headers["X-Error-Message"] = e.message
            self._send_json(e.status, {"error": e.message}, headers, head=method == "HEAD")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _send_json(self, status: int, obj: Any, headers: dict[str, str] | None = None, head: bool = False) -> None:
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def _send_gzip_json(self, obj: Any, extra: int) -> None:
        import gzip

        data = gzip.compress(json.dumps(obj).encode() + b" " * extra)  # trailing blanks: still valid JSON
        self.send_response(200)
        for k, v in {"Content-Type": "application/json; charset=utf-8", "Content-Encoding": "gzip",
                     "Content-Length": str(len(data))}.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _token(self) -> str | None:
        auth = self.headers.get("Authorization") or ""
        return auth[7:].strip() if auth.lower().startswith("bearer ") else None

    def _authorized(self, repo: Repo) -> bool:
        return self._token() in (repo.config.get("authorized_tokens") or [])

    def _other_origin(self) -> str:
        other = "localhost" if self.hub.endpoint.startswith("http://127.0.0.1") else "127.0.0.1"
        return f"http://{other}:{self.hub.port}"

    def _redirect(self, location: str, head: bool) -> None:
        data = f"Found. Redirecting to {location}".encode()
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def _apply_fault(self, repo_type: str, repo_id: str, kind: str, method: str, rev: str | None,
                     rel: str | None = None) -> _Fault | None:
        """Raise/handle an injected fault; return it when the route must act on it (truncate, oversize, ...)."""
        if getattr(self, "no_faults", False):
            return None
        f = self.hub._take_fault(repo_type, repo_id, kind, body_get=method == "GET" and kind in ("get", "lfs"),
                                 rel=rel)
        if f is None:
            return None
        if f.fault == "drip":
            self.wfile = _Drip(self.wfile, f.interval, self.hub._stopping)  # type: ignore[assignment]
            return None
        if f.fault in ("redirect-loop", "redirect-away"):
            target = self.path if f.fault == "redirect-loop" else f"{self._other_origin()}/_away{self.path}"
            self._redirect(target, head=method == "HEAD")
            raise _Handled
        if f.fault == "stall":
            self.hub._stopping.wait()
            self.close_connection = True
            raise _Stalled
        if f.fault == "gated":
            status = 403 if self._token() else 401
            raise _HubHTTPError(
                status, "GatedRepo", f"Access to {repo_type} {repo_id} is restricted. You must have access to it "
                "and be authenticated to access it. Please log in."
            )
        if f.fault == "not-found":
            raise _HubHTTPError(404, "RepoNotFound", "Repository not found")
        if f.fault == "revision-not-found":
            raise _HubHTTPError(404, "RevisionNotFound", f"Invalid rev id: {rev or 'main'}")
        if f.fault == "rate-limit":
            raise _HubHTTPError(429, None, "Too Many Requests", {"Retry-After": str(f.retry_after)})
        if f.fault == "server-error":
            raise _HubHTTPError(500, None, "Internal Error - We're working hard to fix this as soon as possible!")
        return f

    def _load(self, repo_type: str, repo_id: str, rev: str | None) -> tuple[Repo, str]:
        repo = self.hub.find_repo(repo_type, repo_id)
        if repo is None or (repo.config.get("private") and not self._authorized(repo)):
            raise _HubHTTPError(401 if repo is not None else 404, "RepoNotFound", "Repository not found")
        sha = repo.resolve_revision(rev or "main")
        if sha is None:
            raise _HubHTTPError(404, "RevisionNotFound", f"Invalid rev id: {rev}")
        return repo, sha

    # -- routes --------------------------------------------------------------------------------
    def _route(self, method: str, segs: list[str], raw_path: str, body: bytes) -> None:
        try:
            if segs[:2] == ["api", "agent-harnesses"]:
                return self._send_json(200, {"standardEnvVars": [], "harnesses": {}}, head=method == "HEAD")
            if len(segs) >= 4 and segs[0] == "api" and segs[1] in ("models", "datasets"):
                return self._api(method, segs[1][:-1], "/".join(segs[2:4]), segs[4:], raw_path, body)
            if segs and segs[0] == "_lfs" and len(segs) == 2 and method in ("GET", "HEAD"):
                return self._lfs(method, segs[1])
            repo_type = "model"
            if segs and segs[0] == "datasets":
                repo_type, segs = "dataset", segs[1:]
            if len(segs) >= 5 and segs[2] == "resolve" and method in ("GET", "HEAD"):
                return self._resolve(method, repo_type, "/".join(segs[:2]), segs[3], "/".join(segs[4:]))
        except _Stalled:
            return
        raise _HubHTTPError(404, None, f"Sorry, we can't find the page you are looking for: {raw_path}")

    def _api(self, method: str, repo_type: str, repo_id: str, rest: list[str], raw_path: str, body: bytes) -> None:
        head = method == "HEAD"
        if not rest or rest[0] == "revision":
            kind, rev = "info", ("/".join(rest[1:]) or None) if rest else None
        elif rest[0] in ("tree", "paths-info") and len(rest) >= 2:
            kind, rev = rest[0], rest[1]
        elif rest == ["refs"]:
            kind, rev = "refs", None
        else:
            raise _HubHTTPError(404, None, f"Sorry, we can't find the page you are looking for: {raw_path}")
        if (kind == "paths-info") != (method == "POST") or method == "HEAD" and kind != "info":
            raise _HubHTTPError(405, None, f"Method {method} not allowed")
        fault = self._apply_fault(repo_type, repo_id, kind, method, rev)
        repo, sha = self._load(repo_type, repo_id, rev)
        if kind == "info":
            blobs = self.query.get("blobs", ["false"])[-1].lower() in ("1", "true")
            expand = self.query.get("expand") or self.query.get("expand[]")
            info = self.hub.info_json(repo, sha, blobs, expand)
            if fault is not None and fault.fault == "no-sizes":
                for sibling in info.get("siblings") or []:
                    sibling.pop("size", None)
            if fault is not None and fault.fault == "gzip":
                return self._send_gzip_json(info, fault.extra)
            return self._send_json(200, info, head=head)
        if kind == "refs":
            return self._send_json(200, repo.refs())
        if kind == "paths-info":
            return self._send_json(200, self._paths_info(repo, sha, body))
        return self._tree(repo, sha, "/".join(rest[2:]).strip("/"), raw_path, fault)

    def _tree(self, repo: Repo, sha: str, sub: str, raw_path: str, fault: _Fault | None = None) -> None:
        recursive = self.query.get("recursive", ["false"])[-1].lower() in ("1", "true")
        if sub and not (repo.path / sub).is_dir() or ".." in sub.split("/"):
            raise _HubHTTPError(404, "EntryNotFound", f"{sub} does not exist on \"{sha}\"", {"X-Repo-Commit": sha})
        prefix = f"{sub}/" if sub else ""
        entries: list[FileEntry | str] = [d for d in repo.dirs() if d.startswith(prefix)]
        entries += [f for f in repo.files() if f.path.startswith(prefix)]
        entries += [f for f in repo.extra_files() if f.path.startswith(prefix)]
        if not recursive:
            entries = [e for e in entries if "/" not in (e if isinstance(e, str) else e.path)[len(prefix):]]
        entries.sort(key=lambda e: e if isinstance(e, str) else e.path)
        limit = int(self.query.get("limit", [self.hub.page_size])[-1])
        start = int(self.query.get("cursor", ["0"])[-1])
        page = entries[start : start + limit]
        headers = {"X-Repo-Commit": sha}
        if start + limit < len(entries):
            params = {k: v[-1] for k, v in self.query.items() if k != "cursor"}
            params["cursor"] = str(start + limit)
            headers["Link"] = f'<{self.hub.endpoint}{raw_path}?{urlencode(params)}>; rel="next"'
        if fault is not None and fault.fault == "page-loop":
            headers["Link"] = f'<{self.hub.endpoint}{self.path}>; rel="next"'
        elif fault is not None and fault.fault == "page-away":
            params = {k: v[-1] for k, v in self.query.items() if k != "cursor"}
            params["cursor"] = str(start + limit)
            headers["Link"] = f'<{self._other_origin()}/_away{raw_path}?{urlencode(params)}>; rel="next"'
        self._send_json(200, [tree_entry(e, sha) for e in page], headers)

    def _paths_info(self, repo: Repo, sha: str, body: bytes) -> list[dict]:
        if "json" in (self.headers.get("Content-Type") or ""):
            paths = json.loads(body or b"{}").get("paths") or []
        else:
            paths = parse_qs(body.decode(), keep_blank_values=True).get("paths", [])
        out = []
        for p in paths:
            p = p.strip("/")
            f = repo.file(p)
            if f is not None:
                out.append(tree_entry(f, sha))
            elif p and ".." not in p.split("/") and (repo.path / p).is_dir():
                out.append(tree_entry(p, sha))
        return out

    def _resolve(self, method: str, repo_type: str, repo_id: str, rev: str, rel: str) -> None:
        fault = self._apply_fault(repo_type, repo_id, method.lower(), method, rev, rel)
        repo, sha = self._load(repo_type, repo_id, rev)
        if repo.config.get("disabled"):
            raise _HubHTTPError(403, None, "Access to this resource is disabled.")
        f = repo.file(rel)
        if f is None:
            raise _HubHTTPError(404, "EntryNotFound", "Entry not found", {"X-Repo-Commit": sha})
        gated_open = repo.config.get("gated_open", ["README.md"])
        if repo.config.get("gated") and rel not in gated_open and not self._authorized(repo):
            raise _HubHTTPError(
                403 if self._token() else 401, "GatedRepo",
                f"Access to {repo_type} {repo_id} is restricted. You must have access to it and be authenticated "
                "to access it. Please log in.",
            )
        common = {"X-Repo-Commit": sha, "Accept-Ranges": "bytes"}
        if not f.is_lfs:
            return self._send_file(method, f, repo.key_prefix, {**common, "ETag": f'"{f.oid}"'}, fault)
        query = urlencode({"type": repo_type, "repo": repo_id, "path": rel, "commit": sha})
        location = f"/_lfs/{f.sha256}?{query}"
        if self.hub.lfs_origin == "cdn":
            other = "localhost" if self.hub.endpoint.startswith("http://127.0.0.1") else "127.0.0.1"
            location = f"http://{other}:{self.hub.port}{location}"
        data = f"Found. Redirecting to {location}".encode()
        self.send_response(302)
        for k, v in {
            **common,
            "Location": location,
            "ETag": f'"{f.oid}"',
            "X-Linked-Etag": f'"{f.sha256}"',
            "X-Linked-Size": str(f.size),
            "Content-Type": "text/plain; charset=utf-8",
            "Content-Length": str(len(data)),
        }.items():
            self.send_header(k, v)
        self.end_headers()
        if method == "GET":
            self.wfile.write(data)

    def _lfs(self, method: str, sha256: str) -> None:
        repo_type = self.query.get("type", ["model"])[-1]
        repo_id = self.query.get("repo", [""])[-1]
        rel = self.query.get("path", [""])[-1]
        commit = self.query.get("commit", [None])[-1]
        fault = self._apply_fault(repo_type, repo_id, "lfs", method, None, rel)
        repo = self.hub.find_repo(repo_type, repo_id)
        f = repo.file(rel) if repo is not None else None
        if f is None or not f.is_lfs or f.sha256 != sha256:
            raise _HubHTTPError(404, None, "NoSuchKey")
        headers = {"ETag": f'"{f.sha256}"', "Accept-Ranges": "bytes", "Content-Type": "application/octet-stream"}
        if commit:  # only looked at when the redirect is same-origin (lfs_origin="same")
            headers["X-Repo-Commit"] = commit
        self._send_file(method, f, repo.key_prefix, headers, fault)  # type: ignore[union-attr]

    def _send_file(self, method: str, f: FileEntry, key_prefix: str, headers: dict[str, str],
                   fault: _Fault | None) -> None:
        if fault is not None and fault.fault == "gzip" and method == "GET":
            import gzip

            data = gzip.compress(f.abspath.read_bytes() + bytes(fault.extra))
            self.send_response(200)
            for k, v in {**headers, "Content-Encoding": "gzip", "Content-Length": str(len(data))}.items():
                self.send_header(k, v)
            self.end_headers()
            self.hub._count(f"{key_prefix}/{f.path}", len(data))
            self.wfile.write(data)
            return
        truncate = fault is not None and fault.fault == "truncate"
        extra = fault.extra if fault is not None and fault.fault == "oversize" else 0
        size, start, end, status = f.size, 0, f.size - 1, 200
        m = re.fullmatch(r"\s*bytes=(\d*)-(\d*)\s*", self.headers.get("Range") or "")
        if method == "GET" and m and (m.group(1) or m.group(2)):
            if m.group(1):
                start = int(m.group(1))
                end = min(int(m.group(2)), size - 1) if m.group(2) else size - 1
            else:
                start = max(size - int(m.group(2)), 0)
            if start >= size or start > end:
                raise _HubHTTPError(416, None, "Range Not Satisfiable", {"Content-Range": f"bytes */{size}"})
            status = 206
        length = max(end - start + 1, 0)
        self.send_response(status)
        headers.setdefault("Content-Type", "application/octet-stream")
        for k, v in headers.items():
            self.send_header(k, v)
        if status == 206:
            self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        if not extra or fault is None or fault.announce:
            self.send_header("Content-Length", str(length + extra))
        if truncate or extra:
            self.send_header("Connection", "close")
        self.end_headers()
        if method == "HEAD":
            return
        to_send = length // 2 if truncate else length
        key = f"{key_prefix}/{f.path}"
        with f.abspath.open("rb") as fh:
            fh.seek(start)
            while to_send > 0:
                chunk = fh.read(min(CHUNK, to_send))
                if not chunk:
                    break
                # Count before writing, so a client that has the bytes always sees them counted.
                self.hub._count(key, len(chunk))
                try:
                    self.wfile.write(chunk)
                except OSError:
                    self.hub._count(key, -len(chunk))
                    raise
                to_send -= len(chunk)
        zeros = bytes(CHUNK)
        while extra > 0:  # "oversize": more than the file, as much as the Content-Length promised
            n = min(CHUNK, extra)
            self.hub._count(key, n)
            try:
                self.wfile.write(zeros[:n])
            except OSError:
                self.hub._count(key, -n)
                self.close_connection = True
                return
            extra -= n
        if truncate or fault is not None and fault.fault == "oversize":
            self.wfile.flush()
            self.close_connection = True


class _Stalled(Exception):
    """Raised inside a handler once a stalled request is released by ``stop()``."""


class _Handled(Exception):
    """Raised once a fault has sent the whole answer (a redirect)."""


__all__ = ["FAULTS", "KINDS", "FakeHub", "git_blob_sha1", "lfs_pointer", "parse_card_data"]
