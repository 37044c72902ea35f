"""``osai-scan scan hf:...`` in a subprocess, with HF_ENDPOINT pointing at the fake Hub.

The Hub client reads its environment at import, so these run the CLI as a user would. Failures
happen before ScanCode loads its index, so each costs well under a second plus the retries.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.fakehub import FakeHub
from tests.hubenv import hf_env, hub, hub_env, module_hub, run_cli, validate  # noqa: F401 - fixtures

OPEN = "acme/open-model"


def _env(hub: FakeHub, tmp_path: Path, **extra: str) -> dict[str, str]:
    env = hub_env(tmp_path / "hf_home", hub.endpoint)
    env["OSAI_SCAN_HUB_TIMEOUT"] = "1"
    env.update(extra)
    return env


@pytest.mark.parametrize(("target", "fault", "message"), [
    ("hf:acme/nope", None,
     "Error: Hub repo 'acme/nope' was not found at {endpoint}. Check the id; if the repo is private, pass a token "
     "that has access with --token or HF_TOKEN (or run `hf auth login`)."),
    ("hf:acme/gated-model", None,
     "Error: Hub repo 'acme/gated-model' is gated and no token with access to it was sent (HTTP 401). Request "
     "access at {endpoint}/acme/gated-model, then pass a token that has access with --token or HF_TOKEN (or run "
     "`hf auth login`)."),
    (f"hf:{OPEN}@no-such-branch", None,
     f"Error: Revision 'no-such-branch' of Hub repo '{OPEN}' was not found. Give an existing branch, tag or commit "
     f"(see {{endpoint}}/{OPEN}/tree/main)."),
    (f"hf:{OPEN}", ("server-error", 3),
     f"Error: The Hub at {{endpoint}} did not serve the file list of '{OPEN}' (HTTP 500, 3 attempts). Try again "
     "later; check your network, proxy and HF_ENDPOINT (OSAI_SCAN_HUB_TIMEOUT sets the per-request timeout)."),
    (f"hf:{OPEN}", ("rate-limit", 10),
     f"Error: The Hub at {{endpoint}} rate-limited the requests for the file list of '{OPEN}' (HTTP 429, 3 "
     "attempts). Wait 1 s and scan again; authenticated requests (--token or HF_TOKEN) get a higher limit."),
    (f"hf:{OPEN}", ("stall", 3),
     f"Error: The Hub at {{endpoint}} did not serve the file list of '{OPEN}' (no answer within 1 s, 3 attempts). "
     "Try again later; check your network, proxy and HF_ENDPOINT (OSAI_SCAN_HUB_TIMEOUT sets the per-request "
     "timeout)."),
])
def test_hub_failures_give_one_line_and_exit_3(hub: FakeHub, tmp_path: Path, target: str,
                                               fault: tuple[str, int] | None, message: str) -> None:
    if fault:
        hub.inject(OPEN, fault[0], count=fault[1], on="info")
    start = time.monotonic()
    result = run_cli(["scan", target, "-o", str(tmp_path / "r.json")], _env(hub, tmp_path), timeout=30)
    elapsed = time.monotonic() - start
    assert result.returncode == 3, result.stderr
    assert result.stderr.splitlines() == [message.format(endpoint=hub.endpoint)]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (tmp_path / "r.json").exists()  # no partial report
    assert elapsed < 15


def test_download_cap_exceeded(hub: FakeHub, tmp_path: Path) -> None:
    result = run_cli(["scan", f"hf:{OPEN}", "--max-download", "1KiB"], _env(hub, tmp_path))
    assert result.returncode == 3
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: Reading 'LICENSE' (") and "past its 1024-byte download cap" in line
    assert line.endswith("Raise the cap with --max-download (e.g. --max-download 256MiB).")


@pytest.mark.parametrize(("args", "message"), [
    (["hf:acme/x@v1", "--revision", "v2"],
     "Error: The target asks for revision 'v1' and --revision for 'v2'. Give the revision once."),
    (["https://huggingface.co/spaces/acme/app"],
     "Error: 'https://huggingface.co/spaces/acme/app' is a Space: osai-scan scans Hub models and datasets. "
     "Give the URL of a model or a dataset, https://huggingface.co/[datasets/]ORG/NAME."),
    (["hf:acme/x", "--max-download", "lots"], None),
])
def test_usage_errors_exit_2(hub: FakeHub, tmp_path: Path, args: list[str], message: str | None) -> None:
    result = run_cli(["scan", *args], _env(hub, tmp_path))
    assert result.returncode == 2
    if message:
        assert result.stderr.splitlines() == [message]
    else:
        assert "'lots' is not a size" in result.stderr


def test_scan_by_url_writes_a_valid_report(hub: FakeHub, tmp_path: Path) -> None:
    """A whole scan through the CLI, the target given as a URL of the configured endpoint, with a revision."""
    out = tmp_path / "report.json"
    result = run_cli(["scan", f"{hub.endpoint}/{OPEN}/tree/main", "-o", str(out)], _env(hub, tmp_path))
    assert result.returncode == 0, result.stderr
    data = validate(json.loads(out.read_text()))
    assert data["target"]["kind"] == "hub" and data["target"]["repo_id"] == OPEN
    assert data["target"]["revision"] == "main" and len(data["target"]["commit"]) == 40
    assert data["verdict"]["status"] == "open-source-ai" and data["complete"] is True
    assert {f["path"]: f["license"] for f in data["files"]}["LICENSE"] == "apache-2.0"
    lines = result.stderr.splitlines()
    assert lines[0] == f"osai-scan: open-source-ai (6 files, 1 findings); report written to {out}"
    assert lines[1].startswith(f"osai-scan: from {hub.endpoint}: 5 file(s) downloaded (")
    assert lines[1].endswith("2 header range(s) (112 bytes), 0 file(s) from the cache; weights never downloaded")


@pytest.mark.parametrize(("code", "status", "kind"), [
    ("GatedRepo", 401, "HubGatedError"),  # GatedRepoError subclasses RepositoryNotFoundError: tested first
    ("RepoNotFound", 404, "HubRepoNotFoundError"),
    ("RevisionNotFound", 404, "HubRevisionNotFoundError"),
    (None, 503, "HubUnavailableError"),
])
def test_untranslated_client_errors_are_still_one_line(code: str | None, status: int, kind: str) -> None:
    """A raw huggingface_hub error reaching the CLI boundary gets the same message table."""
    import httpx2
    from huggingface_hub.utils import hf_raise_for_status

    from osai_scan import errors
    from osai_scan.cli._errors import format_known

    request = httpx2.Request("GET", "https://huggingface.co/api/models/acme/x")
    response = httpx2.Response(status, headers={"X-Error-Code": code} if code else {}, request=request)
    with pytest.raises(Exception) as exc:
        hf_raise_for_status(response)
    known = format_known(exc.value)
    assert known is not None and known[1] == 3
    expected = {"HubGatedError": "is gated", "HubRepoNotFoundError": "was not found",
                "HubRevisionNotFoundError": "Revision", "HubUnavailableError": "(HTTP 503, 1 attempt)"}[kind]
    assert expected in known[0] and "\n" not in known[0]
    assert issubclass(getattr(errors, kind), errors.HubError)
