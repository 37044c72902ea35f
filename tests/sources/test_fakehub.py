"""The fake Hub (tests/fakehub.py) driven by the real huggingface_hub client: nothing inside the client is mocked.

Every call passes ``endpoint=`` and ``token=False`` explicitly. huggingface_hub reads its env vars at import time,
so the autouse fixture both sets them and patches the already-read ``constants`` (as huggingface_hub's own
``patch_constants`` test fixture does), whichever test module imported the client first.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakehub import FakeHub, git_blob_sha1

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "hub"
TINY = "acme/tiny-model"
GATED = "acme/gated-model"
DATASET = "acme/tiny-data"
TWO_GIB = 2 * 1024**3
FAST = 5.0  # seconds: upper bound for any single client call against the fake Hub


@pytest.fixture(autouse=True)
def hf_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Isolate huggingface_hub: no telemetry, no Xet, no implicit token, HF_HOME in tmp."""
    env = {
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "HF_HUB_DISABLE_XET": "1",
        "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
        "NO_PROXY": "127.0.0.1,localhost",
        "HF_HOME": str(tmp_path / "hf_home"),
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    for k in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_ENDPOINT"):
        monkeypatch.delenv(k, raising=False)
    from huggingface_hub import constants

    for name in ("HF_HUB_DISABLE_TELEMETRY", "HF_HUB_DISABLE_XET", "HF_HUB_DISABLE_IMPLICIT_TOKEN",
                 "HF_HUB_DISABLE_SHARED_BLOBS"):
        monkeypatch.setattr(constants, name, True, raising=False)
    monkeypatch.setattr(constants, "HF_HOME", str(tmp_path / "hf_home"))
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hf_home" / "hub"))
    # These tests describe the stock client against the fake Hub: undo any factory a Hub scan installed.
    import huggingface_hub
    from huggingface_hub.utils._http import default_client_factory

    huggingface_hub.set_client_factory(default_client_factory)
    yield


@pytest.fixture(scope="module")
def module_hub() -> Iterator[FakeHub]:
    with FakeHub(FIXTURES) as hub:
        yield hub


@pytest.fixture
def hub(module_hub: FakeHub) -> Iterator[FakeHub]:
    """The shared fake Hub with clean counters and no faults."""
    module_hub.reset_counters()
    module_hub.clear_faults()
    module_hub.page_size = 50
    yield module_hub
    module_hub.clear_faults()


@pytest.fixture
def api(hub: FakeHub):
    from huggingface_hub import HfApi

    return HfApi(endpoint=hub.endpoint, token=False)


def _write_sparse_safetensors(path: Path, size: int) -> bytes:
    """A valid safetensors header (8-byte LE length + JSON), then a sparse tail up to ``size``."""
    header = {
        "__metadata__": {"format": "pt"},
        "weight": {"dtype": "F32", "shape": [(size - 4096) // 4], "data_offsets": [0, (size - 4096) // 4 * 4]},
    }
    raw = json.dumps(header).encode()
    raw += b" " * (4096 - 8 - len(raw))
    prefix = struct.pack("<Q", len(raw)) + raw
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        f.write(prefix)
        f.truncate(size)
    return prefix


@pytest.fixture
def big_root(tmp_path: Path) -> Path:
    """A hub root with acme/tiny-model plus acme/big-model holding a 2 GiB sparse model.safetensors."""
    root = tmp_path / "hubroot"
    shutil.copytree(FIXTURES, root)
    big = root / "acme" / "big-model"
    _write_sparse_safetensors(big / "model.safetensors", TWO_GIB)
    (big / "README.md").write_text("---\nlicense: mit\n---\n# big\n")
    # Give the sha256 so the server never hashes 2 GiB.
    (big / ".fakehub.yaml").write_text("lfs_sha256:\n  model.safetensors: " + "ab" * 32 + "\n")
    return root


class _Timer:
    def __enter__(self) -> "_Timer":
        self.start = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        self.elapsed = time.monotonic() - self.start


# -- metadata -------------------------------------------------------------------------------------


def test_model_info_files_metadata(api, hub: FakeHub) -> None:
    info = api.model_info(TINY, files_metadata=True)
    assert info.id == TINY
    assert info.sha == hashlib.sha1(TINY.encode()).hexdigest()
    assert info.card_data.license == "apache-2.0"
    assert info.library_name == "transformers" and info.pipeline_tag == "text-generation"
    assert "license:apache-2.0" in info.tags
    assert info.gated is False and info.private is False
    by_name = {s.rfilename: s for s in info.siblings}
    assert set(by_name) == {"LICENSE", "README.md", "config.json", "model.safetensors",
                            "tokenizer/tokenizer_config.json"}
    config = (FIXTURES / TINY / "config.json").read_bytes()
    assert by_name["config.json"].size == len(config)
    assert by_name["config.json"].blob_id == git_blob_sha1(config)
    assert by_name["config.json"].lfs is None
    weights = (FIXTURES / TINY / "model.safetensors").read_bytes()
    lfs = by_name["model.safetensors"].lfs
    assert lfs is not None and lfs.size == len(weights)
    assert lfs.sha256 == hashlib.sha256(weights).hexdigest()
    assert lfs.pointer_size > 100
    assert hub.requests[0][:2] == ("GET", f"/api/models/{TINY}?blobs=true")
    # Without files_metadata, siblings carry names only.
    assert all(s.size is None for s in api.model_info(TINY).siblings)


def test_model_info_revision_and_gated_config(api) -> None:
    info = api.model_info(GATED)
    assert info.gated == "manual" and info.sha == "1" * 40
    assert api.model_info(GATED, revision="v1.0").sha == "2" * 40
    assert api.model_info(GATED, revision="2" * 40).sha == "2" * 40


def test_dataset_info_and_tree(api) -> None:
    info = api.dataset_info(DATASET, files_metadata=True)
    assert info.card_data.license == "cc-by-4.0"
    assert {s.rfilename for s in info.siblings} == {"README.md", "data.csv"}
    assert [e.path for e in api.list_repo_tree(DATASET, repo_type="dataset")] == ["README.md", "data.csv"]


def test_list_repo_tree_paginates(api, hub: FakeHub) -> None:
    hub.page_size = 2
    entries = list(api.list_repo_tree(TINY, recursive=True))
    assert [e.path for e in entries] == ["LICENSE", "README.md", "config.json", "model.safetensors", "tokenizer",
                                         "tokenizer/tokenizer_config.json"]
    assert type(entries[4]).__name__ == "RepoFolder"
    weights = entries[3]
    assert weights.lfs is not None and weights.lfs.size == weights.size == 120
    tree_gets = [p for m, p, _ in hub.requests if "/tree/" in p]
    assert len(tree_gets) == 3 and "cursor=2" in tree_gets[1] and "cursor=4" in tree_gets[2]
    # Non-recursive and sub-path listings.
    assert [e.path for e in api.list_repo_tree(TINY)] == ["LICENSE", "README.md", "config.json", "model.safetensors",
                                                          "tokenizer"]
    assert [e.path for e in api.list_repo_tree(TINY, "tokenizer")] == ["tokenizer/tokenizer_config.json"]


def test_get_paths_info(api, hub: FakeHub) -> None:
    infos = api.get_paths_info(TINY, ["README.md", "tokenizer", "missing.txt"])
    assert [(type(i).__name__, i.path) for i in infos] == [("RepoFile", "README.md"), ("RepoFolder", "tokenizer")]
    assert hub.requests[-1][:2] == ("POST", f"/api/models/{TINY}/paths-info/main")


# -- downloads ------------------------------------------------------------------------------------


def test_hf_hub_download_small_file(hub: FakeHub, tmp_path: Path) -> None:
    from huggingface_hub import hf_hub_download

    path = hf_hub_download(TINY, "config.json", cache_dir=tmp_path / "c", endpoint=hub.endpoint, token=False)
    assert Path(path).read_bytes() == (FIXTURES / TINY / "config.json").read_bytes()
    assert hashlib.sha1(TINY.encode()).hexdigest() in path  # snapshot folder named by X-Repo-Commit
    assert [r[:2] for r in hub.requests] == [("HEAD", f"/{TINY}/resolve/main/config.json"),
                                             ("GET", f"/{TINY}/resolve/main/config.json")]
    assert hub.bytes_served == {f"{TINY}/config.json": 73}


@pytest.mark.parametrize("lfs_origin", ["cdn", "same"])
def test_hf_hub_download_lfs_redirect(tmp_path: Path, lfs_origin: str) -> None:
    """LFS files answer 302: cross-origin (localhost) like the Hub's CDN, or same-origin (the HEAD follows it)."""
    from huggingface_hub import hf_hub_download

    with FakeHub(FIXTURES, lfs_origin=lfs_origin) as hub:
        path = hf_hub_download(TINY, "model.safetensors", cache_dir=tmp_path, endpoint=hub.endpoint, token=False)
        requests = hub.requests
    assert Path(path).read_bytes() == (FIXTURES / TINY / "model.safetensors").read_bytes()
    hosts = [(m, p.split("?")[0], h["host"].split(":")[0]) for m, p, h in requests]
    lfs_path = "/_lfs/" + hashlib.sha256(Path(path).read_bytes()).hexdigest()
    if lfs_origin == "cdn":  # HEAD stops at the 302 and reads X-Linked-*; GET goes straight to the CDN URL
        assert hosts == [("HEAD", f"/{TINY}/resolve/main/model.safetensors", "127.0.0.1"),
                         ("GET", lfs_path, "localhost")]
    else:  # the client follows a same-origin redirect itself on HEAD
        assert hosts == [("HEAD", f"/{TINY}/resolve/main/model.safetensors", "127.0.0.1"),
                         ("HEAD", lfs_path, "127.0.0.1"), ("GET", lfs_path, "127.0.0.1")]


def test_ranged_read_of_2gib_sparse_file(big_root: Path) -> None:
    from huggingface_hub import HfApi, HfFileSystem, get_session, hf_hub_url

    repo = "acme/big-model"
    key = f"{repo}/model.safetensors"
    with FakeHub(big_root) as hub:
        api = HfApi(endpoint=hub.endpoint, token=False)
        with _Timer() as t:
            info = api.model_info(repo, files_metadata=True)
        assert t.elapsed < FAST
        (sib,) = [s for s in info.siblings if s.rfilename == "model.safetensors"]
        assert sib.size == TWO_GIB and sib.lfs.sha256 == "ab" * 32

        # Plain ranged GET through the client's session: follows the 302 to the CDN URL with the Range.
        url = hf_hub_url(repo, "model.safetensors", endpoint=hub.endpoint)
        r = get_session().get(url, headers={"Range": "bytes=0-7"})
        assert r.status_code == 206 and r.headers["Content-Range"] == f"bytes 0-7/{TWO_GIB}"
        header_len = struct.unpack("<Q", r.content)[0]
        assert header_len == 4096 - 8
        assert hub.bytes_served[key] == 8

        # parse_safetensors_file_metadata asks for bytes=0-100000 and stops there.
        hub.reset_counters()
        meta = api.parse_safetensors_file_metadata(repo, "model.safetensors")
        assert meta.metadata == {"format": "pt"}
        assert hub.bytes_served[key] == 100_001

        # HfFileSystem with cache_type="none" reads exactly the range asked for.
        hub.reset_counters()
        fs = HfFileSystem(endpoint=hub.endpoint, token=False, skip_instance_cache=True)
        with fs.open(f"{repo}/model.safetensors", "rb", cache_type="none") as f:
            assert f.read(8) == r.content
        assert hub.bytes_served[key] == 8


def test_private_disabled_and_dataset_kind(tmp_path: Path) -> None:
    from huggingface_hub import HfApi, hf_hub_download

    errors = _errors()
    for name, cfg in {"private": "private: true\nauthorized_tokens: [hf_ok]\n", "disabled": "disabled: true\n",
                      "data": "kind: dataset\n"}.items():
        (tmp_path / "acme" / name).mkdir(parents=True)
        (tmp_path / "acme" / name / ".fakehub.yaml").write_text(cfg)
        (tmp_path / "acme" / name / "a.txt").write_text("a")
    with FakeHub(tmp_path) as hub:
        api = HfApi(endpoint=hub.endpoint, token=False)
        with pytest.raises(errors.RepositoryNotFoundError) as exc:
            api.model_info("acme/private")
        assert exc.value.response.status_code == 401
        assert HfApi(endpoint=hub.endpoint, token="hf_ok").model_info("acme/private").private is True
        # A failed HEAD that is not RepoNotFound/Gated/401 becomes LocalEntryNotFoundError (cause kept).
        with pytest.raises(errors.LocalEntryNotFoundError) as exc:
            hf_hub_download("acme/disabled", "a.txt", cache_dir=tmp_path / "c", endpoint=hub.endpoint, token=False)
        assert isinstance(exc.value.__cause__, errors.DisabledRepoError)
        assert [s.rfilename for s in api.dataset_info("acme/data").siblings] == ["a.txt"]  # .fakehub.yaml hidden
        with pytest.raises(errors.RepositoryNotFoundError):
            api.model_info("acme/data")


# -- faults ---------------------------------------------------------------------------------------


def _errors():
    from huggingface_hub import errors

    return errors


@pytest.mark.parametrize(
    ("fault", "error_name"),
    [("gated", "GatedRepoError"), ("not-found", "RepositoryNotFoundError"),
     ("revision-not-found", "RevisionNotFoundError"), ("server-error", "HfHubHTTPError"),
     ("rate-limit", "HfHubHTTPError")],
)
def test_fault_maps_to_client_error(api, hub: FakeHub, fault: str, error_name: str) -> None:
    errors = _errors()
    hub.inject(TINY, fault, count=1)
    with _Timer() as t, pytest.raises(getattr(errors, error_name)) as exc:
        api.model_info(TINY)  # never retries
    assert t.elapsed < FAST
    if fault == "not-found":
        assert not isinstance(exc.value, errors.GatedRepoError)
    status = {"gated": 401, "not-found": 404, "revision-not-found": 404, "server-error": 500, "rate-limit": 429}
    assert exc.value.response.status_code == status[fault]
    assert api.model_info(TINY).id == TINY  # count=1: the next request is served


def test_gated_fault_on_download_and_tree(api, hub: FakeHub, tmp_path: Path) -> None:
    from huggingface_hub import hf_hub_download

    errors = _errors()
    hub.inject(TINY, "gated", on="resolve")
    assert api.model_info(TINY).id == TINY  # only resolve is gated
    with pytest.raises(errors.GatedRepoError):
        hf_hub_download(TINY, "config.json", cache_dir=tmp_path, endpoint=hub.endpoint, token=False)
    hub.clear_faults()
    hub.inject(TINY, "not-found")
    with pytest.raises(errors.RepositoryNotFoundError):
        list(api.list_repo_tree(TINY))


def test_gated_repo_config(hub: FakeHub, tmp_path: Path) -> None:
    from huggingface_hub import hf_hub_download

    errors = _errors()
    kw = {"cache_dir": tmp_path, "endpoint": hub.endpoint}
    assert Path(hf_hub_download(GATED, "README.md", token=False, **kw)).read_text().startswith("---")
    with pytest.raises(errors.GatedRepoError) as exc:
        hf_hub_download(GATED, "config.json", token=False, **kw)
    assert exc.value.response.status_code == 401
    with pytest.raises(errors.GatedRepoError) as exc:
        hf_hub_download(GATED, "config.json", token="hf_other", **kw)
    assert exc.value.response.status_code == 403
    assert Path(hf_hub_download(GATED, "config.json", token="hf_granted_token", **kw)).is_file()


def test_unknown_repo_revision_and_entry(api, hub: FakeHub, tmp_path: Path) -> None:
    from huggingface_hub import hf_hub_download

    errors = _errors()
    with pytest.raises(errors.RepositoryNotFoundError) as exc:
        api.model_info("acme/nope")
    assert exc.value.response.status_code == 404
    assert exc.value.response.json() == {"error": "Repository not found"}
    with pytest.raises(errors.RevisionNotFoundError):
        api.model_info(TINY, revision="no-such-branch")
    with pytest.raises(errors.RemoteEntryNotFoundError):
        hf_hub_download(TINY, "nope.txt", cache_dir=tmp_path, endpoint=hub.endpoint, token=False)
    with pytest.raises(errors.RepositoryNotFoundError):  # a dataset is not a model
        api.model_info(DATASET)


def test_rate_limit_is_retried_by_list_repo_tree(api, hub: FakeHub) -> None:
    hub.inject(TINY, "rate-limit", count=1, retry_after=0)  # the client sleeps Retry-After + 1 s
    with _Timer() as t:
        assert len(list(api.list_repo_tree(TINY))) == 5
    assert 1.0 <= t.elapsed < FAST
    assert [r[1].split("?")[0] for r in hub.requests] == [f"/api/models/{TINY}/tree/main"] * 2


def test_server_error_on_body_get_is_raised_at_once(hub: FakeHub, tmp_path: Path) -> None:
    from huggingface_hub import hf_hub_download

    errors = _errors()
    hub.inject(TINY, "server-error", on="get")
    with _Timer() as t, pytest.raises(errors.HfHubHTTPError) as exc:
        hf_hub_download(TINY, "config.json", cache_dir=tmp_path, endpoint=hub.endpoint, token=False)
    assert exc.value.response.status_code == 500 and t.elapsed < FAST


def test_truncate(hub: FakeHub, tmp_path: Path) -> None:
    import httpx2
    from huggingface_hub import get_session, hf_hub_download, hf_hub_url

    hub.inject(TINY, "truncate", count=1)
    with pytest.raises(httpx2.RemoteProtocolError):
        get_session().get(hf_hub_url(TINY, "config.json", endpoint=hub.endpoint))
    assert hub.bytes_served[f"{TINY}/config.json"] == 73 // 2
    # hf_hub_download retries a cut body after 1 s (resuming with a Range from the bytes it got).
    hub.reset_counters()
    hub.inject(TINY, "truncate", count=1)
    with _Timer() as t:
        path = hf_hub_download(TINY, "config.json", cache_dir=tmp_path, endpoint=hub.endpoint, token=False)
    assert Path(path).read_bytes() == (FIXTURES / TINY / "config.json").read_bytes() and t.elapsed < FAST
    # The cut 36 bytes never reached http_get as a chunk (httpx2 raised first), so the retry is a full GET.
    assert [m for m, _, _ in hub.requests] == ["HEAD", "GET", "GET"]


def test_stall_detected_with_timeout_transport(tmp_path: Path) -> None:
    """model_info passes timeout=None, so a client-wide default is not enough: a transport fills one in."""
    import httpx2
    import huggingface_hub
    from huggingface_hub import HfApi
    from huggingface_hub.utils._http import default_client_factory, hf_request_event_hook

    class DefaultTimeoutTransport(httpx2.HTTPTransport):
        def __init__(self, timeout: float) -> None:
            super().__init__()
            self._timeout = httpx2.Timeout(timeout).as_dict()

        def handle_request(self, request: httpx2.Request) -> httpx2.Response:
            if all(v is None for v in (request.extensions.get("timeout") or {}).values()):
                request.extensions["timeout"] = self._timeout
            return super().handle_request(request)

    huggingface_hub.set_client_factory(
        lambda: httpx2.Client(transport=DefaultTimeoutTransport(0.5), event_hooks={"request": [hf_request_event_hook]},
                              follow_redirects=True, timeout=None)
    )
    try:
        with FakeHub(FIXTURES) as hub:
            api = HfApi(endpoint=hub.endpoint, token=False)
            hub.inject(TINY, "stall", count=1)
            with _Timer() as t, pytest.raises(httpx2.ReadTimeout):
                api.model_info(TINY)
            assert t.elapsed < 2.0
            assert api.model_info(TINY).id == TINY  # count=1: served again
            hub.inject(TINY, "stall", on="paths-info")
            with _Timer() as t, pytest.raises(httpx2.ReadTimeout):
                api.get_paths_info(TINY, ["README.md"])  # no retry either (list_repo_tree would retry ~23 s)
            assert t.elapsed < 2.0
    finally:
        huggingface_hub.set_client_factory(default_client_factory)
