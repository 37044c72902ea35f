"""The command line: CliRunner in-process, and the installed entry point as a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from osai_scan.cli.main import cli
from tests.conftest import ROOT, validate_report
from tests.unprivileged import unprivileged


def run(*args: str) -> "click.testing.Result":  # noqa: F821
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_table_shows_verdict_and_freedoms_matrix(copy_case) -> None:
    result = run("scan", str(copy_case("mit-code-llama-weights")), "--format", "table")
    assert result.exit_code == 0
    out = result.stdout
    assert "Verdict: NOT OPEN SOURCE AI" in out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.split()[:1] and
            line.split()[0] in ("code", "training-code", "model", "training-data", "data")}
    assert rows["code"][:8] == ["code", "required", "5", "open", "meets", "meets", "meets", "meets"]
    assert rows["model"][:8] == ["model", "required", "3", "not-open", "COND", "COND", "COND", "COND"]
    assert rows["data"][:4] == ["data", "not-applicable", "0", "absent"]
    assert "osai-scan: not-open-source-ai (13 files" in result.stderr


def test_json_to_stdout_and_to_file(copy_case, tmp_path: Path) -> None:
    repo = copy_case("fully-open")
    result = run("scan", str(repo), "-q")
    assert result.exit_code == 0 and result.stderr == ""
    report = validate_report(json.loads(result.stdout))
    assert report["verdict"]["status"] == "open-source-ai"
    out = tmp_path / "report.json"
    result = run("scan", str(repo), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text()) == report
    assert f"report written to {out}" in result.stderr


@pytest.mark.parametrize(("case", "fail_on", "code"), [
    ("mit-code-llama-weights", "not-open", 1),
    ("mit-code-llama-weights", "never", 0),
    ("no-license", "not-open", 0),
    ("no-license", "undetermined", 1),
    ("fully-open", "undetermined", 0),
])
def test_fail_on_exit_codes(copy_case, case: str, fail_on: str, code: int) -> None:
    assert run("scan", str(copy_case(case)), "-q", "--fail-on", fail_on).exit_code == code


def test_missing_path_is_a_one_line_usage_error(tmp_path: Path) -> None:
    result = run("scan", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"Error: Target '{tmp_path / 'nope'}' does not exist. "
                                                  "Give the path of a folder to scan."]
    assert result.stdout == ""


def test_file_instead_of_folder(tmp_path: Path) -> None:
    path = tmp_path / "model.safetensors"
    path.write_bytes(b"x")
    result = run("scan", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: Target '{path}' is a file, not a folder.")
    assert "Traceback" not in result.stderr


def test_unknown_profile_and_bad_rules_are_usage_errors(copy_case, tmp_path: Path) -> None:
    repo = copy_case("fully-open")
    result = run("scan", str(repo), "--profile", "nope")
    assert result.exit_code == 2 and "unknown profile 'nope' (available: " in result.stderr
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "components.yaml").write_text("rules:\n  - id: x.y\n    component: weigths\n    reason: typo\n")
    result = run("scan", str(repo), "--rules", str(rules))
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"Error: {rules / 'components.yaml'}:2: unknown component 'weigths' (expected one "
                                     "of: code, training-code, model, training-data, data, documentation, legal, other)")


def test_rules_dir_overrides_a_label_by_id(copy_case, tmp_path: Path) -> None:
    repo = copy_case("example")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "components.yaml").write_text(
        "rules:\n"
        "  - id: local.prompts-are-training-data\n"
        "    component: training-data\n"
        "    reason: our prompts folder holds SFT examples\n"
        "    match: {dir: [prompts]}\n"
    )
    report = json.loads(run("scan", str(repo), "-q", "--rules", str(rules)).stdout)
    prompt = next(f for f in report["files"] if f["path"] == "prompts/system.txt")
    assert (prompt["component"], prompt["rule"]) == ("training-data", "local.prompts-are-training-data")
    assert report["components"]["data"]["status"] == "absent"


def test_tracked_file_missing_from_work_tree_is_reported_and_exits_3(copy_case) -> None:
    repo = copy_case("example", git_repo=True)
    (repo / "src" / "tinygpt" / "generate.py").unlink()
    result = run("scan", str(repo), "-q")
    assert result.exit_code == 3
    report = validate_report(json.loads(result.stdout))
    entry = next(f for f in report["files"] if f["path"] == "src/tinygpt/generate.py")
    assert entry["status"] == "error" and "missing from the work tree" in entry["status_reason"]
    assert report["complete"] is False and report["target"]["dirty"] is True
    assert report["verdict"]["status"] == "undetermined"
    assert "code: 1 file(s) could not be read: src/tinygpt/generate.py" in report["verdict"]["reasons"]
    assert len(report["files"]) == 17


def _world_readable(folder: Path, keep: tuple[Path, ...] = ()) -> None:
    for path in [folder, *folder.rglob("*")]:
        if path not in keep:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_unreadable_file_in_plain_folder() -> None:
    """A file the scanning user cannot read: listed with its error, the scan goes on, exit 3.

    Root reads everything, so the scan runs as user nobody (tests/unprivileged.py gives that
    user a readable copy of the environment when the checkout is out of its reach)."""
    base = Path(tempfile.mkdtemp(prefix="osai-unreadable-", dir="/tmp"))
    repo = base / "example"
    shutil.copytree(ROOT / "fixtures" / "example", repo)
    secret = repo / "src" / "tinygpt" / "generate.py"
    _world_readable(base)
    secret.chmod(0)
    home = base / "home"  # ScanCode needs a writable cache under $HOME
    home.mkdir(mode=0o777)
    home.chmod(0o777)
    env = dict(os.environ, HOME=str(home), OSAI_SCAN_CACHE_DIR=str(home / "cache"))
    proc = unprivileged(["scan", str(repo), "-q"], env, cwd="/")
    assert proc.returncode == 3 and proc.stdout, proc.stderr[-3000:]
    report = validate_report(json.loads(proc.stdout))
    entry = next(f for f in report["files"] if f["path"] == "src/tinygpt/generate.py")
    assert entry["status"] == "error" and entry["status_reason"] == "cannot read: Permission denied"
    assert entry["component"] == "code"
    assert [f["id"] for f in report["findings"] if f["severity"] == "error"] == ["scan.file-error"]
    assert len(report["files"]) == 17
    shutil.rmtree(base)


def test_unreadable_folder_in_plain_folder() -> None:
    """A folder the scanning user cannot list: one error entry for it, the rest is scanned."""
    base = Path(tempfile.mkdtemp(prefix="osai-unreadable-", dir="/tmp"))
    repo = base / "example"
    shutil.copytree(ROOT / "fixtures" / "example", repo)
    _world_readable(base)
    locked = repo / "prompts"
    locked.chmod(0)
    env = dict(os.environ, HOME=str(base), OSAI_SCAN_CACHE_DIR=str(base / "cache"))
    base.chmod(0o777)
    try:
        proc = unprivileged(["scan", str(repo), "-q"], env, cwd="/")
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 3, proc.stderr[-3000:]
    report = validate_report(json.loads(proc.stdout))
    entry = next(f for f in report["files"] if f["path"] == "prompts")
    assert (entry["status"], entry["status_reason"]) == ("error", "cannot list folder: Permission denied")
    assert not any(f["path"].startswith("prompts/") for f in report["files"])
    assert len(report["files"]) == 17 - len(list(locked.iterdir())) + 1
    shutil.rmtree(base)


def test_subprocess_entry_point_scans_the_bundled_example() -> None:
    exe = Path(sys.executable).parent / "osai-scan"
    proc = subprocess.run([str(exe), "scan", str(ROOT / "fixtures" / "example"), "--format", "table"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Verdict: OPEN SOURCE AI" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_schema_command_prints_the_schema() -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "osai-scan report"
    assert set(schema["properties"]["components"]["properties"]) == {
        "code", "training-code", "model", "training-data", "data"}


def test_default_target_is_the_current_folder(copy_case, monkeypatch) -> None:
    repo = copy_case("fully-open", git_repo=True)
    monkeypatch.chdir(repo)
    report = json.loads(run("scan", "-q").stdout)
    assert report["target"]["path"] == "." and report["target"]["name"] == repo.name
    assert report["verdict"]["status"] == "open-source-ai"


def test_inaccessible_target_is_a_usage_error() -> None:
    base = Path(tempfile.mkdtemp(prefix="osai-locked-", dir="/tmp"))
    base.chmod(0o755)
    locked = base / "locked"
    (locked / "repo").mkdir(parents=True)
    locked.chmod(0)
    try:
        proc = unprivileged(["scan", str(locked / "repo")], dict(os.environ, HOME="/tmp"), cwd="/")
    finally:
        locked.chmod(0o755)
        shutil.rmtree(base)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == (
        f"Error: Target '{locked / 'repo'}' cannot be accessed: Permission denied. "
        "Check the permissions of the folder and its parents.")
