"""A misbehaving Hub, case by case, through the real huggingface_hub client against the fake Hub (issue 15).

Each case ends in bounded time with a typed one-line error (the CLI turns it into exit 3) or, when the
fault concerns one file, with that file's error while the rest is read. The bounds are configured
small here (``HubOptions``); ``docs/SECURITY.md`` gives the worst case with the defaults. Wall times are
asserted loosely (machines are noisy): an order of magnitude above the configured bound, far below what
the fault would cost without it (an hour of Retry-After, a drip that never ends, 3,000 pages).
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from osai_scan.errors import HubDeadlineError, HubRateLimitedError, HubUnavailableError
from osai_scan.sources import HubOptions, HubSource, open_source
from osai_scan.sources.hub_http import RetryPolicy
from tests.fakehub import FakeHub
from tests.hubenv import FIXTURES, hf_env  # noqa: F401 - fixtures

OPEN = "acme/open-model"
LISTING = "acme/hostile-listing"
CARD = "acme/hostile-card"
FAST = RetryPolicy(attempts=3, backoff=0.05, timeout=2.0)
TOKEN = "hf_secret_token_for_the_fake_hub"
#: Paths a hostile listing gives, each of which would address something else than this repo's file.
HOSTILE_PATHS = (
    "../../acme/open-model/resolve/main/model.safetensors",
    "/etc/passwd",
    "docs/../../escape.txt",
    "./config.json",
    "a//b.json",
)


def write_hostile_repos(root: Path) -> None:
    """The fixture repos, plus a repo whose listing climbs out and one whose card names non-ids."""
    shutil.copytree(FIXTURES, root)
    listing = root / LISTING
    shutil.copytree(FIXTURES / OPEN, listing)
    (listing / ".fakehub.yaml").write_text("listing_extra:\n" + "".join(f"  - {p!r}\n" for p in HOSTILE_PATHS))
    card = root / CARD
    shutil.copytree(FIXTURES / OPEN, card)
    (card / "README.md").write_text(
        "---\nlicense: apache-2.0\nlibrary_name: transformers\n"
        "datasets:\n  - Common Crawl\n  - {name: wiki, split: train}\n  - acme/tiny-data\n"
        "base_model: my base model\n---\n\n# A card naming things that are not repo ids\n")


@pytest.fixture(scope="module")
def fault_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("faulthub") / "hub"
    write_hostile_repos(root)
    return root


@pytest.fixture(scope="module")
def module_fault_hub(fault_root: Path) -> Iterator[FakeHub]:
    with FakeHub(fault_root, page_size=2) as hub:  # 2 entries a page: open-model's listing is 3 pages
        yield hub


@pytest.fixture
def hub(module_fault_hub: FakeHub) -> Iterator[FakeHub]:
    module_fault_hub.reset_counters()
    module_fault_hub.clear_faults()
    yield module_fault_hub
    module_fault_hub.clear_faults()


def _source(hub: FakeHub, tmp_path: Path, repo: str = OPEN, **kw: object) -> HubSource:
    options = HubOptions(endpoint=hub.endpoint, cache_dir=tmp_path / "cache", retry=kw.pop("retry", FAST),
                         timeout=float(kw.pop("timeout", 2.0)), **kw)  # type: ignore[arg-type]
    source = open_source(f"hf:{repo}", None, options)
    assert isinstance(source, HubSource)
    return source


def _kinds(hub: FakeHub) -> list[str]:
    """What each request was: info, tree, HEAD/GET of a file, lfs."""
    out = []
    for method, path, _ in hub.requests:
        if "/tree/" in path:
            out.append("tree")
        elif path.startswith("/api/"):
            out.append("info")
        elif path.startswith("/_lfs/"):
            out.append(f"{method} lfs")
        else:
            out.append(f"{method} {path.split('?')[0].rsplit('/', 1)[-1]}")
    return out


class _Timer:
    def __enter__(self) -> "_Timer":
        self.start = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        self.elapsed = time.monotonic() - self.start


# -- 429 with a long Retry-After: never waited for, by us or by the client ----------------------------------


@pytest.mark.parametrize(("on", "after", "read", "requests"), [
    ("info", 0, None, ["info"]),
    ("tree", 0, None, ["info", "tree"]),  # the file list by pages (the info API gave no sizes)
    ("tree", 1, None, ["info", "tree", "tree"]),  # the second page
    ("head", 0, "config.json", ["info", "HEAD config.json"]),
    ("get", 0, "config.json", ["info", "HEAD config.json", "GET config.json"]),
])
def test_long_retry_after_is_reported_not_waited_for(hub: FakeHub, tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                     on: str, after: int, read: str | None,
                                                     requests: list[str]) -> None:
    hub.inject(OPEN, "rate-limit", count=None, retry_after=3600, on=on, after=after)  # first: matched first
    if on == "tree":
        hub.inject(OPEN, "no-sizes", on="info")
    source = _source(hub, tmp_path)
    caplog.set_level(logging.INFO)
    with _Timer() as t, pytest.raises(HubRateLimitedError) as exc:
        source.read(read) if read else source.describe()
    message = str(exc.value)
    assert "(HTTP 429, 1 attempt)" in message and "Wait 3600 s and scan again" in message
    assert exc.value.retry_after == 3600 and "\n" not in message
    assert _kinds(hub) == requests  # one request for the failing step: no retry of ours, none of the client's
    assert not [r for r in caplog.records if r.name.startswith("huggingface_hub") and "etry" in r.getMessage()]
    assert t.elapsed < 5


def test_retry_after_above_the_configured_bound(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "rate-limit", count=None, retry_after=2, on="info")
    retry = RetryPolicy(attempts=3, backoff=0.05, max_retry_after=1.0, timeout=2.0)
    with _Timer() as t, pytest.raises(HubRateLimitedError, match=r"HTTP 429, 1 attempt"):
        _source(hub, tmp_path, retry=retry).describe()
    assert t.elapsed < 1.5 and _kinds(hub) == ["info"]


def test_a_short_retry_after_is_one_retry_of_ours(hub: FakeHub, tmp_path: Path,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    """Within the bound, Retry-After is waited for once by osai-scan; the client adds no wait of its own."""
    hub.inject(OPEN, "rate-limit", count=1, retry_after=1, on="head")
    source = _source(hub, tmp_path)
    caplog.set_level(logging.INFO)
    with _Timer() as t:
        assert source.read("config.json") == (FIXTURES / OPEN / "config.json").read_bytes()
    assert _kinds(hub) == ["info", "HEAD config.json", "HEAD config.json", "GET config.json"]
    assert 1.0 <= t.elapsed < 10
    assert [r.getMessage() for r in caplog.records if r.name.startswith("osai_scan")
            and "retrying in 1.0 s" in r.getMessage()]
    assert not [r for r in caplog.records if r.name.startswith("huggingface_hub") and "etry" in r.getMessage()]


# -- card values that are not repo ids ---------------------------------------------------------------------


def test_card_values_that_are_not_repo_ids_are_never_looked_up(hub: FakeHub, tmp_path: Path) -> None:
    source = _source(hub, tmp_path, CARD)
    for value in ("Common Crawl", "my base model", "{'name': 'wiki'}", "a/b/c", "../acme/x"):
        found = source.lookup_card("dataset", value)
        assert found.error == "not a Hub repository id; not looked up" and found.card is None
        assert not found.transient
    assert hub.requests == []


# -- listings whose paths climb out --------------------------------------------------------------------------


def test_hostile_listing_paths_are_errors_never_fetched(hub: FakeHub, tmp_path: Path) -> None:
    source = _source(hub, tmp_path, LISTING, token=TOKEN)
    entries = {e.path: e for e in source.iter_files()}
    for path in HOSTILE_PATHS:
        entry = entries[path]
        assert entry.problem_is_error and entry.problem is not None
        assert entry.problem.startswith("not fetched: the Hub's file list gives ")
        with pytest.raises(OSError, match="not fetched"):
            source.read(path, 8)
        assert source.head(path) is None and source.local_path(path) is None
    assert "climbs out of the repository" in (entries["docs/../../escape.txt"].problem or "")
    assert "an absolute path" in (entries["/etc/passwd"].problem or "")
    assert source.read("config.json") == (FIXTURES / OPEN / "config.json").read_bytes()
    paths = [p for _, p, _ in hub.requests]
    assert all(p.startswith((f"/api/models/{LISTING}", f"/{LISTING}/resolve/{source.commit}/")) for p in paths), paths
    assert hub.bytes_served == {f"{LISTING}/config.json": len((FIXTURES / OPEN / "config.json").read_bytes())}
    cache = tmp_path / "cache"
    assert all(p.resolve().is_relative_to(cache.resolve()) for p in cache.rglob("*"))


# -- bodies larger than the listing says ------------------------------------------------------------------------


@pytest.mark.parametrize("announce", [True, False])
def test_a_body_larger_than_listed_stops_at_the_listed_size(hub: FakeHub, tmp_path: Path, announce: bool) -> None:
    """README listed at 155 bytes, served at 50 MiB more: with or without a Content-Length saying so."""
    size = (FIXTURES / OPEN / "README.md").stat().st_size
    hub.inject(OPEN, "oversize", on="get", path="README.md", announce=announce)
    source = _source(hub, tmp_path, max_download=1024 * 1024, max_file_download=200)
    with _Timer() as t, pytest.raises(OSError) as exc:
        source.read("README.md")
    message = str(exc.value)
    if announce:
        assert f"it announced a body of {size + 50 * 1024 * 1024} bytes, over the {size} bytes allowed; not read" \
            in message
        assert source.stats.bytes_downloaded == 0
    else:
        assert f"it sent more than the {size} bytes allowed; stopped there" in message
        assert size < source.stats.bytes_downloaded <= size + 64 * 1024  # what arrived: at most one read past
    assert "1 attempt" in message and t.elapsed < 10
    cached = sum(p.stat().st_size for p in (tmp_path / "cache").rglob("*") if p.is_file())
    assert cached <= size + 64 * 1024  # nothing like 50 MiB reached the cache folder
    assert source.read("config.json")  # the scan goes on
    assert source.stats.files_downloaded == 1


def test_a_compressed_body_is_refused_unread(hub: FakeHub, tmp_path: Path) -> None:
    """A 50 MiB gzip bomb (about 50 KiB on the wire) never reaches the cache: file bodies must come uncompressed."""
    hub.inject(OPEN, "gzip", on="get", path="README.md")
    source = _source(hub, tmp_path)
    with pytest.raises(OSError, match=r"it sent a gzip-compressed body though none was asked for; not read"):
        source.read("README.md")
    gets = [h for m, p, h in hub.requests if m == "GET" and p.endswith("/README.md")]
    assert [h.get("accept-encoding") for h in gets] == ["identity"]
    assert source.stats.bytes_downloaded == 0
    assert sum(p.stat().st_size for p in (tmp_path / "cache").rglob("*") if p.is_file()) < 1024
    assert source.read("config.json")


def test_a_truncated_body_is_a_file_error_after_our_attempts_only(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "truncate", on="get", path="README.md")
    source = _source(hub, tmp_path)
    with _Timer() as t, pytest.raises(OSError, match=r"connection cut mid-answer.*3 attempts") as exc:
        source.read("README.md")
    assert not isinstance(exc.value, HubUnavailableError)  # this file's error, not the scan's
    assert _kinds(hub).count("GET README.md") == 3  # the client's own resume-and-retry loop never ran
    assert t.elapsed < 10
    assert source.read("config.json")


# -- pagination -----------------------------------------------------------------------------------------------


def test_page_limit(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "no-sizes", on="info")
    with pytest.raises(HubUnavailableError, match=r"the listing goes on past 2 pages .*1 attempt") as exc:
        _source(hub, tmp_path, max_pages=2).describe()
    assert "OSAI_SCAN_HUB_MAX_PAGES" in str(exc.value)
    assert _kinds(hub) == ["info", "tree", "tree"]
    hub.reset_counters()
    entries = list(_source(hub, tmp_path, max_pages=3).iter_files())  # 6 files, 2 a page
    assert len(entries) == 6 and _kinds(hub) == ["info", "tree", "tree", "tree"]


def test_a_next_page_link_that_loops(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "no-sizes", on="info")
    hub.inject(OPEN, "page-loop", on="tree")
    with _Timer() as t, pytest.raises(HubUnavailableError, match="a pagination loop") as exc:
        _source(hub, tmp_path).describe()
    assert "(its next-page link points back at a page already read" in str(exc.value)
    assert _kinds(hub) == ["info", "tree"] and t.elapsed < 5


def test_a_next_page_on_another_host_never_gets_the_token(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "no-sizes", on="info")
    hub.inject(OPEN, "page-away", on="tree")
    with pytest.raises(HubUnavailableError, match=r"a link to another host \(http://localhost:\d+\) was not followed"):
        _source(hub, tmp_path, token=TOKEN).describe()
    assert [h.get("host", "").split(":")[0] for _, _, h in hub.requests] == ["127.0.0.1", "127.0.0.1"]
    assert all(h.get("authorization") == f"Bearer {TOKEN}" for _, _, h in hub.requests)


# -- dripping and hanging servers: deadlines per request and per scan ----------------------------------------------


def test_a_dripping_answer_trips_the_request_deadline(hub: FakeHub, tmp_path: Path) -> None:
    """One byte every 0.2 s never trips the 2 s read timeout; the 1 s request deadline ends each attempt."""
    hub.inject(OPEN, "drip", on="info", interval=0.2)
    with _Timer() as t, pytest.raises(HubUnavailableError) as exc:
        _source(hub, tmp_path, request_deadline=1.0).describe()
    assert "(no complete answer within the 1 s request deadline, 3 attempts)" in str(exc.value)
    assert _kinds(hub) == ["info"] * 3
    assert 3.0 <= t.elapsed < 20


def test_a_dripping_file_is_that_file_s_error(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "drip", on="get", path="config.json", interval=0.2)
    source = _source(hub, tmp_path, request_deadline=0.5)
    with _Timer() as t, pytest.raises(OSError, match=r"request deadline, 3 attempts") as exc:
        source.read("config.json")
    assert not isinstance(exc.value, HubUnavailableError) and t.elapsed < 20
    assert source.read("LICENSE") == (FIXTURES / OPEN / "LICENSE").read_bytes()


def test_the_scan_deadline_bounds_retries_and_backoff(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "server-error", on="info")
    retry = RetryPolicy(attempts=10, backoff=0.5, timeout=2.0)
    with _Timer() as t, pytest.raises(HubDeadlineError) as exc:
        _source(hub, tmp_path, retry=retry, scan_deadline=1.2).describe()
    message = str(exc.value)
    assert message.startswith(f"The scan of '{OPEN}' used up its 1.2 s Hub time budget before the file list could be")
    assert "(last failure: HTTP 500, 2 attempts)" in message and "OSAI_SCAN_HUB_DEADLINE" in message
    assert _kinds(hub) == ["info", "info"]  # 0.5 s, then 1 s of backoff would pass the budget: not slept
    assert t.elapsed < 10


def test_a_hanging_tree_endpoint_fails_with_the_true_attempt_count(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "no-sizes", on="info")
    hub.inject(OPEN, "stall", on="tree")
    with _Timer() as t, pytest.raises(HubUnavailableError) as exc:
        _source(hub, tmp_path, timeout=0.5, retry=RetryPolicy(attempts=3, backoff=0.05, timeout=0.5)).describe()
    assert "did not serve the file list of 'acme/open-model' (no answer within 0.5 s, 3 attempts)" in str(exc.value)
    assert _kinds(hub) == ["info", "tree", "tree", "tree"]
    assert t.elapsed < 20


# -- redirects ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("on", ["head", "get"])
def test_a_redirect_loop_is_that_file_s_error(hub: FakeHub, tmp_path: Path, on: str) -> None:
    hub.inject(OPEN, "redirect-loop", on=on, path="config.json")
    source = _source(hub, tmp_path)
    with _Timer() as t, pytest.raises(OSError, match=r"a redirect loop .*1 attempt") as exc:
        source.read("config.json")
    assert not isinstance(exc.value, HubUnavailableError) and t.elapsed < 10
    assert len(hub.requests) <= 1 + 2 + 21  # info, one hop loop bounded (huggingface_hub's HEAD follows 20)
    assert source.read("LICENSE")


def test_an_api_redirect_to_another_host_is_refused(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "redirect-away", on="info")
    with pytest.raises(HubUnavailableError, match=r"it redirected to another host \(http://localhost:\d+\); not "
                                                  r"followed, 1 attempt"):
        _source(hub, tmp_path, token=TOKEN).describe()
    assert [p for _, p, _ in hub.requests] == [f"/api/models/{OPEN}?blobs=true"]


def test_a_file_redirected_to_another_host_gets_no_token(hub: FakeHub, tmp_path: Path) -> None:
    """Files do move to other hosts (the Hub's CDN): followed, but the token stays with the endpoint."""
    hub.inject(OPEN, "redirect-away", on="get", path="config.json")
    source = _source(hub, tmp_path, token=TOKEN)
    assert source.read("config.json") == (FIXTURES / OPEN / "config.json").read_bytes()
    away = [h for _, p, h in hub.requests if p.startswith("/_away/")]
    assert len(away) == 1 and away[0]["host"].startswith("localhost:") and "authorization" not in away[0]
    assert all(h.get("authorization") == f"Bearer {TOKEN}" for _, p, h in hub.requests if not p.startswith("/_away"))


# -- whole scans: one file's fault marks that file, the report is complete -------------------------------------


def _scan(hub: FakeHub, tmp_path: Path, repo: str, **kw: object):  # type: ignore[no-untyped-def]
    from osai_scan import ScanOptions, scan

    options = HubOptions(endpoint=hub.endpoint, cache_dir=tmp_path / "cache", retry=FAST, timeout=2.0,
                         **kw)  # type: ignore[arg-type]
    return scan(f"hf:{repo}", ScanOptions(hub=options))


def test_scan_of_a_card_naming_non_ids(hub: FakeHub, tmp_path: Path) -> None:
    from tests.hubenv import report_data

    report = _scan(hub, tmp_path, CARD)
    data = report_data(report)
    odd = [f for f in data["findings"] if f["id"] == "references.not-a-repo-id"]
    assert sorted(f["message"] for f in odd) == [
        "The model card's base_model holds 'my base model', which is not a Hub repository id (ORG/NAME), so it "
        "was not looked up.",
        "The model card's datasets holds 'Common Crawl', which is not a Hub repository id (ORG/NAME), so it was "
        "not looked up.",
        "The model card's datasets holds '{\"name\": \"wiki\", \"split\": \"train\"}', which is not a Hub "
        "repository id (ORG/NAME), so it was not looked up.",
    ]
    assert all(f["severity"] == "warning" for f in odd)
    references = {(r["kind"], r["id"]): r for r in data["references"]}
    assert references[("dataset", "Common Crawl")]["detail"] == "not a Hub repository id; not looked up"
    assert references[("base-model", "my base model")]["detail"] == "not a Hub repository id; not looked up"
    assert references[("dataset", "acme/tiny-data")]["declared"] == "cc-by-4.0"  # the real id is looked up
    api = sorted({p.split("?")[0] for _, p, _ in hub.requests if p.startswith("/api/")})
    assert api == ["/api/datasets/acme/tiny-data", f"/api/models/{CARD}"]
    assert data["complete"] is True


def test_scan_of_a_hostile_listing(hub: FakeHub, tmp_path: Path) -> None:
    from tests.hubenv import report_data

    report = _scan(hub, tmp_path, LISTING)
    data = report_data(report)
    files = {f["path"]: f for f in data["files"]}
    assert sorted(files) == sorted([*HOSTILE_PATHS, "LICENSE", "README.md", "config.json", "generation_config.json",
                                    "model.safetensors", "tokenizer.json"])
    for path in HOSTILE_PATHS:
        assert files[path]["status"] == "error"
        assert files[path]["status_reason"].startswith("not fetched: the Hub's file list gives ")
    assert files["LICENSE"]["status"] == "scanned" and files["LICENSE"]["license"] == "apache-2.0"
    assert files["model.safetensors"]["status"] == "header-only"
    assert data["complete"] is False  # five files could not be read, and the report says so
    assert not [k for k in hub.bytes_served if not k.startswith(f"{LISTING}/")]


@pytest.mark.parametrize("fault", ["server-error", "redirect-loop"])
def test_one_weight_file_failing_marks_that_file(hub: FakeHub, tmp_path: Path, fault: str) -> None:
    from tests.hubenv import report_data

    hub.inject(OPEN, fault, on="lfs", path="model.safetensors")
    with _Timer() as t:
        report = _scan(hub, tmp_path, OPEN)
    data = report_data(report)
    files = {f["path"]: f for f in data["files"]}
    weights = files["model.safetensors"]
    assert weights["status"] == "error"
    assert ("HTTP 500, 3 attempts" if fault == "server-error" else "a redirect loop") in weights["status_reason"]
    assert {p: f["status"] for p, f in files.items() if p != "model.safetensors"} == {
        "LICENSE": "scanned", "README.md": "scanned", "config.json": "scanned", "generation_config.json": "scanned",
        "tokenizer.json": "scanned"}
    assert data["complete"] is False and t.elapsed < 60


# -- the command line: a clear line and exit 3, or a report, in bounded time -------------------------------------


def _cli(hub: FakeHub, tmp_path: Path, args: list[str], **env: str):  # type: ignore[no-untyped-def]
    from tests.hubenv import hub_env, run_cli

    environment = hub_env(tmp_path / "hf_home", hub.endpoint)
    environment.update(OSAI_SCAN_HUB_TIMEOUT="2", **env)
    start = time.monotonic()
    result = run_cli(["scan", *args, "-o", str(tmp_path / "r.json")], environment, timeout=120)
    return result, time.monotonic() - start


def test_cli_long_retry_after_on_the_second_page(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "rate-limit", count=None, retry_after=3600, on="tree", after=1)
    hub.inject(OPEN, "no-sizes", on="info")
    result, elapsed = _cli(hub, tmp_path, [f"hf:{OPEN}"])
    assert result.returncode == 3, result.stderr
    assert result.stderr.splitlines() == [
        f"Error: The Hub at {hub.endpoint} rate-limited the requests for the file list of '{OPEN}' (HTTP 429, 1 "
        "attempt). Wait 3600 s and scan again; authenticated requests (--token or HF_TOKEN) get a higher limit."]
    assert not (tmp_path / "r.json").exists() and elapsed < 30


def test_cli_dripping_server(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "drip", on="info", interval=0.2)
    result, elapsed = _cli(hub, tmp_path, [f"hf:{OPEN}"], OSAI_SCAN_HUB_REQUEST_DEADLINE="1")
    assert result.returncode == 3, result.stderr
    assert result.stderr.splitlines() == [
        f"Error: The Hub at {hub.endpoint} did not serve the file list of '{OPEN}' (no complete answer within the 1 "
        "s request deadline, 3 attempts). Try again later; check your network, proxy and HF_ENDPOINT "
        "(OSAI_SCAN_HUB_TIMEOUT sets the per-request timeout)."]
    assert elapsed < 30


def test_cli_oversize_body_counts_what_arrived(hub: FakeHub, tmp_path: Path) -> None:
    import json

    from tests.hubenv import validate

    size = (FIXTURES / OPEN / "README.md").stat().st_size
    hub.inject(OPEN, "oversize", on="get", path="README.md", announce=False)
    result, elapsed = _cli(hub, tmp_path, [f"hf:{OPEN}", "--max-download", "1MiB", "--max-download-file", "200"])
    assert result.returncode == 3, result.stderr  # a report, incomplete: README.md could not be read
    data = validate(json.loads((tmp_path / "r.json").read_text()))
    readme = {f["path"]: f for f in data["files"]}["README.md"]
    assert readme["status"] == "error" and f"it sent more than the {size} bytes allowed" in readme["status_reason"]
    assert data["complete"] is False
    lines = result.stderr.splitlines()
    (summary,) = [line for line in lines if "file(s) downloaded" in line]
    downloaded = int(summary.split("file(s) downloaded (")[1].split(" bytes")[0].replace(",", ""))
    sizes = sum((FIXTURES / OPEN / n).stat().st_size for n in ("config.json", "generation_config.json",
                                                                 "tokenizer.json"))
    assert sizes + size < downloaded <= sizes + size + 64 * 1024  # what arrived, README's cut body included
    assert "LICENSE" in {f["path"] for f in data["files"] if f["status"] == "skipped"}  # over 200 bytes
    assert elapsed < 60


def test_an_api_answer_over_its_cap(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    shutil.copytree(FIXTURES / OPEN, root / OPEN)
    (root / OPEN / ".fakehub.yaml").write_text("info: {padding: '" + "x" * 20000 + "'}\n")
    with FakeHub(root) as fake:
        with pytest.raises(HubUnavailableError, match=r"it announced a body of \d+ bytes, over the 4096 bytes "
                                                      r"allowed; not read, 1 attempt"):
            _source(fake, tmp_path, max_api_bytes=4096).describe()
        assert _source(fake, tmp_path / "again").describe().repo_id == OPEN  # 64 MiB by default


@pytest.mark.parametrize(("extra", "ok"), [(50 * 1024 * 1024, False), (1000, True)])
def test_a_compressed_api_answer_is_capped_on_its_decoded_size(hub: FakeHub, tmp_path: Path, extra: int,
                                                               ok: bool) -> None:
    """A model info sent gzip-compressed anyway: decoded here, so the cap counts what it decodes to."""
    hub.inject(OPEN, "gzip", on="info", extra=extra)
    source = _source(hub, tmp_path, max_api_bytes=1024 * 1024)
    if ok:
        assert len(list(source.iter_files())) == 6
    else:
        with _Timer() as t, pytest.raises(HubUnavailableError, match=r"it sent more than the 1048576 bytes allowed; "
                                                                     r"stopped there, 1 attempt"):
            source.describe()
        assert t.elapsed < 10
    assert [h.get("accept-encoding") for _, _, h in hub.requests] == ["identity"]


@pytest.mark.parametrize("info", ["siblings: 5", "siblings: [{rfilename: 7, size: x}]", "sha: [1, 2]"])
def test_an_info_answer_that_makes_no_sense(tmp_path: Path, info: str) -> None:
    root = tmp_path / "hub"
    shutil.copytree(FIXTURES / OPEN, root / OPEN)
    (root / OPEN / ".fakehub.yaml").write_text(f"info: {{{info}}}\n")
    with FakeHub(root) as fake, pytest.raises(HubUnavailableError) as exc:
        endpoint = fake.endpoint
        list(_source(fake, tmp_path).iter_files())
    assert str(exc.value).startswith(f"The Hub at {endpoint} did not ")
    assert "\n" not in str(exc.value)
