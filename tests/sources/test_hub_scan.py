"""Whole scans of Hub repositories, in process (one ScanCode index for the module), through the fake Hub."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from osai_scan import ScanOptions, scan
from osai_scan.errors import HubGatedError
from osai_scan.models import Component, ComponentStatus, FileStatus, Freedom, FreedomStatus, Presence, VerdictStatus
from osai_scan.sources import HubOptions
from osai_scan.sources.hub_http import RetryPolicy
from tests.fakehub import FakeHub
from tests.hubenv import FIXTURES, big_hub, hf_env, hub, module_hub, report_data  # noqa: F401 - fixtures

OPEN = "acme/open-model"
FAST = RetryPolicy(attempts=3, backoff=0.05, timeout=2.0)
MIB = 1024 * 1024


def _options(hub: FakeHub, tmp_path: Path, **kw: object) -> ScanOptions:
    return ScanOptions(hub=HubOptions(endpoint=hub.endpoint, cache_dir=tmp_path / "cache", retry=FAST, timeout=2.0,
                                      **kw))  # type: ignore[arg-type]


def _files(report: object) -> list[tuple[str, str, str | None, str]]:
    return [(f.path, f.component.value, f.license, f.status.value) for f in report.files]  # type: ignore[attr-defined]


def test_big_weights_cost_only_their_headers(big_hub: tuple[FakeHub, dict[str, int]], tmp_path: Path) -> None:
    """2 GiB of safetensors and 1 GiB of GGUF: less than 1 MiB of weight bytes leave the server."""
    hub, params = big_hub
    hub.reset_counters()
    scan("hf:acme/open-model", _options(hub, tmp_path))  # warm ScanCode's index outside the timing
    hub.reset_counters()
    start = time.monotonic()
    report = scan("hf:acme/big-model", _options(hub, tmp_path / "big"))
    elapsed = time.monotonic() - start
    served = hub.bytes_served
    weights = {k: v for k, v in served.items() if k.endswith((".safetensors", ".gguf"))}
    assert set(weights) == {"acme/big-model/model.safetensors", "acme/big-model/model-q4.gguf"}
    assert sum(weights.values()) < MIB
    assert sum(served.values()) < MIB
    ranges = {name: sorted((h.get("range") for m, p, h in hub.requests if p.endswith("/" + name)),
                           key=lambda r: int(r.split("=")[1].split("-")[0]))
              for name in ("model.safetensors", "model-q4.gguf")}
    # Exact reads: the safetensors length, then its header; GGUF chunks doubling from 4 KiB.
    assert ranges["model.safetensors"] == ["bytes=0-7", "bytes=8-4095"]
    assert ranges["model-q4.gguf"] == ["bytes=0-4095", "bytes=4096-12287", "bytes=12288-28671", "bytes=28672-61439"]
    assert len(hub.requests) <= 3 + 6 + 2 * 6 and elapsed < 10  # info, HEAD+GET of 3 small files, 6 ranges
    data = report_data(report)
    assert data["complete"] is True
    safetensors, gguf = report.file("model.safetensors"), report.file("model-q4.gguf")
    assert safetensors.size == 2 * 1024**3 and gguf.size == 1024**3
    assert safetensors.status is FileStatus.HEADER_ONLY and gguf.status is FileStatus.HEADER_ONLY
    assert safetensors.header is not None and safetensors.header.parameter_count == params["model.safetensors"]
    assert gguf.header is not None and gguf.header.parameter_count == params["model-q4.gguf"]
    assert dict((m.key, m.value) for m in gguf.header.metadata)["general.license"] == "mit"
    assert gguf.license == "mit" and gguf.attribution.source.value == "file-metadata"
    assert safetensors.license == "mit" and safetensors.attribution.source.value == "declared"
    assert report.verdict.status is VerdictStatus.OPEN_SOURCE_AI
    assert report.target.kind == "hub" and report.target.repo_id == "acme/big-model"


def test_local_and_hub_scans_agree(hub: FakeHub, tmp_path: Path) -> None:
    """The same repository, scanned as a folder and through the Hub, gets the same labels, licenses, verdict."""
    local_copy = tmp_path / "open-model"
    shutil.copytree(FIXTURES / OPEN, local_copy)
    local = scan(str(local_copy))
    remote = scan(f"hf:{OPEN}", _options(hub, tmp_path))
    expected = [
        ("LICENSE", "legal", "apache-2.0", "scanned"),
        ("README.md", "documentation", "apache-2.0", "scanned"),
        ("config.json", "model", "apache-2.0", "scanned"),
        ("generation_config.json", "model", "apache-2.0", "scanned"),
        ("model.safetensors", "model", "apache-2.0", "header-only"),
        ("tokenizer.json", "model", "apache-2.0", "scanned"),
    ]
    assert _files(local) == _files(remote) == expected
    assert [f.attribution.source.value for f in remote.files] == [f.attribution.source.value for f in local.files]
    assert local.verdict == remote.verdict
    assert remote.verdict.status is VerdictStatus.OPEN_SOURCE_AI
    for component in (Component.CODE, Component.MODEL):
        assert local.component(component) == remote.component(component)
    code = remote.component(Component.CODE)
    assert (code.presence, code.status, code.references) == (Presence.REFERENCED, ComponentStatus.OPEN,
                                                             ("framework.transformers",))
    assert [(lc.expression, lc.files, lc.references) for lc in code.licenses] == [
        ("apache-2.0", 0, ("framework.transformers",))]
    # Datasets are looked up on the Hub only: the local scan names the dataset without a license.
    hub_data, local_data = remote.component(Component.TRAINING_DATA), local.component(Component.TRAINING_DATA)
    assert (hub_data.presence, hub_data.status) == (Presence.REFERENCED, ComponentStatus.OPEN)
    assert [(lc.expression, lc.references) for lc in hub_data.licenses] == [("cc-by-4.0", ("acme/tiny-data",))]
    assert (local_data.presence, local_data.status, local_data.unlicensed) == (
        Presence.REFERENCED, ComponentStatus.UNLICENSED, ("acme/tiny-data",))
    (dataset,) = [r for r in remote.references if r.kind.value == "dataset"]
    assert (dataset.declared, dataset.expression_spdx) == ("cc-by-4.0", "CC-BY-4.0")
    assert dataset.source.startswith("dataset card of 'acme/tiny-data' at ")
    data = report_data(remote)
    report_data(local)
    assert data["target"]["revision"] == "main" and data["target"]["commit"] == remote.target.commit
    assert data["components"]["code"]["presence"] == "referenced"
    assert {i["key"]: i["value"] for i in data["declared"]["model_card"]}["library_name"] == "transformers"
    # Only the small files were transferred; the weights file by exact ranges: its length, then its header.
    weights = (FIXTURES / OPEN / "model.safetensors").read_bytes()
    assert hub.bytes_served[f"{OPEN}/model.safetensors"] == 8 + int.from_bytes(weights[:8], "little")  # the header


def test_lineage_conflict_with_a_llama_base(hub: FakeHub, tmp_path: Path) -> None:
    report = scan("hf:acme/llama-finetune", _options(hub, tmp_path))
    (conflict,) = [f for f in report.findings if f.id == "lineage.license-conflict"]
    assert conflict.severity.value == "error"
    assert conflict.message.startswith("This model declares apache-2.0, but its base model 'acme/llama-base' is "
                                       "under llama-3.1-license-2024: a finetune of it cannot be licensed that way")
    (base,) = [r for r in report.references if r.kind.value == "base-model"]
    assert (base.id, base.declared, base.expression) == ("acme/llama-base", "llama3.1", "llama-3.1-license-2024")
    model = report.component(Component.MODEL)
    assert model.status is ComponentStatus.NOT_OPEN and model.references == ("acme/llama-base",)
    # The base model's license is one of the Model's licenses, with provenance lineage naming the base.
    assert [(lc.expression, lc.files, lc.references, lc.provenance) for lc in model.licenses] == [
        ("apache-2.0", 2, (), "files"), ("llama-3.1-license-2024", 0, ("acme/llama-base",), "lineage")]
    assert all(model.freedoms.cell(f).status is FreedomStatus.CONDITIONAL for f in Freedom)  # type: ignore[union-attr]
    assert report.verdict.status is VerdictStatus.NOT_OPEN_SOURCE_AI
    assert "base model acme/llama-base (finetune) is under llama-3.1-license-2024" in report.verdict.reasons[0]
    assert [r[1].split("?")[0] for r in hub.requests if "llama-base" in r[1]] == ["/api/models/acme/llama-base"]
    report_data(report)


def test_gated_repo_with_a_granted_token(hub: FakeHub, tmp_path: Path) -> None:
    with pytest.raises(HubGatedError):
        scan("hf:acme/gated-model", _options(hub, tmp_path))
    report = scan("hf:acme/gated-model", _options(hub, tmp_path, token="hf_granted_token"))
    (gate,) = [f for f in report.findings if f.id == "access.gated"]
    assert "manual approval" in gate.message and 'Gate terms: "You agree to the test terms."' in gate.message
    assert gate.paths == ("README.md",)
    model = report.component(Component.MODEL)
    assert model.freedoms is not None and model.freedoms.use.status is FreedomStatus.FAILS
    assert any("access is gated" in b for b in model.freedoms.use.because)
    assert report.verdict.status is VerdictStatus.NOT_OPEN_SOURCE_AI
    card = {i.key: i.value for i in report.declared.model_card}
    assert card["gated"] == "manual" and card["extra_gated_prompt"] == "You agree to the test terms."
    assert report.file("config.json").license == "llama-3.1-license-2024"
    report_data(report)


def test_rate_limit_then_success_gives_a_complete_report(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "rate-limit", count=1, retry_after=1, on="resolve")
    report = scan(f"hf:{OPEN}", _options(hub, tmp_path))
    assert report.complete and report.verdict.status is VerdictStatus.OPEN_SOURCE_AI
    resolves = [(m, p, h.get("range")) for m, p, h in hub.requests if "/resolve/" in p]
    assert len(resolves) == len(set(resolves)) + 1  # exactly one request repeated: the 429, after Retry-After
    assert report_data(report)["complete"] is True


def test_truncated_download_is_resumed(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject(OPEN, "truncate", count=1, on="get")
    report = scan(f"hf:{OPEN}", _options(hub, tmp_path))
    assert report.complete and report.file("LICENSE").license == "apache-2.0"
    assert report.verdict.status is VerdictStatus.OPEN_SOURCE_AI
    report_data(report)


def test_dataset_lookup_failure_makes_the_report_incomplete(hub: FakeHub, tmp_path: Path) -> None:
    hub.inject("acme/tiny-data", "server-error", repo_type="dataset")
    report = scan(f"hf:{OPEN}", _options(hub, tmp_path))
    assert report.complete is False
    (failed,) = [f for f in report.findings if f.id == "references.lookup-failed"]
    assert "HTTP 500, 3 attempts" in failed.message
    assert report_data(report)["complete"] is False
