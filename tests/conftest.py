"""Shared fixtures: fixture repositories copied to tmp (as plain folders or git work trees),
one ScanCode index per test session (the pipeline's engine is module-level), and schema checks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REPO = ROOT
FIXTURES = ROOT / "fixtures"
SCHEMA_PATH = ROOT / "osai_scan" / "schema" / "report.schema.json"

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Fixture", "GIT_AUTHOR_EMAIL": "fixture@example.invalid",
    "GIT_COMMITTER_NAME": "Fixture", "GIT_COMMITTER_EMAIL": "fixture@example.invalid",
    "GIT_AUTHOR_DATE": "2024-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2024-01-01T00:00:00Z",
}


def case_dir(case: str) -> Path:
    """The committed folder of a fixture case (``example`` or ``repos/<name>``)."""
    return FIXTURES / case if case == "example" else FIXTURES / "repos" / case


def git(cwd: Path, *args: str) -> str:
    """Run git with a fixed identity and dates; return stdout."""
    env = dict(os.environ, **GIT_ENV)
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def make_git_repo(folder: Path) -> str:
    """Turn ``folder`` into a git work tree with everything committed; return the commit."""
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "fixture")
    return git(folder, "rev-parse", "HEAD").strip()


def git_repo_with_submodule(tmp_path: Path) -> Path:
    """A git repository (``repo/``, a README) holding ``vendor/sub`` as a submodule of ``sub/``."""
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.py").write_text("x = 1\n")
    make_git_repo(sub)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "README.md").write_text("# x\n")
    make_git_repo(repo)
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(sub), "vendor/sub")
    git(repo, "commit", "-qm", "add submodule")
    return repo


@pytest.fixture
def copy_case(tmp_path: Path):
    """Copy a fixture case to tmp; ``git=True`` commits it into a fresh repository."""

    counter = iter(range(1000))

    def copy(case: str, git_repo: bool = False) -> Path:
        target = tmp_path / f"{next(counter)}" / case.replace("/", "_")
        shutil.copytree(case_dir(case), target, symlinks=True)
        if git_repo:
            make_git_repo(target)
        return target

    return copy


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def validate_report(data: dict | str) -> dict:
    """Fail the test when ``data`` (a report, or its JSON text) does not validate against the shipped
    JSON Schema; return the report."""
    if isinstance(data, str):
        data = json.loads(data)
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return data


@pytest.fixture(autouse=True)
def _isolated_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test gets a fresh, empty detection cache (never the user's)."""
    monkeypatch.setenv("OSAI_SCAN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
