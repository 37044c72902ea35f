"""Profiles on Hub targets, through the fake Hub: every profile side by side, lineage findings."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from osai_scan import ScanOptions, scan
from osai_scan.models import Component, ComponentStatus, Presence, VerdictStatus
from osai_scan.sources import HubOptions
from osai_scan.sources.hub_http import RetryPolicy
from tests.fakehub import FakeHub
from tests.hubenv import FIXTURES, hf_env, report_data  # noqa: F401 - fixtures

FAST = RetryPolicy(attempts=2, backoff=0.05, timeout=2.0)


@pytest.fixture(scope="module")
def policy_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeHub]:
    """The committed Hub fixtures plus a derivative of a base model whose card declares no license."""
    root = tmp_path_factory.mktemp("policyhub") / "hub"
    shutil.copytree(FIXTURES, root)
    base = root / "acme" / "unlicensed-base"
    base.mkdir()
    (base / "README.md").write_text("---\nlibrary_name: transformers\n---\n# A base model with no license\n")
    (base / "config.json").write_text('{"architectures": ["TinyGPT"]}\n')
    derived = root / "acme" / "derived-model"
    shutil.copytree(root / "acme" / "open-model", derived)
    readme = (derived / "README.md").read_text()
    (derived / "README.md").write_text(readme.replace("---\n", "---\nbase_model: acme/unlicensed-base\n", 1))
    with FakeHub(root) as hub:
        yield hub


def _options(hub: FakeHub, tmp_path: Path, profile: str = "blog-2024") -> ScanOptions:
    return ScanOptions(profile=profile, hub=HubOptions(endpoint=hub.endpoint, cache_dir=tmp_path / "cache",
                                                       retry=FAST, timeout=2.0))


def test_hub_scan_carries_every_profile(engine, policy_hub, tmp_path):
    report = scan("hf:acme/open-model", _options(policy_hub, tmp_path, profile="open-science"))
    data = report_data(report)
    assert sorted(data["profiles"]) == ["blog-2024", "mof", "open-science", "osaid-1.0"]
    assert report.profile_result("blog-2024").verdict.status is VerdictStatus.OPEN_SOURCE_AI
    # Code by reference (the framework), Training Data by reference (the dataset's card: CC-BY-4.0,
    # open under osd-or-open-data); Data is absent, so open science stays undetermined.
    science = dict(report.profile_result("open-science").components)
    assert (science[Component.CODE].presence, science[Component.CODE].status) == (Presence.REFERENCED,
                                                                                   ComponentStatus.OPEN)
    assert (science[Component.TRAINING_DATA].presence, science[Component.TRAINING_DATA].status) == (
        Presence.REFERENCED, ComponentStatus.OPEN)
    assert science[Component.DATA].status is ComponentStatus.ABSENT
    assert report.verdict.status is VerdictStatus.UNDETERMINED and report.profile == "open-science"
    # osaid-1.0: the card lists its datasets, which is data information.
    osaid = dict(report.profile_result("osaid-1.0").components)[Component.TRAINING_DATA]
    assert osaid.information[0].startswith("model card README.md lists datasets:")
    # The MOF judges the release's files: no architecture code in a weights-only repository.
    mof = report.profile_result("mof").mof
    assert mof.class_reached is None
    assert [m.split(" ", 1)[0] for m in mof.missing_for_next] == [
        "model-architecture", "data-card", "technical-report", "evaluation-results"]


def test_base_model_without_a_license(engine, policy_hub, tmp_path):
    report = scan("hf:acme/derived-model", _options(policy_hub, tmp_path))
    report_data(report)
    (finding,) = [f for f in report.findings if f.id == "lineage.base-license-unknown"]
    assert "acme/unlicensed-base" in finding.message
    assert finding.severity.value == "warning"
