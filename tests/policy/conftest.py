"""Shared fixtures for the policy tests: the ScanCode index loaded once, fixture scans cached.

Each fixture repository under ``fixtures/repos/`` is copied once per session into a plain
temporary folder (so the state of the enclosing git work tree never leaks into a report)
and scanned once with the real pipeline and the real ScanCode engine; every report is
rendered to JSON and validated against the shipped JSON Schema before a test sees it.
"""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Callable

import jsonschema
import pytest

from osai_scan.models import Report
from osai_scan.pipeline import ScanOptions, scan
from osai_scan.report.json import render_json

ROOT = Path(__file__).resolve().parents[2]
REPOS = ROOT / "fixtures" / "repos"


@pytest.fixture(scope="session")
def report_schema() -> jsonschema.protocols.Validator:
    """A validator for the JSON report schema shipped in the package."""
    text = (resources.files("osai_scan") / "schema" / "report.schema.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def validate(report_schema: jsonschema.protocols.Validator) -> Callable[[str], dict[str, object]]:
    """Validate a JSON report text against the schema; return it parsed."""
    def check(text: str) -> dict[str, object]:
        data = json.loads(text)
        errors = sorted(report_schema.iter_errors(data), key=lambda e: list(e.absolute_path))
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
        return data
    return check


@pytest.fixture(scope="session")
def engine() -> None:
    """Load ScanCode's license index once for the session (about 5 s)."""
    from osai_scan.pipeline import _ENGINE

    _ENGINE.load()


@pytest.fixture(scope="session")
def repo_copies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every fixture repository copied into one plain (non-git) folder."""
    base = tmp_path_factory.mktemp("repos")
    for repo in sorted(REPOS.iterdir()):
        shutil.copytree(repo, base / repo.name)
    return base


@pytest.fixture(scope="session")
def scanned(engine: None, repo_copies: Path, validate: Callable[[str], dict[str, object]]
            ) -> Callable[[str], tuple[Report, dict[str, object]]]:
    """Scan a fixture repository by name (once per session): (Report, validated JSON data)."""
    cache: dict[str, tuple[Report, dict[str, object]]] = {}

    def get(name: str) -> tuple[Report, dict[str, object]]:
        if name not in cache:
            report = scan(str(repo_copies / name), ScanOptions())
            cache[name] = (report, validate(render_json(report)))
        return cache[name]
    return get


def fixture_names() -> list[str]:
    """The fixture repositories, sorted."""
    return sorted(p.name for p in REPOS.iterdir() if p.is_dir())
