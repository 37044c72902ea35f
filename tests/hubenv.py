"""Shared fixtures for tests that drive the real huggingface_hub client against the fake Hub.

Import the fixtures into a test module (``from tests.hubenv import hf_env, hub, ...``). huggingface_hub
reads its env vars at import time, so ``hf_env`` both sets them (for subprocesses) and patches the
already-read ``constants`` (as huggingface_hub's own ``patch_constants`` fixture does).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakehub import FakeHub
from tests.hubfixtures import FIXTURES, write_big_repo

ROOT = Path(__file__).resolve().parents[1]


def hub_env(home: Path, endpoint: str | None = None) -> dict[str, str]:
    """An environment for a CLI subprocess: no telemetry, no Xet, no implicit token, HF_HOME in tmp."""
    env = {k: v for k, v in os.environ.items() if k not in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_ENDPOINT")}
    env.update(HF_HUB_DISABLE_TELEMETRY="1", HF_HUB_DISABLE_XET="1", HF_HUB_DISABLE_IMPLICIT_TOKEN="1",
               HF_HUB_DISABLE_PROGRESS_BARS="1", NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost",
               HF_HOME=str(home), NO_COLOR="1", COLUMNS="200")
    if endpoint:
        env["HF_ENDPOINT"] = endpoint
    return env


@pytest.fixture(autouse=True)
def hf_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Isolate huggingface_hub in this process; yields the temporary HF_HOME."""
    home = tmp_path / "hf_home"
    for key, value in hub_env(home).items():
        if key.startswith(("HF_", "NO_PROXY", "no_proxy")):
            monkeypatch.setenv(key, value)
    for key in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_ENDPOINT"):
        monkeypatch.delenv(key, raising=False)
    from huggingface_hub import constants

    for name in ("HF_HUB_DISABLE_TELEMETRY", "HF_HUB_DISABLE_XET", "HF_HUB_DISABLE_IMPLICIT_TOKEN"):
        monkeypatch.setattr(constants, name, True, raising=False)
    monkeypatch.setattr(constants, "HF_HOME", str(home))
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(home / "hub"))
    yield home


@pytest.fixture(scope="module")
def module_hub() -> Iterator[FakeHub]:
    """The committed fixture repos (fixtures/hub) served for a whole module."""
    with FakeHub(FIXTURES) as hub:
        yield hub


def clean(hub: FakeHub) -> Iterator[FakeHub]:
    """A shared fake Hub with clean counters and no faults, for one test (``yield from clean(h)``)."""
    hub.reset_counters()
    hub.clear_faults()
    yield hub
    hub.clear_faults()


@pytest.fixture
def hub(module_hub: FakeHub) -> Iterator[FakeHub]:
    """The shared fake Hub with clean counters and no faults."""
    yield from clean(module_hub)


@pytest.fixture(scope="module")
def big_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeHub, dict[str, int]]]:
    """Fixture repos plus acme/big-model: a 2 GiB safetensors and a 1 GiB GGUF, sparse on disk."""
    root = tmp_path_factory.mktemp("bighub") / "hub"
    shutil.copytree(FIXTURES, root)
    params = write_big_repo(root)
    with FakeHub(root) as hub:
        yield hub, params


def validate(data: dict) -> dict:
    """Validate a JSON report (as data) against the shipped schema; return it."""
    from tests.conftest import validate_report

    return validate_report(data)


def report_data(report: object) -> dict:
    """The JSON report of a Report, validated against the schema."""
    from osai_scan.report import render_json

    return validate(json.loads(render_json(report)))  # type: ignore[arg-type]


def run_cli(args: list[str], env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``osai-scan`` in a subprocess (the Hub env vars are read at import, as in real use)."""
    return subprocess.run([sys.executable, "-m", "osai_scan", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, cwd=ROOT)


__all__ = ["FIXTURES", "big_hub", "clean", "hf_env", "hub", "hub_env", "module_hub", "report_data", "run_cli", "validate"]
