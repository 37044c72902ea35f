"""Findings: every catalogued type is produced by a fixture, and none on the open fixtures.

The six finding types issue 3 asks for, and the fixture that produces each:
  declared license disagrees with the detected text  declared.conflict                  card-vs-license
  required component has files with no license       policy.unlicensed-file             no-license
  a non-OSD license inside Code (vendored folder)    policy.non-osd-license-in-code     vendored-json
  license texts that contradict within a component   attribution.license-texts-conflict conflicting-licenses
  a license reference that cannot be resolved        attribution.unresolved-reference   dangling-reference
  license: other without license_name/license_link   declared.license-other-incomplete  card-other-incomplete
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from osai_scan.models import FileStatus, Severity
from osai_scan.pipeline import ScanOptions, scan
from osai_scan.report.json import render_json

from .conftest import ROOT, fixture_names

CATALOGUE = {f["id"]: f for f in yaml.safe_load((ROOT / "rules" / "findings.yaml").read_text())["findings"]}
CODE = ("pyproject.toml", "src/tinygpt/__init__.py", "src/tinygpt/generate.py", "tests/test_model.py")
MODEL = ("model/config.json", "model/model.safetensors", "model/tokenizer.json")

#: fixture → the report's findings (under the default profile), in report order: (id, paths).
EXPECTED = {
    "fully-open": [],
    "open-science": [],
    "reuse-toml": [],
    "card-other-incomplete": [
        ("policy.unlicensed-file", CODE),
        ("attribution.license-file-unrecognised", ("LICENSE-MODEL",)),
        ("declared.license-other-incomplete", ("README.md",)),
        ("declared.license-other-unresolved", ("README.md",)),
        ("policy.license-unknown", MODEL),
    ],
    "card-vs-license": [
        ("declared.conflict", ("LICENSE", "README.md")),
        ("policy.component-not-open", MODEL),
        ("policy.component-not-open", CODE),
        ("policy.non-osd-license-in-code", CODE),
    ],
    "code-no-weights": [("policy.component-absent", ())],
    "conflicting-licenses": [
        ("attribution.license-texts-conflict", ("model/LICENSE.md", "model/LICENSE.txt", *MODEL)),
        ("policy.component-not-open", MODEL),
        ("attribution.folder-license-differs", ("model/LICENSE.md",)),
    ],
    "dangling-reference": [
        ("policy.unlicensed-file", MODEL),
        ("policy.unlicensed-file", ("pyproject.toml", "src/tinygpt/__init__.py", "src/tinygpt/generate.py",
                                    "src/tinygpt/model.py", "src/tinygpt/sampling.py", "tests/test_model.py")),
        ("attribution.unresolved-reference", ("README.md",)),
        ("attribution.unresolved-reference", ("src/tinygpt/sampling.py",)),
        ("attribution.unresolved-reference", ("src/tinygpt/tokenize.py",)),
        ("declared.license-other-unresolved", ("README.md",)),
    ],
    "data-and-prompts": [("attribution.folder-license-differs", ("data/LICENSE",))],
    "llama3-card": [
        ("policy.unlicensed-file", MODEL),
        ("policy.unlicensed-file", CODE),
        ("declared.unresolved-license", ("README.md",)),
    ],
    "mit-code-llama-weights": [("policy.component-not-open", MODEL)],
    "mof-open-model": [("policy.component-not-open", MODEL)],
    "no-license": [
        ("policy.unlicensed-file", MODEL),
        ("policy.unlicensed-file", ("pyproject.toml", "src/tinygpt/__init__.py", "src/tinygpt/generate.py",
                                    "src/tinygpt/model.py", "tests/test_model.py")),
    ],
    "openrail-card": [
        ("policy.component-not-open", MODEL),
        ("policy.component-not-open", CODE),
        ("policy.non-osd-license-in-code", CODE),
    ],
    "reuse-dep5": [("attribution.reuse-invalid", ("data/val.jsonl.license",))],
    "weights-elsewhere-nc": [("policy.component-not-open", ("LICENSE_weights", "README.md")),
                             ("policy.component-declared-only", ("LICENSE_weights", "README.md"))],
    "weights-elsewhere-mit": [("policy.component-declared-only", ("README.md",))],
    "readme-license": [],
    "licenses-folder": [],
    "lgpl-pair": [],
    "manifests": [],
    "invalid-notebook": [],
    "vendored-gpl": [("attribution.folder-license-differs", ("third_party/fastops/COPYING",))],
    "third-party-license": [("attribution.third-party-license-file", ("LICENSE", "LICENSE_fastcc"))],
    "gated-by-reference": [
        ("access.gated", ("README.md",)),
        ("policy.component-not-open", ("model/config.json", "model/tokenizer.json")),
        ("policy.model-weights-absent", ("model/config.json", "model/tokenizer.json")),
        ("code.by-reference", ()),
    ],
    "unknown-library": [
        ("policy.component-absent", ()),
        ("code.framework-unknown", ("README.md",)),
    ],
    "vendored-json": [
        ("policy.component-not-open", ("third_party/jsonmin/jsonmin.py",)),
        ("policy.non-osd-license-in-code", ("third_party/jsonmin/jsonmin.py",)),
        ("attribution.folder-license-differs", ("third_party/jsonmin/LICENSE",)),
    ],
}
#: Finding types whose hint names the component (the catalogue gives the generic one).
SPECIFIC_HINTS = {"policy.component-absent", "policy.component-declared-only", "policy.model-weights-absent", "code.by-reference",
                  "code.framework-unknown", "access.gated"}
#: Finding types produced by scans of fixtures derived in this module (see the tests below).
DERIVED = {"scan.file-error", "scan.partial-detection", "scan.untracked-files", "declared.card-unreadable"}
#: Finding types that need a Hub lookup (a base model's or a dataset's card): produced against
#: the fake Hub by the test file named.
HUB_ONLY = {
    "lineage.license-conflict": "tests/sources/test_hub_scan.py",
    "references.lookup-failed": "tests/sources/test_hub_scan.py",
    "references.not-a-repo-id": "tests/sources/test_hub_faults.py",
    "lineage.base-license-unknown": "tests/policy/test_hub_profiles.py",
    "scan.dataset-repository": "tests/sources/test_hub_layouts.py",
    # one AI system from several sources (a local code repository and the fake Hub's weights)
    "system.source-failed": "tests/test_multi_source.py",
    "system.source-followed": "tests/test_multi_source.py",
    "system.follow-limit": "tests/test_multi_source.py",
    "system.code-repository-named": "tests/test_multi_source.py",
    "system.licenses-differ": "tests/test_multi_source.py",
    "system.declaration-superseded": "tests/test_multi_source.py",
}


def test_every_fixture_has_expected_findings():
    assert sorted(EXPECTED) == fixture_names()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_of_each_fixture(scanned, name):
    report, data = scanned(name)
    assert [(f.id, f.paths) for f in report.findings] == EXPECTED[name]
    for finding in report.findings:
        spec = CATALOGUE[finding.id]
        assert finding.severity.value == spec["severity"]
        if finding.id not in SPECIFIC_HINTS:
            assert finding.hint == " ".join(spec["hint"].split())
        assert finding.hint
        assert finding.message.endswith(".")
    counts = data["summary"]["findings_by_severity"]
    assert sum(counts.values()) == len(report.findings)


def _all_ids(report) -> set[str]:
    return {f.id for f in report.findings} | {f.id for _, r in report.profiles for f in r.findings}


def test_every_catalogued_finding_is_produced_by_a_fixture(scanned):
    for finding_id, test_file in HUB_ONLY.items():
        assert f'"{finding_id}"' in (ROOT / test_file).read_text(encoding="utf-8"), finding_id
    produced = set(DERIVED) | set(HUB_ONLY)
    for name in fixture_names():
        produced |= _all_ids(scanned(name)[0])
    assert sorted(set(CATALOGUE) - produced) == []
    assert sorted(produced - set(CATALOGUE)) == []


def test_open_fixtures_produce_no_problem_findings(scanned):
    """fully-open: no finding at all for its verdict; none of the attribution or declared types in any
    profile. open-science: no finding in any profile."""
    report, _ = scanned("fully-open")
    assert report.findings == ()
    prefixes = ("declared.", "attribution.", "scan.", "policy.non-osd", "policy.unlicensed", "policy.license-unknown",
                "policy.component-not-open")
    assert sorted(i for i in _all_ids(report) if i.startswith(prefixes)) == []
    report, _ = scanned("open-science")
    assert _all_ids(report) == set()


def test_issue_finding_types_absent_from_fully_open(scanned):
    six = {"declared.conflict", "policy.unlicensed-file", "policy.non-osd-license-in-code",
           "attribution.license-texts-conflict", "attribution.unresolved-reference",
           "declared.license-other-incomplete"}
    assert _all_ids(scanned("fully-open")[0]) & six == set()
    produced = {i for name in fixture_names() for i in _all_ids(scanned(name)[0])}
    assert six <= produced


def test_unreadable_weights_make_an_incomplete_scan(engine, tmp_path, validate):
    repo = tmp_path / "broken-weights"
    shutil.copytree(ROOT / "fixtures" / "repos" / "fully-open", repo)
    (repo / "model" / "broken.safetensors").write_bytes(b"\xff" * 16)
    report = scan(str(repo), ScanOptions())
    validate(render_json(report))
    assert report.complete is False
    assert report.file("model/broken.safetensors").status is FileStatus.ERROR
    errors = [f for f in report.findings if f.id == "scan.file-error"]
    assert [(f.paths, f.severity) for f in errors] == [(("model/broken.safetensors",), Severity.ERROR)]
    assert "invalid safetensors header" in errors[0].message


def test_a_card_whose_front_matter_does_not_parse(engine, tmp_path, validate):
    repo = tmp_path / "bad-card"
    shutil.copytree(ROOT / "fixtures" / "repos" / "fully-open", repo)
    (repo / "README.md").write_text("---\nlicense: [apache-2.0\n---\n# Model\n", encoding="utf-8")
    report = scan(str(repo), ScanOptions())
    validate(render_json(report))
    (finding,) = [f for f in report.findings if f.id == "declared.card-unreadable"]
    assert (finding.severity, finding.paths) == (Severity.WARNING, ("README.md",))
    assert finding.message == ("The model card README.md: its YAML front matter is not valid YAML: expected ',' or "
                               "']', but got '<stream end>' (line 2).")


def test_a_file_over_its_time_budget_is_partial(engine, tmp_path, validate):
    repo = tmp_path / "slow"
    shutil.copytree(ROOT / "fixtures" / "repos" / "fully-open", repo)
    report = scan(str(repo), ScanOptions(timeout=1e-9, use_cache=False, jobs=1))
    validate(render_json(report))
    partial = [f for f in report.findings if f.id == "scan.partial-detection"]
    assert [(f.severity, f.paths) for f in partial] == [
        (Severity.WARNING, tuple(sorted(f.path for f in report.files if f.status is FileStatus.PARTIAL)))]
    assert report.file("LICENSE").status is FileStatus.PARTIAL and "budget" in (report.file("LICENSE").status_reason or "")


def test_untracked_files_in_a_git_work_tree(engine, tmp_path, validate):
    repo = tmp_path / "work-tree"
    shutil.copytree(ROOT / "fixtures" / "repos" / "fully-open", repo)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "fixture"], check=True)
    (repo / "notes.py").write_text("print('not committed')\n", encoding="utf-8")
    report = scan(str(repo), ScanOptions())
    validate(render_json(report))
    assert [(f.id, f.paths) for f in report.findings] == [("scan.untracked-files", ("notes.py",))]


def test_user_rules_regrade_a_finding(engine, repo_copies, tmp_path, validate):
    """Severity is data: a user's findings.yaml can make the MOF's type flag an error."""
    (tmp_path / "findings.yaml").write_text(
        "findings:\n  - id: mof.license-type-inappropriate\n    severity: error\n"
        "    title: Weights must carry an open-data license\n    hint: Relicense the weights under CDLA-Permissive-2.0.\n",
        encoding="utf-8")
    report = scan(str(repo_copies / "fully-open"), ScanOptions(profile="mof", rules_dirs=(tmp_path,)))
    validate(render_json(report))
    flagged = [f for f in report.findings if f.id == "mof.license-type-inappropriate"]
    assert [(f.severity, f.hint) for f in flagged] == [
        (Severity.ERROR, "Relicense the weights under CDLA-Permissive-2.0.")] * 2
