"""Shared fixtures: an isolated environment for every test, schema validation of reports."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The detection cache in a fresh temporary folder; deterministic CLI output."""
    monkeypatch.setenv("OSAI_SCAN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    schema = json.loads((resources.files("osai_scan") / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def validate_report(data: dict[str, Any] | str) -> dict[str, Any]:
    """Validate a JSON report (data or text) against the packaged schema; return the data."""
    doc = json.loads(data) if isinstance(data, str) else data
    errors = sorted(_validator().iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return doc
