"""HubSource against the fake Hub through the real huggingface_hub client (no ScanCode here)."""

from __future__ import annotations

import hashlib
import http.server
import threading
import time
from pathlib import Path

import pytest

from osai_scan.errors import (
    DownloadCapExceededError,
    HubGatedError,
    HubRateLimitedError,
    HubRepoNotFoundError,
    HubRevisionNotFoundError,
    HubUnavailableError,
    TargetNotFoundError,
    UsageError,
)
from osai_scan.sources import HubOptions, HubSource, LocalSource, open_source, parse_hub_target
from osai_scan.sources.hub_http import RetryPolicy, ranged_get
from tests.fakehub import FakeHub, git_blob_sha1
from tests.hubenv import FIXTURES, hf_env, hub, module_hub  # noqa: F401 - fixtures

OPEN = "acme/open-model"
GATED = "acme/gated-model"
FAST = RetryPolicy(attempts=3, backoff=0.05, timeout=1.0)


def _source(hub: FakeHub, tmp_path: Path, target: str = f"hf:{OPEN}", **kw: object) -> HubSource:
    revision = kw.pop("revision", None)
    options = HubOptions(endpoint=hub.endpoint, cache_dir=tmp_path / "cache", retry=kw.pop("retry", FAST),
                         timeout=float(kw.pop("timeout", 1.0)), **kw)  # type: ignore[arg-type]
    source = open_source(target, revision, options)
    assert isinstance(source, HubSource)
    return source


# -- targets ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("target", "expected"), [
    ("hf:acme/open-model", ("acme/open-model", None, None)),
    ("hf:acme/open-model@v1.0", ("acme/open-model", "v1.0", None)),
    ("hf:acme/open-model@refs/pr/1", ("acme/open-model", "refs/pr/1", None)),
    ("https://huggingface.co/acme/open-model", ("acme/open-model", None, None)),
    ("https://huggingface.co/acme/open-model/tree/v1.0", ("acme/open-model", "v1.0", None)),
    ("https://huggingface.co/acme/open-model/tree/refs%2Fpr%2F3", ("acme/open-model", "refs/pr/3", None)),
    ("https://hf.co/acme/open-model/blob/main/README.md", ("acme/open-model", "main", None)),
    ("hf:datasets/acme/tiny-data", ("datasets/acme/tiny-data", None, None)),
    ("https://huggingface.co/datasets/acme/tiny-data/tree/v2", ("datasets/acme/tiny-data", "v2", None)),
    ("./acme/open-model", None),
    ("acme/open-model", None),
])
def test_parse_hub_target(target: str, expected: tuple | None) -> None:
    assert parse_hub_target(target) == expected


def test_parse_hub_target_on_configured_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    assert parse_hub_target("http://127.0.0.1:9/acme/x/tree/dev") == ("acme/x", "dev", "http://127.0.0.1:9")
    with pytest.raises(UsageError, match="not a Hugging Face Hub URL"):
        parse_hub_target("https://example.com/acme/x")


@pytest.mark.parametrize(("target", "message"), [
    ("hf:spaces/acme/app", "is a Space"),
    ("https://huggingface.co/spaces/acme/app", "is a Space"),
    ("hf:", "names no Hub repository"),
    ("hf:acme/x@", "names no Hub repository"),
    ("https://huggingface.co/acme", "names no Hub repository"),
])
def test_bad_hub_targets_are_usage_errors(target: str, message: str) -> None:
    with pytest.raises(UsageError, match=message) as exc:
        parse_hub_target(target)
    assert exc.value.exit_code == 2


def test_open_source_revision_rules(hub: FakeHub, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="asks for revision 'v1' and --revision for 'v2'"):
        open_source("hf:acme/x@v1", "v2")
    assert open_source("hf:acme/x@v1", "v1").revision == "v1"  # type: ignore[attr-defined]
    with pytest.raises(UsageError, match="--revision applies to Hub targets"):
        open_source(str(FIXTURES / OPEN), "v1")
    with pytest.raises(TargetNotFoundError) as exc:
        open_source("acme/no-such-folder")
    assert "write hf:acme/no-such-folder" in str(exc.value)
    assert isinstance(open_source(str(tmp_path)), LocalSource)
    with pytest.raises(UsageError, match="not a Hub repository id"):
        HubSource("acme/bad name")


# -- inventory -----------------------------------------------------------------------------------------


def test_inventory_describes_the_resolved_commit(hub: FakeHub, tmp_path: Path) -> None:
    source = _source(hub, tmp_path)
    entries = {e.path: e for e in source.iter_files()}
    folder = FIXTURES / OPEN
    assert sorted(entries) == sorted(p.name for p in folder.iterdir())
    config = (folder / "config.json").read_bytes()
    assert entries["config.json"].size == len(config)
    assert entries["config.json"].content_id == f"git-blob:{git_blob_sha1(config)}"
    assert entries["config.json"].lfs is None and entries["config.json"].problem is None
    weights = (folder / "model.safetensors").read_bytes()
    sha = hashlib.sha256(weights).hexdigest()
    assert entries["model.safetensors"].content_id == f"sha256:{sha}"
    assert entries["model.safetensors"].lfs is not None and entries["model.safetensors"].lfs.size == len(weights)
    assert entries["model.safetensors"].lfs_served
    info = source.describe()
    commit = hashlib.sha1(OPEN.encode()).hexdigest()
    assert (info.kind, info.repo_id, info.revision, info.commit) == ("hub", OPEN, "main", commit)
    assert info.url == f"{hub.endpoint}/{OPEN}/tree/{commit}"
    assert [r[:2] for r in hub.requests] == [("GET", f"/api/models/{OPEN}?blobs=true")]
    assert hub.bytes_served == {}  # listing transfers no file bytes


def test_revision_is_resolved_and_recorded(hub: FakeHub, tmp_path: Path) -> None:
    source = _source(hub, tmp_path, f"hf:{GATED}@v1.0", token="hf_granted_token")
    info = source.describe()
    assert (info.revision, info.commit) == ("v1.0", "2" * 40)
    assert source.gate() == "manual"


# -- reads -----------------------------------------------------------------------------------------------


def test_small_files_are_downloaded_pinned_to_the_commit_and_cached(hub: FakeHub, tmp_path: Path) -> None:
    source = _source(hub, tmp_path)
    commit = source.commit
    assert source.read("config.json") == (FIXTURES / OPEN / "config.json").read_bytes()
    local = source.local_path("config.json")
    assert local is not None and local.read_bytes() == (FIXTURES / OPEN / "config.json").read_bytes()
    assert not local.is_symlink()  # the blob, so ScanCode (which does not follow symlinks) reads it
    resolves = [p for m, p, _ in hub.requests if "/resolve/" in p]
    assert resolves == [f"/{OPEN}/resolve/{commit}/config.json"] * 2  # HEAD + GET, at the commit SHA
    assert source.stats.files_downloaded == 1 and source.stats.bytes_downloaded == local.stat().st_size
    hub.reset_counters()
    again = _source(hub, tmp_path)
    assert again.read("config.json", 10) == local.read_bytes()[:10]
    assert [p for _, p, _ in hub.requests] == [f"/api/models/{OPEN}?blobs=true"]  # from the cache
    assert again.stats.files_from_cache == 1 and again.stats.bytes_downloaded == 0


def test_a_moved_branch_is_downloaded_again(tmp_path: Path) -> None:
    """The cache is keyed by commit: a copy cached for an older commit never stands in for the new one."""
    import shutil

    root = tmp_path / "hub"
    shutil.copytree(FIXTURES / OPEN, root / OPEN)
    with FakeHub(root) as fake:
        (root / OPEN / ".fakehub.yaml").write_text('sha: "' + "a" * 40 + '"\n')
        assert _source(fake, tmp_path).read("config.json") == (root / OPEN / "config.json").read_bytes()
        (root / OPEN / "config.json").write_text('{"changed": true}\n')
        (root / OPEN / ".fakehub.yaml").write_text('sha: "' + "b" * 40 + '"\n')
        fake.reset_counters()
        moved = _source(fake, tmp_path)
        assert moved.read("config.json") == b'{"changed": true}\n'
        assert moved.commit == "b" * 40 and moved.stats.files_downloaded == 1


def test_weights_are_read_by_bounded_ranges_only(hub: FakeHub, tmp_path: Path) -> None:
    source = _source(hub, tmp_path)
    weights = (FIXTURES / OPEN / "model.safetensors").read_bytes()
    assert source.read("model.safetensors", 8, 0) == weights[:8]
    assert source.read("model.safetensors", 16, 8) == weights[8:24]
    assert source.read("model.safetensors", 4, 10) == weights[10:14]  # within the last range: no request
    ranges = [h.get("range") for m, p, h in hub.requests if p.startswith("/_lfs/")]
    assert ranges == ["bytes=0-7", "bytes=8-23"]  # exact ranges, nothing read ahead
    assert hub.bytes_served == {f"{OPEN}/model.safetensors": 24}
    assert (source.stats.ranges, source.stats.bytes_ranged) == (2, 24)
    assert source.transfer().header_bytes == 24
    assert source.local_path("model.safetensors") is None
    with pytest.raises(OSError, match="never downloaded whole"):
        source.read("model.safetensors")


def test_files_over_the_per_file_cap_are_skipped_not_downloaded(hub: FakeHub, tmp_path: Path) -> None:
    source = _source(hub, tmp_path, max_file_download=100)
    entries = {e.path: e for e in source.iter_files()}
    license_size = (FIXTURES / OPEN / "LICENSE").stat().st_size
    assert entries["LICENSE"].problem == (f"not downloaded from the Hub: {license_size} bytes, over the per-file "
                                          "download cap of 100 bytes (--max-download-file)")
    assert not entries["LICENSE"].problem_is_error
    assert entries["model.safetensors"].problem is None  # headers are ranged, whatever the cap
    with pytest.raises(OSError, match="per-file download cap"):
        source.read("LICENSE", 10)
    assert source.local_path("LICENSE") is None
    assert hub.bytes_served == {}


def test_total_download_cap(hub: FakeHub, tmp_path: Path) -> None:
    source = _source(hub, tmp_path, max_download=200)
    source.read("config.json")
    with pytest.raises(DownloadCapExceededError) as exc:
        source.read("LICENSE")
    assert exc.value.exit_code == 3 and exc.value.path == "LICENSE" and exc.value.cap == 200
    assert "--max-download" in str(exc.value)
    assert f"{OPEN}/LICENSE" not in hub.bytes_served


class _IgnoresRange(http.server.BaseHTTPRequestHandler):
    """Answers every GET with 200 and a 10 MiB body, whatever the Range header says."""

    sent = 0

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Length", str(10 * 1024 * 1024))
        self.end_headers()
        try:
            for _ in range(160):
                self.wfile.write(b"\0" * 65536)
                type(self).sent += 65536
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


def test_ranged_get_refuses_a_server_that_ignores_range() -> None:
    from huggingface_hub import get_session

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _IgnoresRange)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(OSError, match="ignored the Range header"):
            ranged_get(get_session(), f"http://127.0.0.1:{server.server_address[1]}/w", {}, 0, 8)
    finally:
        server.shutdown()
        server.server_close()


# -- errors ------------------------------------------------------------------------------------------------


def test_not_found_gated_and_revision_errors(hub: FakeHub, tmp_path: Path) -> None:
    with pytest.raises(HubRepoNotFoundError, match="'acme/nope' was not found"):
        _source(hub, tmp_path, "hf:acme/nope").describe()
    with pytest.raises(HubRevisionNotFoundError, match="Revision 'nope' of Hub repo 'acme/open-model'"):
        _source(hub, tmp_path, f"hf:{OPEN}@nope").describe()
    # The info API answers for gated repos; the gate is checked before any file work.
    with pytest.raises(HubGatedError) as exc:
        list(_source(hub, tmp_path, f"hf:{GATED}").iter_files())
    assert "(HTTP 401)" in str(exc.value) and f"Request access at {hub.endpoint}/{GATED}" in str(exc.value)
    with pytest.raises(HubGatedError, match=r"the token given has access .*HTTP 403"):
        list(_source(hub, tmp_path, f"hf:{GATED}", token="hf_other").iter_files())
    hub.inject(OPEN, "gated")  # gated on every request, the info API included
    with pytest.raises(HubGatedError):
        _source(hub, tmp_path).describe()


def test_rate_limit_then_success_honours_retry_after(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "rate-limit", count=1, retry_after=1, on="info")
    start = time.monotonic()
    assert _source(hub, tmp_path).describe().repo_id == OPEN
    assert 1.0 <= time.monotonic() - start < 3.0  # waited Retry-After (1 s), not the 0.05 s backoff
    assert [p for _, p, _ in hub.requests] == [f"/api/models/{OPEN}?blobs=true"] * 2


def test_rate_limit_that_persists(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "rate-limit", count=10, retry_after=0, on="info")
    with pytest.raises(HubRateLimitedError) as exc:
        _source(hub, tmp_path).describe()
    assert "(HTTP 429, 3 attempts)" in str(exc.value) and exc.value.retry_after == 0
    hub.clear_faults()
    hub.inject(OPEN, "rate-limit", count=1, retry_after=3600, on="info")
    start = time.monotonic()
    with pytest.raises(HubRateLimitedError, match="Wait 3600 s"):
        _source(hub, tmp_path).describe()  # a long Retry-After is reported, not waited for
    assert time.monotonic() - start < 1.0


def test_server_error_three_times_then_failure(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "server-error", count=3, on="info")
    with pytest.raises(HubUnavailableError, match=r"did not serve the file list of 'acme/open-model' "
                                                  r"\(HTTP 500, 3 attempts\)"):
        _source(hub, tmp_path).describe()
    assert len(hub.requests) == 3
    hub.inject(OPEN, "server-error", count=2, on="info")
    assert _source(hub, tmp_path).describe().repo_id == OPEN  # the third attempt succeeds


def test_truncated_header_range_is_retried_then_reported(hub: FakeHub, tmp_path: Path) -> None:
    weights = (FIXTURES / OPEN / "model.safetensors").read_bytes()
    hub.inject(OPEN, "truncate", count=1, on="lfs")
    assert _source(hub, tmp_path).read("model.safetensors", 8) == weights[:8]
    hub.inject(OPEN, "truncate", on="lfs")
    source = _source(hub, tmp_path)
    with pytest.raises(OSError, match="connection cut mid-answer.*3 attempts") as exc:
        source.read("model.safetensors", 8)  # this file's failure: an OSError, so the file is an error
    assert not isinstance(exc.value, HubUnavailableError)
    assert source.stats.bytes_ranged == 3 * 4  # half of the 8 bytes arrived on each of the 3 attempts


def test_stalled_server_gives_up_in_bounded_time(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "stall", count=3, on="info")
    start = time.monotonic()
    with pytest.raises(HubUnavailableError, match=r"no answer within 0.5 s, 3 attempts"):
        _source(hub, tmp_path, timeout=0.5, retry=RetryPolicy(attempts=3, backoff=0.05, timeout=0.5)).describe()
    assert time.monotonic() - start < 4.0


def test_lookup_card(hub: FakeHub, tmp_path: Path) -> None:
    source = _source(hub, tmp_path)
    data = source.lookup_card("dataset", "acme/tiny-data")
    assert data.card == {"license": "cc-by-4.0", "task_categories": ["text-classification"]}
    assert data.commit == hashlib.sha1(b"acme/tiny-data").hexdigest() and data.error is None
    base = source.lookup_card("model", "acme/llama-base")  # gated: the card is still readable
    assert base.card is not None and base.card["license"] == "llama3.1" and base.gated == "manual"
    missing = source.lookup_card("model", "acme/nope")
    assert missing.card is None and "not found" in (missing.error or "") and not missing.transient
    hub.inject("acme/flaky", "server-error")
    flaky = source.lookup_card("model", "acme/flaky")
    assert flaky.transient and "HTTP 500" in (flaky.error or "")
