"""Well-known Hub repositories reproduced in the fake Hub (tests/hubrepos_known.py): verdict, the
Model's licenses with their provenance and source, the framework standing in for Code, and the
weight bytes transferred (counted at the fake server)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from osai_scan import ScanOptions, scan
from osai_scan.models import Component, VerdictStatus
from osai_scan.sources import HubOptions
from osai_scan.sources.hub_http import RetryPolicy
from tests.fakehub import FakeHub
from tests.hubenv import hf_env, report_data  # noqa: F401 - fixtures
from tests.hubrepos import RepoWriter
from tests.hubrepos_known import AUDITOR_TOKEN, KNOWN, write_known

OPEN, NOT_OPEN, UNDETERMINED = (VerdictStatus.OPEN_SOURCE_AI, VerdictStatus.NOT_OPEN_SOURCE_AI,
                                VerdictStatus.UNDETERMINED)
ONNX, TF, ST, GGUF = ("framework.onnxruntime", "framework.transformers", "framework.sentence-transformers",
                      "framework.llama-cpp")

#: repo → (verdict, Model licenses as (expression, provenance), attribution source of the Model files,
#: frameworks standing in for Code (None: Code is present as files, or not asserted)).
EXPECTED: dict[str, tuple[VerdictStatus, list[tuple[str, str]], str | None, list[str] | None]] = {
    "openai-community/gpt2": (OPEN, [("mit", "files")], "declared", [ONNX, TF]),
    "google-bert/bert-base-uncased": (OPEN, [("apache-2.0", "files")], "declared", [ONNX, TF]),
    # Gated (auto): users must share contact details first, so Use is conditional.
    "mistralai/Mistral-7B-v0.1": (NOT_OPEN, [("apache-2.0", "files")], "declared", [TF]),
    "meta-llama/Llama-2-7b-hf": (NOT_OPEN, [("llama-2-license-2023", "files")], "declared", [TF]),
    "stabilityai/stable-diffusion-xl-base-1.0": (NOT_OPEN, [("bigscience-open-rail-m2", "files")], "declared",
                                                 ["framework.diffusers"]),
    "sentence-transformers/all-MiniLM-L6-v2": (OPEN, [("apache-2.0", "files")], "declared", [ONNX, ST]),
    "TheBloke/Llama-2-7B-GGUF": (NOT_OPEN, [("llama-2-license-2023", "files"), ("llama-2-license-2023", "lineage")],
                                 "declared", [GGUF]),
    "Qwen/Qwen2.5-7B-Instruct": (OPEN, [("apache-2.0", "files"), ("apache-2.0", "lineage")], "declared", [TF]),
    # license: other + license_link to its own LICENSE (the Qwen license); the base's card says
    # only license_name: qwen, so its lineage is a warning (lineage.base-license-unknown).
    "Qwen/Qwen2.5-72B-Instruct": (NOT_OPEN, [("qwen-2024", "files")], "declared", [TF]),
    "microsoft/phi-2": (OPEN, [("mit", "files")], "declared", [TF]),
    "tiiuae/falcon-7b": (OPEN, [("apache-2.0", "files")], "declared", None),  # modeling_falcon.py is Code
    "google/gemma-2b": (NOT_OPEN, [("gemma-tou-2025-03-24", "files")], "declared", [GGUF, TF]),
    "openai/whisper-large-v3": (OPEN, [("apache-2.0", "files")], "declared", None),
    "BAAI/bge-small-en-v1.5": (OPEN, [("mit", "files")], "declared", [ONNX, ST]),
    "deepseek-ai/DeepSeek-V3": (NOT_OPEN, [("deepseek-la-1.0", "files")], "component-license-file", None),
    "datasets/HuggingFaceFW/fineweb": (UNDETERMINED, [], None, None),
    # The card names no base model; adapter_config.json does (a repository no longer on the Hub).
    "tloen/alpaca-lora-7b": (OPEN, [("mit", "files")], "declared", ["framework.peft"]),
}


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeHub, dict[str, RepoWriter]]]:
    root = tmp_path_factory.mktemp("known") / "hub"
    repos = {("datasets/" if "/datasets/" in str(w.folder) else "") + w.repo_id: w for w in write_known(root)}
    with FakeHub(root) as hub:
        yield hub, repos


def test_every_known_repository_has_an_expectation() -> None:
    assert sorted(EXPECTED) == sorted(KNOWN) and len(KNOWN) >= 15


@pytest.mark.parametrize("repo_id", KNOWN)
def test_known_repository(known, tmp_path: Path, repo_id: str) -> None:
    hub, repos = known
    verdict, licenses, source, frameworks = EXPECTED[repo_id]
    hub.reset_counters()
    report = scan(f"hf:{repo_id}", ScanOptions(use_cache=False, hub=HubOptions(
        endpoint=hub.endpoint, cache_dir=tmp_path / "cache", token=AUDITOR_TOKEN,
        retry=RetryPolicy(attempts=3, backoff=0.05, timeout=5.0), timeout=5.0)))
    model = report.component(Component.MODEL)
    assert [(lc.expression, lc.provenance) for lc in model.licenses] == licenses
    lineage = [lc for lc in model.licenses if lc.provenance == "lineage"]
    assert all(lc.files == 0 and lc.references == (lc.example,) for lc in lineage)
    model_files = [f for f in report.files if f.component is Component.MODEL]
    if source is not None:  # where every Model file's license comes from (the card, LICENSE-MODEL, ...)
        assert model_files and {f.attribution.source.value for f in model_files} == {source}
    if frameworks is not None:
        assert sorted(r.id for r in report.references if r.kind.value == "framework") == frameworks
    assert report.verdict.status is verdict
    # Weight bytes: exactly each safetensors header (and 12 bytes of Parquet framing); a GGUF
    # header at most twice its size (reads double from 4 KiB); no other weights byte at all.
    writer = repos[repo_id]
    prefix = repo_id + "/"
    served = {k[len(prefix):]: n for k, n in hub.bytes_served.items() if k.startswith(prefix) and k[len(prefix):]
              in writer.weight_bytes and not k.endswith("tokenizer.model")}
    for path, n in served.items():
        header = report.file(path).header
        assert header is not None, path  # only headers were read
        if path.endswith(".gguf"):
            assert header.header_bytes is not None and n == header.bytes_read <= 2 * header.header_bytes + 4096
        else:
            assert n == header.bytes_read == writer.weight_bytes[path]
    data = report_data(report)
    assert data["transfer"]["header_bytes"] == sum(served.values()) == data["summary"]["header_bytes_read"]


def test_adapter_config_names_the_base_when_the_card_does_not(known, tmp_path: Path) -> None:
    hub, _ = known
    report = scan("hf:tloen/alpaca-lora-7b", ScanOptions(use_cache=False, hub=HubOptions(
        endpoint=hub.endpoint, cache_dir=tmp_path / "cache", retry=RetryPolicy(attempts=1, timeout=5.0))))
    (base,) = [r for r in report.references if r.kind.value == "base-model"]
    assert (base.id, base.expression) == ("decapoda-research/llama-7b-hf", None)
    assert base.matched_by == "base_model_name_or_path (adapter_config.json, relation: adapter)"
    (unknown,) = [f for f in report.findings if f.id == "lineage.base-license-unknown"]
    assert unknown.message.startswith("The license of base model 'decapoda-research/llama-7b-hf' is unknown")
    assert unknown.paths == ("adapter_config.json",)
