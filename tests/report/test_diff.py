"""`osai-scan diff` on two revisions of a fixture (a license changed; a weights file added), and
`scan --fail-on error|warning`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from osai_scan.cli.main import cli
from tests.conftest import case_dir, git


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _scan(repo: Path, out: Path) -> Path:
    result = run("scan", str(repo), "-q", "--no-cache", "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def _commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def test_a_model_license_changed(copy_case, tmp_path: Path) -> None:
    repo = copy_case("mit-code-llama-weights", git_repo=True)
    llama = _scan(repo, tmp_path / "llama.json")
    shutil.copyfile(repo / "LICENSE", repo / "LICENSE-MODEL")  # the model is relicensed under MIT
    _commit(repo, "relicense the model under MIT")
    mit = _scan(repo, tmp_path / "mit.json")

    better = run("diff", str(llama), str(mit))
    assert better.exit_code == 0
    lines = better.stdout.splitlines()
    assert lines[0] == "osai-scan diff: changed; nothing got less open under blog-2024"
    assert "  blog-2024: not-open-source-ai -> open-source-ai" in lines
    assert "  blog-2024: model: not-open -> open" in lines
    assert "  model/config.json: LicenseRef-scancode-llama-2-license-2023 -> MIT" in lines
    assert "  LICENSE-MODEL: LicenseRef-scancode-llama-2-license-2023 -> MIT" in lines
    assert "  [error] policy.component-not-open [model/config.json, model/model.safetensors, model/tokenizer.json]" \
        in lines[lines.index("Findings resolved:"):]
    assert "Files added:" not in lines and "Files removed:" not in lines

    worse = run("diff", str(mit), str(llama), "--format", "json")
    assert worse.exit_code == 1
    data = json.loads(worse.stdout)
    assert data["worse"] is True and data["empty"] is False
    assert {"what": "blog-2024", "old": "open-source-ai", "new": "not-open-source-ai", "worse": True} in data["verdicts"]
    assert {"what": "blog-2024: model", "old": "open", "new": "not-open", "worse": True} in data["components"]
    assert {"what": "osaid-1.0: model", "old": "open", "new": "not-open", "worse": False} in data["components"]
    assert data["files_added"] == [] and data["files_removed"] == []


def test_a_weights_file_added(copy_case, tmp_path: Path) -> None:
    repo = copy_case("code-no-weights", git_repo=True)
    before = _scan(repo, tmp_path / "before.json")
    (repo / "model").mkdir()
    shutil.copyfile(case_dir("mit-code-llama-weights") / "model" / "model.safetensors",
                    repo / "model" / "model.safetensors")
    _commit(repo, "add weights")
    after = _scan(repo, tmp_path / "after.json")

    added = run("diff", str(before), str(after), "--format", "markdown")
    assert added.exit_code == 0
    assert "## Files added\n\n- `model/model.safetensors`\n" in added.stdout
    assert "- `blog-2024: model: absent -> open`" in added.stdout
    assert "- `blog-2024: undetermined -> open-source-ai`" in added.stdout
    assert "## Findings resolved\n\n- `[warning] policy.component-absent`\n" in added.stdout

    removed = run("diff", str(after), str(before))
    assert removed.exit_code == 1
    assert removed.stdout.splitlines()[0] == "osai-scan diff: WORSE under blog-2024: the verdict or a component got less open"
    assert "  model/model.safetensors" in removed.stdout.split("Files removed:")[1].splitlines()
    same = run("diff", str(after), str(after))
    assert same.exit_code == 0 and same.stdout == "osai-scan diff: no changes\n"


def test_fail_on_finding_severity(copy_case) -> None:
    llama = copy_case("mit-code-llama-weights")  # one error finding
    gpl = copy_case("vendored-gpl")  # one info finding, open
    absent = copy_case("code-no-weights")  # one warning finding
    assert run("scan", str(llama), "-q", "--no-cache", "--fail-on", "error").exit_code == 1
    assert run("scan", str(absent), "-q", "--no-cache", "--fail-on", "error").exit_code == 0
    assert run("scan", str(absent), "-q", "--no-cache", "--fail-on", "warning").exit_code == 1
    assert run("scan", str(gpl), "-q", "--no-cache", "--fail-on", "warning").exit_code == 0
    assert run("scan", str(llama), "-q", "--no-cache", "--fail-on", "never").exit_code == 0
