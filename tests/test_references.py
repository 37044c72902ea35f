"""References on local scans: no network, card-driven (frameworks, gates, unlooked-up lineage)."""

from __future__ import annotations

from pathlib import Path

from osai_scan import scan
from osai_scan.models import Component, ComponentStatus, FreedomStatus, Presence, VerdictStatus
from tests.hubenv import report_data
from tests.hubfixtures import CONFIG, gguf_header


def _repo(tmp_path: Path, card: str, files: dict[str, bytes]) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README.md").write_text(f"---\n{card}---\n# A model\n")
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


def test_gguf_weights_imply_llama_cpp(tmp_path: Path) -> None:
    gguf = gguf_header({"general.architecture": "llama", "general.license": "mit"}, [("w", (4, 4))], vocab=3)
    report = scan(str(_repo(tmp_path, "license: mit\n", {"model.gguf": gguf})))
    code = report.component(Component.CODE)
    assert (code.presence, code.status, code.references) == (Presence.REFERENCED, ComponentStatus.OPEN,
                                                             ("framework.llama-cpp",))
    (ref,) = report.references
    assert ref.matched_by == "weights format .gguf (no library_name in the model card)"
    assert ref.expression == "mit" and ref.source.startswith("rules/frameworks.yaml:")
    assert report.verdict.status is VerdictStatus.OPEN_SOURCE_AI
    assert report.verdict.reasons[0].startswith("code: satisfied by reference to framework.llama-cpp (mit)")
    report_data(report)


def test_unknown_library_is_a_finding_and_code_stays_absent(tmp_path: Path) -> None:
    report = scan(str(_repo(tmp_path, "license: mit\nlibrary_name: acme-runner\n", {"config.json": CONFIG.encode()})))
    assert report.component(Component.CODE).presence is Presence.ABSENT
    (finding,) = [f for f in report.findings if f.id == "code.framework-unknown"]
    assert "library_name 'acme-runner'" in finding.message and finding.paths == ("README.md",)
    assert report.verdict.status is VerdictStatus.UNDETERMINED


def test_card_gate_and_local_lineage(tmp_path: Path) -> None:
    card = ("license: mit\nlibrary_name: transformers\nbase_model: acme/base\n"
            "extra_gated_prompt: Tell us who you are.\nextra_gated_fields:\n  Company: text\n  Country: country\n")
    report = scan(str(_repo(tmp_path, card, {"config.json": CONFIG.encode()})))
    (gate,) = [f for f in report.findings if f.id == "access.gated"]
    assert gate.message.endswith('Gate terms: "Tell us who you are.". Information asked: Company, Country.')
    model = report.component(Component.MODEL)
    assert model.freedoms is not None and model.freedoms.use.status is FreedomStatus.CONDITIONAL
    assert model.freedoms.study.status is FreedomStatus.MEETS
    assert report.component(Component.CODE).status is ComponentStatus.OPEN  # the framework is not behind the gate
    assert report.verdict.status is VerdictStatus.NOT_OPEN_SOURCE_AI
    (base,) = [r for r in report.references if r.kind.value == "base-model"]
    assert (base.expression, base.detail) == (None, "not looked up: local scans do not query the Hub")
    assert not [f for f in report.findings if f.id.startswith("lineage.")]
    report_data(report)
