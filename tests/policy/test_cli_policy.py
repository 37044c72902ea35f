"""The command line: scan --profile/--fail-on/--rules, explain, rules validate."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from osai_scan.cli.main import cli

from .conftest import ROOT


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)
    return invoke


@pytest.mark.parametrize(
    ("repo", "profile", "fail_on", "code", "verdict"),
    [
        ("fully-open", "blog-2024", "not-open", 0, "open-source-ai"),
        ("fully-open", "osaid-1.0", "not-open", 0, "undetermined"),
        ("fully-open", "osaid-1.0", "undetermined", 1, "undetermined"),
        ("data-and-prompts", "blog-2024", "not-open", 0, "open-source-ai"),
        ("data-and-prompts", "open-science", "not-open", 1, "not-open-source-ai"),
        ("mof-open-model", "mof", "not-open", 0, "open-source-ai"),
        ("mof-open-model", "blog-2024", "not-open", 1, "not-open-source-ai"),
        ("open-science", "open-science", "undetermined", 0, "open-source-ai"),
    ],
)
def test_profile_decides_verdict_and_exit_code(engine, run, validate, repo_copies, repo, profile, fail_on, code,
                                               verdict):
    result = run("scan", str(repo_copies / repo), "--profile", profile, "--fail-on", fail_on)
    assert result.exit_code == code, result.stderr
    data = validate(result.stdout)
    assert (data["profile"], data["verdict"]["status"]) == (profile, verdict)
    assert data["verdict"] == data["profiles"][profile]["verdict"]
    assert sorted(data["profiles"]) == ["blog-2024", "mof", "open-science", "osaid-1.0"]
    assert result.stderr.startswith(f"osai-scan: {verdict} (")


def test_user_profile_file(engine, run, validate, repo_copies, tmp_path):
    """A profile of one's own, given as a file: weights may carry an open-data license."""
    profile = tmp_path / "profiles" / "weights-as-data.yaml"
    profile.parent.mkdir()
    profile.write_text(
        "id: weights-as-data\ntitle: Weights judged as data\ncomponents:\n"
        "  code: {requirement: required, criterion: osd}\n"
        "  training-code: {requirement: reported}\n"
        "  model: {requirement: required, criterion: osd-or-open-data}\n"
        "  training-data: {requirement: reported, criterion: osd-or-open-data}\n"
        "  data: {requirement: not-applicable}\n", encoding="utf-8")
    result = run("scan", str(repo_copies / "mof-open-model"), "--rules", str(profile), "--profile",
                 "weights-as-data", "--fail-on", "not-open")
    assert result.exit_code == 0, result.stderr
    data = validate(result.stdout)
    assert data["verdict"]["status"] == "open-source-ai"
    assert data["profiles"]["blog-2024"]["verdict"]["status"] == "not-open-source-ai"
    assert data["profiles"]["weights-as-data"]["source"] == "profiles/weights-as-data.yaml"
    # The same profile from a rules folder.
    result = run("scan", str(repo_copies / "mof-open-model"), "--rules", str(tmp_path), "--profile", "weights-as-data")
    assert validate(result.stdout)["verdict"]["status"] == "open-source-ai"


def test_unknown_profile_is_a_usage_error(run, repo_copies):
    result = run("scan", str(repo_copies / "fully-open"), "--profile", "nope")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == ("Error: profiles: unknown profile 'nope' (available: blog-2024, mof, open-science, "
                             "osaid-1.0)\n")


def test_table_shows_every_profile(engine, run, repo_copies):
    result = run("scan", str(repo_copies / "mof-open-model"), "--format", "table", "-q")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    start = lines.index("Profiles (the verdict above is blog-2024's):")
    assert lines[start + 1:start + 5] == [
        "  blog-2024     not-open-source-ai",
        "  mof           open-source-ai  (MOF class reached: III; Class II needs: training-code, evaluation-code, "
        "evaluation-data)",
        "  open-science  not-open-source-ai",
        "  osaid-1.0     not-open-source-ai",
    ]


def test_explain_hub_id(run):
    result = run("explain", "llama3.1")
    assert result.exit_code == 0
    out = result.stdout.splitlines()
    assert out[0] == "llama3.1: Hub license id 'llama3.1' (Llama 3.1 Community License Agreement)"
    assert "llama-3.1-license-2024: Llama 3.1 Community License Agreement" in out
    assert "  OSI-approved:   no (SPDX license list)" in out
    assert "  open data:      no (Open Definition conformant data license)" in out
    use = next(line for line in out if line.startswith("    use "))
    assert use.split()[1] == "conditional"
    assert "Acceptable Use Policy" in use


def test_explain_json_and_spdx(run):
    result = run("explain", "CC-BY-4.0", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["expression"] == "cc-by-4.0"
    assert {c: v["status"] for c, v in data["criteria"].items()} == {
        "osd": "fails", "open-data": "meets", "osd-or-open-data": "meets"}
    assert {f: v["status"] for f, v in data["row"].items()} == dict.fromkeys(("study", "use", "modify", "share"),
                                                                              "meets")
    (entry,) = data["licenses"]
    assert (entry["osi_approved"], entry["open_data"], entry["kind"]) == (False, True, "content")


def test_explain_osi_license(run):
    result = run("explain", "mit")
    assert result.exit_code == 0
    assert "  OSI-approved:   yes (SPDX license list)" in result.stdout.splitlines()
    assert "  MOF recommends it for: code" in result.stdout.splitlines()


def test_explain_unknown_license(run):
    result = run("explain", "no-such-license")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: 'no-such-license' is not a ScanCode license key, a Hub license id or "
                                    "an SPDX id.")


def test_explain_hub_id_without_a_license(run):
    result = run("explain", "llama3")
    assert result.exit_code == 0
    assert result.stdout.startswith("llama3: Hub license id 'llama3' (Llama 3 Community License Agreement): "
                                    "ScanCode 32.5.0 has no key")


def test_rules_validate_builtin(run):
    result = run("rules", "validate", str(ROOT / "rules"))
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("OK: 13 rules file(s) checked, 4 profile(s): blog-2024, mof, open-science, "
                                    "osaid-1.0.")


def test_rules_validate_names_file_and_line_of_each_error(run, tmp_path):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "strict.yaml").write_text(
        "id: strict\ncomponents:\n"
        "  code: {requirement: required, criterion: osdd}\n"
        "  training-code: {requirement: required}\n"
        "  model: {requirement: requird}\n"
        "  training-data: {requirement: reported}\n"
        "  data: {requirement: reported, information: {card_keys: [datasets]}}\n", encoding="utf-8")
    (tmp_path / "licenses.yaml").write_text(
        "licenses:\n"
        "  - key: not-a-scancode-key\n    name: x\n    kind: model\n    freedoms:\n"
        "      study: {status: meets, because: x}\n      use: {status: meets, because: x}\n"
        "      modify: {status: meets, because: x}\n      share: {status: meets, because: x}\n"
        "  - key: mit\n    kind: softwar\n", encoding="utf-8")
    (tmp_path / "findings.yaml").write_text("findings:\n  - id: policy.x\n    severity: fatal\n", encoding="utf-8")
    result = run("rules", "validate", str(tmp_path))
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{tmp_path}/licenses.yaml:2: 'not-a-scancode-key' is not a ScanCode license key",
        f"{tmp_path}/licenses.yaml:10: unknown kind 'softwar' (expected one of: software, model, data, content, "
        "policy, generic)",
        f"{tmp_path}/findings.yaml:2: unknown severity 'fatal' (error, warning, info)",
        f"{tmp_path}/profiles/strict.yaml:3: unknown criterion 'osdd' (expected one of: osd, open-data, "
        "osd-or-open-data)",
        f"{tmp_path}/profiles/strict.yaml:5: unknown requirement 'requird' (expected one of: required, information, "
        "reported, not-applicable)",
        f"{tmp_path}/profiles/strict.yaml:7: 'information' is only allowed with requirement: information",
    ]
    assert result.stderr == "6 error(s) in 16 rules file(s).\n"


def test_rules_validate_missing_folder(run, tmp_path):
    result = run("rules", "validate", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "rules folder or profile file not found" in result.stderr


def test_table_lists_mof_components_when_mof_decides(engine, run, repo_copies):
    result = run("scan", str(repo_copies / "mof-open-model"), "--format", "table", "-q", "--profile", "mof")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "Model Openness Framework 1.0 (2024-12-15): class reached III" in lines
    weights = next(line for line in lines if line.startswith("III    Model parameters (Final)"))
    assert weights.split()[-4:] == ["yes", "open", "yes", "CDLA-Permissive-2.0"]
    training = next(line for line in lines if line.startswith("II     Training code"))
    assert training.split()[-4:] == ["code", "yes", "absent", "-"]
