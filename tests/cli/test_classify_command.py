"""``osai-scan classify``: labels, rule ids and reasons, as a table or JSON, with --rules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from osai_scan.cli.main import cli
from osai_scan.pipeline import scan
from tests.conftest import ROOT
from tests.hubenv import hub, hub_env, module_hub, run_cli  # noqa: F401 - the fake-Hub fixtures


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_table_lists_every_file_with_label_rule_and_reason(copy_case) -> None:
    repo = copy_case("example")
    result = run("classify", str(repo))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["COMPONENT", "RULE", "PATH", "WHY"]
    rows = {line.split()[2]: line.split()[:2] for line in lines[1:]}
    assert len(rows) == 17
    assert rows["train.py"] == ["training-code", "training-code.structure-loop"]
    assert rows["model/model.safetensors"] == ["model", "model.weights"]
    assert rows["prompts/system.txt"] == ["data", "data.prompts"]
    train = next(line for line in lines if line.split()[2] == "train.py")
    assert "runs a training loop" in train and "[content '" in train and "(line " in train
    assert "structure: call in a loop '" in train
    assert result.stderr.strip() == ("osai-scan: 5 code, 3 training-code, 3 model, 2 training-data, 1 data, "
                                     "1 documentation, 1 legal, 1 other (17 files)")


def test_json_output_and_only_filter(copy_case, tmp_path: Path) -> None:
    repo = copy_case("example")
    out = tmp_path / "labels.json"
    result = run("classify", str(repo), "--format", "json", "--only", "training-code", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema"] == "osai-scan/classify/1"
    assert doc["target"]["kind"] == "local" and doc["target"]["rules_digest"].startswith("sha256:")
    assert [f["path"] for f in doc["files"]] == ["configs/train.yaml", "data/prepare.py", "train.py"]
    assert doc["summary"] == {"training-code": 3}
    config = doc["files"][0]
    assert config == {"path": "configs/train.yaml", "component": "training-code",
                      "rule": "training-code.config-content",
                      "reason": "configuration with training hyperparameters (learning rate, batch size, epochs or "
                                "optimizer)",
                      "evidence": config["evidence"]}
    assert config["evidence"].startswith("content '")


def test_rules_dir_changes_a_label_without_touching_code(copy_case, tmp_path: Path) -> None:
    repo = copy_case("example")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "components.yaml").write_text(
        "rules:\n"
        "  - id: local.prepare-is-code\n"
        "    component: code\n"
        "    reason: our data/prepare.py only validates files\n"
        "    match: {path: [data/prepare.py]}\n", encoding="utf-8")
    before = json.loads(run("classify", str(repo), "--format", "json").stdout)
    after = json.loads(run("classify", str(repo), "--format", "json", "--rules", str(rules)).stdout)
    label = lambda doc: next((f["component"], f["rule"]) for f in doc["files"] if f["path"] == "data/prepare.py")  # noqa: E731
    assert label(before) == ("training-code", "training-code.script-name")
    assert label(after) == ("code", "local.prepare-is-code")


def test_classify_agrees_with_scan(copy_case) -> None:
    repo = copy_case("data-and-prompts", git_repo=True)
    doc = json.loads(run("classify", str(repo), "--format", "json").stdout)
    report = scan(str(repo))
    assert {f["path"]: (f["component"], f["rule"]) for f in doc["files"]} == {
        f.path: (f.component.value, f.rule) for f in report.files}


def test_missing_target_and_bad_rules_are_usage_errors(tmp_path: Path) -> None:
    result = run("classify", str(tmp_path / "nope"))
    assert result.exit_code == 2 and result.stderr.startswith("Error: Target ")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "components.yaml").write_text(
        "rules:\n  - id: x\n    component: code\n    reason: r\n    match: {content: ['(']}\n", encoding="utf-8")
    result = run("classify", str(tmp_path), "--rules", str(rules))
    assert result.exit_code == 2 and "components.yaml:2: bad content regex '('" in result.stderr
    assert "Traceback" not in result.stderr


def test_classify_never_loads_scancode(copy_case) -> None:
    repo = copy_case("example")
    code = ("import sys\n"
            "from osai_scan.cli.main import main\n"
            f"sys.argv = ['osai-scan', 'classify', {str(repo)!r}, '--format', 'json']\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code in (0, None), exc.code\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('scancode', 'licensedcode', 'typecode'))\n"
            "assert not loaded, loaded\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["model"] == 3


def test_classify_a_hub_model(hub, tmp_path: Path) -> None:  # noqa: F811 - the fake-Hub fixture
    """A Hub target, through the CLI in a subprocess (the Hub client reads its environment at import)."""
    env = hub_env(tmp_path / "hf_home", hub.endpoint)
    result = run_cli(["classify", "hf:acme/open-model@main", "--format", "json"], env)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["target"]["kind"] == "hub" and doc["target"]["revision"] == "main"
    labels = {f["path"]: (f["component"], f["rule"]) for f in doc["files"]}
    assert labels["model.safetensors"] == ("model", "model.weights")
    assert labels["config.json"] == ("model", "model.config")
    assert labels["LICENSE"] == ("legal", "legal.license-file")
    assert labels["README.md"] == ("documentation", "documentation.readme")
