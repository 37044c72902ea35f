"""The pre-commit hook, run by the real `pre-commit try-repo` on fixture git repositories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PATH=f"{Path(sys.executable).parent}{os.pathsep}"
               f"{os.environ.get('PATH', '')}", OSAI_SCAN_CACHE_DIR=str(home / "osai-cache"), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "osai-scan-system",
                           "--all-files", "--verbose"], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=300)


def test_hooks_file_names_both_hooks() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["osai-scan", "osai-scan-system"]
    assert {h["language"] for h in hooks} == {"python", "system"}
    assert all(h["entry"] == "osai-scan scan --quiet --format table" and h["args"] == ["--fail-on", "error"]
               and h["pass_filenames"] is False for h in hooks)


def test_pre_commit_try_repo_blocks_an_error_and_passes_an_open_system(copy_case, tmp_path: Path) -> None:
    blocked = _try_repo(copy_case("mit-code-llama-weights", git_repo=True), tmp_path / "pc")
    assert blocked.returncode == 1, blocked.stdout + blocked.stderr
    assert "Failed" in blocked.stdout
    assert "Verdict: NOT OPEN SOURCE AI" in blocked.stdout
    assert "[error] policy.component-not-open" in blocked.stdout
    passed = _try_repo(copy_case("example", git_repo=True), tmp_path / "pc")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout and "Verdict: OPEN SOURCE AI" in passed.stdout
