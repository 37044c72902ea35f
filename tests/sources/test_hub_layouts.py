"""Hub repositories shaped like real ones, scanned through the fake Hub; bytes counted at the server."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from osai_scan import ScanOptions, scan
from osai_scan.models import Component, ComponentStatus, Presence, VerdictStatus
from osai_scan.sources import HubOptions
from osai_scan.sources.hub_http import RetryPolicy
from tests import hubrepos
from tests.fakehub import FakeHub
from tests.hubenv import hf_env, report_data  # noqa: F401 - fixtures

FAST = RetryPolicy(attempts=3, backoff=0.05, timeout=5.0)
MIB = 1024 * 1024


@pytest.fixture(scope="module")
def layouts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeHub, dict[str, hubrepos.RepoWriter]]]:
    root = tmp_path_factory.mktemp("layouts") / "hub"
    repos = {w.repo_id: w for w in hubrepos.write_all(root)}
    with FakeHub(root) as hub:
        yield hub, repos


def _scan(hub: FakeHub, tmp_path: Path, repo_id: str) -> object:
    hub.reset_counters()
    return scan(f"hf:{repo_id}", ScanOptions(hub=HubOptions(endpoint=hub.endpoint, cache_dir=tmp_path / "cache",
                                                            retry=FAST, timeout=5.0), use_cache=False))


def _weight_bytes(hub: FakeHub, repo_id: str) -> int:
    return sum(n for key, n in hub.bytes_served.items()
               if key.startswith(repo_id + "/") and key.endswith((".safetensors", ".gguf", ".bin", ".onnx", ".parquet")))


def _model_licenses(report: object) -> list[tuple[str | None, int, tuple[str, ...]]]:
    model = report.component(Component.MODEL)  # type: ignore[attr-defined]
    return [(lc.expression, lc.files, lc.references) for lc in model.licenses]


def test_160_shards_read_every_header_under_one_mib(layouts, tmp_path: Path) -> None:
    hub, repos = layouts
    repo = repos["acme/sharded-160"]
    report = _scan(hub, tmp_path, repo.repo_id)
    shards = [f for f in report.files if f.path.endswith(".safetensors")]
    assert len(shards) == 160
    assert all(f.component is Component.MODEL and f.status.value == "header-only" for f in shards)
    served = _weight_bytes(hub, repo.repo_id)
    assert served == sum(repo.weight_bytes.values()) < MIB  # exactly the headers, nothing read ahead
    data = report_data(report)
    assert data["summary"]["header_files"] == 160
    assert data["summary"]["header_bytes_read"] == served
    assert data["transfer"]["header_bytes"] == served and data["transfer"]["header_ranges"] == 320
    assert all(f["header"]["bytes_read"] == f["header"]["header_bytes"] for f in data["files"] if f["header"])
    assert _model_licenses(report) == [("apache-2.0", 162, ())]  # 160 shards, the index, config.json
    assert report.verdict.status is VerdictStatus.OPEN_SOURCE_AI


def _framework_refs(report: object) -> list[tuple[str, str | None, str]]:
    return [(r.id, r.expression, r.matched_by) for r in report.references  # type: ignore[attr-defined]
            if r.kind.value == "framework"]


def test_card_without_library_name_takes_the_framework_from_the_hub(layouts, tmp_path: Path) -> None:
    hub, repos = layouts
    report = _scan(hub, tmp_path, "acme/no-library-name")
    labels = {f.path: f.component.value for f in report.files}
    assert labels == {"LICENSE": "legal", "README.md": "documentation", "config.json": "model",
                      "generation_config.json": "model", "model.safetensors": "model", "tokenizer_config.json": "model"}
    commit = report.target.commit
    assert _framework_refs(report) == [("framework.transformers", "apache-2.0", "library_name: transformers "
                                        f"(Hub model info of 'acme/no-library-name' at {commit})")]
    code = report.component(Component.CODE)
    assert (code.presence, code.status) == (Presence.REFERENCED, ComponentStatus.OPEN)
    assert _model_licenses(report) == [("mit", 4, ())]
    assert report.verdict.status is VerdictStatus.OPEN_SOURCE_AI
    assert _weight_bytes(hub, "acme/no-library-name") == sum(repos["acme/no-library-name"].weight_bytes.values())


def test_diffusers_pipeline_with_sub_folders(layouts, tmp_path: Path) -> None:
    hub, repos = layouts
    report = _scan(hub, tmp_path, "acme/diffusion-pipeline")
    model_files = sorted(f.path for f in report.files if f.component is Component.MODEL)
    assert model_files == ["model_index.json", "scheduler/scheduler_config.json", "text_encoder/config.json",
                           "text_encoder/model.safetensors", "tokenizer/merges.txt", "tokenizer/vocab.json",
                           "unet/config.json", "unet/diffusion_pytorch_model.safetensors", "vae/config.json",
                           "vae/diffusion_pytorch_model.safetensors"]
    assert [r[0] for r in _framework_refs(report)] == ["framework.diffusers"]
    assert "Hub model info of 'acme/diffusion-pipeline'" in _framework_refs(report)[0][2]
    assert _model_licenses(report) == [("bigscience-open-rail-m2", 10, ())]
    assert report.component(Component.MODEL).status is ComponentStatus.NOT_OPEN
    assert report.verdict.status is VerdictStatus.NOT_OPEN_SOURCE_AI
    assert _weight_bytes(hub, "acme/diffusion-pipeline") == sum(repos["acme/diffusion-pipeline"].weight_bytes.values())


def test_onnx_export_never_displaces_the_framework_the_weights_were_made_with(layouts, tmp_path: Path) -> None:
    hub, repos = layouts
    report = _scan(hub, tmp_path, "acme/onnx-export")
    assert report.file("onnx/model.onnx").component is Component.MODEL
    assert report.file("onnx/model.onnx").status.value == "skipped"  # binary: never read
    refs = _framework_refs(report)
    assert [(i, e) for i, e, _ in refs] == [("framework.onnxruntime", "mit"), ("framework.transformers", "apache-2.0")]
    assert refs[0][2] == "weights format .onnx (no library_name in the model card)"
    finding = next(f for f in report.findings if f.id == "code.by-reference")
    assert finding.message.startswith("The repository holds no code; the Code component is satisfied by reference "
                                      "to Hugging Face Transformers (apache-2.0)")
    assert "also served for ONNX Runtime (mit)" in finding.message
    code = report.component(Component.CODE)
    assert [(lc.expression, lc.references) for lc in code.licenses] == [
        ("apache-2.0", ("framework.transformers",)), ("mit", ("framework.onnxruntime",))]
    assert _model_licenses(report) == [("apache-2.0", 4, ())]
    assert report.verdict.status is VerdictStatus.OPEN_SOURCE_AI
    assert _weight_bytes(hub, "acme/onnx-export") == repos["acme/onnx-export"].weight_bytes["model.safetensors"]


@pytest.mark.parametrize(("repo_id", "framework", "matched_by"), [
    ("acme/no-library-name", "framework.transformers",
     "config.json holds transformers_version (no library_name in the model card or the Hub's model info)"),
    ("acme/diffusion-pipeline", "framework.diffusers",
     "model_index.json holds _diffusers_version (no library_name in the model card or the Hub's model info)"),
    ("acme/onnx-export", "framework.transformers",
     "config.json holds transformers_version (no library_name in the model card or the Hub's model info)"),
])
def test_local_scans_infer_the_framework_from_the_same_files(layouts, tmp_path: Path, repo_id: str, framework: str,
                                                              matched_by: str) -> None:
    import shutil

    _, repos = layouts
    folder = tmp_path / "copy"
    shutil.copytree(repos[repo_id].folder, folder, ignore=shutil.ignore_patterns(".fakehub.yaml"))
    report = scan(str(folder), ScanOptions(use_cache=False))
    refs = _framework_refs(report)
    assert (framework, matched_by) in [(i, m) for i, _, m in refs]
    assert report.component(Component.CODE).presence is Presence.REFERENCED


def _declared_card(report: object) -> tuple[str, str | None, str]:
    (entry,) = [d for d in report.declared.licenses if d.source == "model-card"]  # type: ignore[attr-defined]
    return entry.value, entry.expression, entry.detail


@pytest.mark.parametrize(("repo_id", "expression", "verdict"), [
    ("acme/other-license-link", "mit", VerdictStatus.OPEN_SOURCE_AI),
    ("acme/other-license-url", "qwen-2024", VerdictStatus.NOT_OPEN_SOURCE_AI),
])
def test_license_other_with_a_link_to_the_repository_license_file(layouts, tmp_path: Path, repo_id: str,
                                                                  expression: str, verdict: VerdictStatus) -> None:
    hub, repos = layouts
    report = _scan(hub, tmp_path, repo_id)
    assert report.file("LICENSE").component is Component.LEGAL
    assert report.file("LICENSE").license == expression  # ScanCode identified the text
    assert _declared_card(report) == ("other: acme-model-license", expression, "license_link points to 'LICENSE'")
    ids = {f.id for f in report.findings}
    assert not ids & {"declared.license-other-unresolved", "attribution.unresolved-reference", "declared.conflict"}
    assert _model_licenses(report) == [(expression, 2, ())]
    assert report.verdict.status is verdict
    assert _weight_bytes(hub, repo_id) == sum(repos[repo_id].weight_bytes.values())


def test_license_link_elsewhere_is_a_reference_the_scan_could_not_read(layouts, tmp_path: Path) -> None:
    hub, _ = layouts
    report = _scan(hub, tmp_path, "acme/other-license-elsewhere")
    assert _declared_card(report) == ("other: acme-model-license", None,
                                      "license id 'acme-model-license' is neither a Hub license id nor an SPDX id")
    (unread,) = [f for f in report.findings if f.id == "attribution.unresolved-reference"]
    assert unread.message == ("Model card 'README.md' declares license: other (license_name: acme-model-license) with "
                              "license_link 'https://example.com/terms.html', outside the repository: the scan does "
                              "not read it, so the license it names is unknown.")
    assert "declared.license-other-unresolved" not in {f.id for f in report.findings}
    assert _model_licenses(report) == [("mit", 2, ())]  # the root LICENSE still declares the repository's license
    assert report.verdict.status is VerdictStatus.OPEN_SOURCE_AI


def test_lora_adapter_inherits_its_base_models_license(layouts, tmp_path: Path) -> None:
    from osai_scan.report import render_table

    hub, repos = layouts
    report = _scan(hub, tmp_path, "acme/llama2-lora")
    assert {f.path: f.component.value for f in report.files} == {
        "README.md": "documentation", "adapter_config.json": "model", "adapter_model.safetensors": "model"}
    assert _model_licenses(report) == [("apache-2.0", 2, ()), ("llama-2-license-2023", 0, ("acme/llama-2-7b",))]
    model = report.component(Component.MODEL)
    assert [lc.provenance for lc in model.licenses] == ["files", "lineage"]
    assert model.status is ComponentStatus.NOT_OPEN
    assert model.freedoms is not None and model.freedoms.use.because[-1].startswith(
        "base model acme/llama-2-7b (adapter) is under llama-2-license-2023: ")
    (conflict,) = [f for f in report.findings if f.id == "lineage.license-conflict"]
    assert "an adapter of it cannot be licensed that way" in conflict.message
    assert [r[0] for r in _framework_refs(report)] == ["framework.peft"]
    assert report.verdict.status is VerdictStatus.NOT_OPEN_SOURCE_AI
    data = report_data(report)
    assert data["components"]["model"]["licenses"][1] == {
        "expression": "llama-2-license-2023", "expression_spdx": "LicenseRef-scancode-llama-2-license-2023",
        "files": 0, "example": "acme/llama-2-7b", "references": ["acme/llama-2-7b"], "provenance": "lineage"}
    model_row = next(line for line in render_table(report).splitlines() if line.startswith("model "))
    assert model_row.rstrip().endswith(
        "Apache-2.0, LicenseRef-scancode-llama-2-license-2023 (lineage: acme/llama-2-7b)")
    assert _weight_bytes(hub, "acme/llama2-lora") == repos["acme/llama2-lora"].weight_bytes["adapter_model.safetensors"]
    assert not any("llama-2-7b/" in key for key in hub.bytes_served)  # the base is looked up, never downloaded


def test_dataset_repository_scan(layouts, tmp_path: Path) -> None:
    """hf:datasets/ORG/NAME: card, license file, Parquet files by framing and size; no row is downloaded."""
    hub, repos = layouts
    hub.reset_counters()
    report = scan("hf:datasets/acme/web-text", ScanOptions(
        profile="open-science", use_cache=False,
        hub=HubOptions(endpoint=hub.endpoint, cache_dir=tmp_path / "cache", retry=FAST, timeout=5.0)))
    assert report.target.name == "datasets/acme/web-text" and report.target.repo_id == "acme/web-text"
    assert report.target.url == f"{hub.endpoint}/datasets/acme/web-text/tree/{report.target.commit}"
    parquet = [f for f in report.files if f.path.endswith(".parquet")]
    assert len(parquet) == 4
    assert all((f.component, f.status.value, f.license) == (Component.TRAINING_DATA, "header-only", "odc-by-1.0")
               for f in parquet)
    assert parquet[0].header is not None and (parquet[0].header.format, parquet[0].header.bytes_read) == ("parquet", 12)
    assert parquet[0].size == 2 * 1024**3
    assert (report.file("LICENSE").component, report.file("LICENSE").license) == (Component.LEGAL, "odc-by-1.0")
    data = report.component(Component.TRAINING_DATA)
    assert (data.status, data.presence) == (ComponentStatus.OPEN, Presence.PRESENT)
    assert [(lc.expression, lc.files, lc.provenance) for lc in data.licenses] == [("odc-by-1.0", 4, "files")]
    assert report.component(Component.MODEL).status is ComponentStatus.ABSENT
    (note,) = [f for f in report.findings if f.id == "scan.dataset-repository"]
    assert note.message == ("'datasets/acme/web-text' is a dataset repository: its 6 file(s) were sorted into the "
                            "dataset's components (documentation 1, legal 1, training-data 4).")
    assert report.verdict.status is VerdictStatus.UNDETERMINED  # no Code or Model: a dataset is not a system
    served = {k: v for k, v in hub.bytes_served.items() if k.endswith(".parquet")}
    assert sum(served.values()) == 4 * 12 and all(k.startswith("datasets/acme/web-text/") for k in served)
    assert report_data(report)["transfer"]["header_bytes"] == 48
    from osai_scan.report import render_table

    assert render_table(report).splitlines()[0].startswith("osai-scan ") and \
        f": hf:datasets/acme/web-text@main @ {report.target.commit[:12]}" in render_table(report).splitlines()[0]
