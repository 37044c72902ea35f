"""Every fixture repository under every built-in profile: verdicts, component statuses, MOF classes.

The expected values are written by hand from what each fixture holds (see tests/make_fixtures.py)
and what each profile asks (rules/profiles/*.yaml); a fixture missing from the table fails.
"""

from __future__ import annotations

import pytest

from osai_scan.models import Component, ComponentStatus, Criterion, Freedom, Requirement, VerdictStatus

from .conftest import fixture_names

OPEN, NOT, UNDET = "open-source-ai", "not-open-source-ai", "undetermined"
PROFILES = ("blog-2024", "mof", "open-science", "osaid-1.0")
COMPONENTS = ("code", "training-code", "model", "training-data", "data")

# fixture → statuses of code, training-code, model, training-data, data (same under every
# profile unless OVERRIDES says otherwise) and the verdict under blog-2024, mof, open-science, osaid-1.0.
EXPECTED: dict[str, tuple[str, tuple[str, str, str, str]]] = {
    # Apache-2.0 code, training code and weights; no data: open under the founding matrix only.
    "fully-open": ("open open open absent absent", (OPEN, UNDET, UNDET, UNDET)),
    # All five present and open, data under CDLA-Permissive-2.0, datasets listed: open everywhere.
    "open-science": ("open open open open open", (OPEN, OPEN, OPEN, OPEN)),
    # Training data (and data/prepare.py) under CC-BY-NC-4.0: open under blog-2024 (training data
    # is only reported), not open under open-science (required) nor osaid-1.0 (training code).
    "data-and-prompts": ("open not-open open not-open open", (OPEN, UNDET, NOT, NOT)),
    # Weights under CDLA-Permissive-2.0: an open-data license, not an OSD license. The card's
    # datasets are Training Data by reference, with no license known on a local scan.
    "mof-open-model": ("open absent not-open unlicensed absent", (NOT, OPEN, NOT, NOT)),
    "mit-code-llama-weights": ("open open not-open absent absent", (NOT, NOT, NOT, NOT)),
    "no-license": ("unlicensed absent unlicensed absent absent", (UNDET, UNDET, UNDET, UNDET)),
    "openrail-card": ("not-open absent not-open absent absent", (NOT, NOT, NOT, NOT)),
    "code-no-weights": ("open open absent absent absent", (UNDET, UNDET, UNDET, UNDET)),
    # GPL-3.0 vendored code is OSD: still open under blog-2024.
    "vendored-gpl": ("open absent open absent absent", (OPEN, UNDET, UNDET, UNDET)),
    # a third party's BSD-3-Clause text beside LICENSE, named by one CUDA file: open, like vendored-gpl
    "third-party-license": ("open absent open absent absent", (OPEN, UNDET, UNDET, UNDET)),
    # JSON-licensed vendored code ("Good, not Evil") is not: Code not open. The MOF does not
    # count third_party/ as model architecture, so its Class III is only undetermined.
    "vendored-json": ("not-open absent open absent absent", (NOT, UNDET, NOT, NOT)),
    "card-vs-license": ("not-open absent not-open absent absent", (NOT, NOT, NOT, NOT)),
    "conflicting-licenses": ("open absent not-open absent absent", (NOT, NOT, NOT, NOT)),
    "card-other-incomplete": ("unlicensed absent unknown absent absent", (UNDET, UNDET, UNDET, UNDET)),
    "dangling-reference": ("unlicensed absent unlicensed absent absent", (UNDET, UNDET, UNDET, UNDET)),
    "llama3-card": ("unlicensed absent unlicensed absent absent", (UNDET, UNDET, UNDET, UNDET)),
    # Training data present (REUSE: CC-BY-4.0) is itself data information for osaid-1.0.
    "reuse-toml": ("open open open open absent", (OPEN, UNDET, UNDET, OPEN)),
    "reuse-dep5": ("open absent open open absent", (OPEN, UNDET, UNDET, UNDET)),
    # Code by reference (transformers, Apache-2.0); the card's access gate restricts Use of the model.
    "gated-by-reference": ("open absent not-open absent absent", (NOT, UNDET, NOT, NOT)),
    # library_name names no known framework: Code stays absent.
    "unknown-library": ("absent absent open absent absent", (UNDET, UNDET, UNDET, UNDET)),
    # Weights not in the repository: their declared license decides (CC-BY-NC-4.0: not open;
    # MIT: open under blog-2024, with a warning). The MOF asks for the parameters themselves.
    "weights-elsewhere-nc": ("open absent not-open absent absent", (NOT, UNDET, NOT, NOT)),
    "weights-elsewhere-mit": ("open absent open absent absent", (OPEN, UNDET, UNDET, UNDET)),
    # Declarations besides a root LICENSE: README section, LICENSES/, COPYING.LESSER, manifests.
    "readme-license": ("open absent open absent absent", (OPEN, UNDET, UNDET, UNDET)),
    "licenses-folder": ("open absent open absent absent", (OPEN, UNDET, UNDET, UNDET)),
    "lgpl-pair": ("open absent open absent absent", (OPEN, UNDET, UNDET, UNDET)),
    "manifests": ("open absent open absent absent", (OPEN, UNDET, UNDET, UNDET)),
    "invalid-notebook": ("open absent open absent absent", (OPEN, UNDET, UNDET, UNDET)),
}
#: (fixture, profile) → component statuses where a profile's criterion changes them.
OVERRIDES = {
    ("mof-open-model", "mof"): "open absent open unlicensed absent",
}
#: fixture → (MOF class reached, next class, components missing for the next class).
MOF = {
    "fully-open": (None, 3, ["data-card", "technical-report", "evaluation-results"]),
    "open-science": (1, None, []),
    "data-and-prompts": (None, 3, ["data-card", "technical-report", "evaluation-results"]),
    "mof-open-model": (3, 2, ["training-code", "evaluation-code", "evaluation-data"]),
    "mit-code-llama-weights": (None, 3, ["model-parameters-final", "data-card", "technical-report",
                                         "evaluation-results"]),
    "no-license": (None, 3, ["model-architecture", "model-parameters-final", "model-card", "data-card",
                             "technical-report", "evaluation-results"]),
    "openrail-card": (None, 3, ["model-architecture", "model-parameters-final", "model-card", "data-card",
                                "technical-report", "evaluation-results"]),
    "code-no-weights": (None, 3, ["model-parameters-final", "data-card", "technical-report", "evaluation-results"]),
    "vendored-gpl": (None, 3, ["data-card", "technical-report", "evaluation-results"]),
    "third-party-license": (None, 3, ["data-card", "technical-report", "evaluation-results"]),
    "vendored-json": (None, 3, ["data-card", "technical-report", "evaluation-results"]),
    # The card's own text is under the repository's conflicting declaration (Llama 2 AND Apache-2.0).
    "card-vs-license": (None, 3, ["model-architecture", "model-parameters-final", "model-card", "data-card",
                                  "technical-report", "evaluation-results"]),
    "conflicting-licenses": (None, 3, ["model-parameters-final", "data-card", "technical-report",
                                       "evaluation-results"]),
    "card-other-incomplete": (None, 3, ["model-architecture", "model-parameters-final", "model-card", "data-card",
                                        "technical-report", "evaluation-results"]),
    "dangling-reference": (None, 3, ["model-architecture", "model-parameters-final", "model-card", "data-card",
                                     "technical-report", "evaluation-results"]),
    "llama3-card": (None, 3, ["model-architecture", "model-parameters-final", "model-card", "data-card",
                              "technical-report", "evaluation-results"]),
    "reuse-toml": (None, 3, ["data-card", "technical-report", "evaluation-results"]),
    "reuse-dep5": (None, 3, ["data-card", "technical-report", "evaluation-results"]),
    "gated-by-reference": (None, 3, ["model-architecture", "model-parameters-final", "data-card", "technical-report",
                                     "evaluation-results"]),
    "unknown-library": (None, 3, ["model-architecture", "data-card", "technical-report", "evaluation-results"]),
    "weights-elsewhere-nc": (None, 3, ["model-parameters-final", "data-card", "technical-report", "evaluation-results"]),
    "weights-elsewhere-mit": (None, 3, ["model-parameters-final", "data-card", "technical-report", "evaluation-results"]),
    "readme-license": (None, 3, ["data-card", "technical-report", "evaluation-results"]),
    "licenses-folder": (None, 3, ["model-card", "data-card", "technical-report", "evaluation-results"]),
    "lgpl-pair": (None, 3, ["model-card", "data-card", "technical-report", "evaluation-results"]),
    "manifests": (None, 3, ["model-card", "data-card", "technical-report", "evaluation-results"]),
    "invalid-notebook": (None, 3, ["data-card", "technical-report", "evaluation-results"]),
}


def test_every_fixture_has_expectations():
    assert sorted(EXPECTED) == fixture_names()
    assert sorted(MOF) == fixture_names()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_verdicts_and_components_under_every_profile(scanned, name):
    report, data = scanned(name)
    statuses, verdicts = EXPECTED[name]
    assert sorted(data["profiles"]) == sorted(PROFILES)
    for profile, verdict in zip(PROFILES, verdicts):
        result = report.profile_result(profile)
        expected = OVERRIDES.get((name, profile), statuses).split()
        got = [dict(result.components)[Component(c)].status.value for c in COMPONENTS]
        assert (profile, got) == (profile, expected)
        assert (profile, result.verdict.status.value) == (profile, verdict)
        assert data["profiles"][profile]["verdict"]["status"] == verdict
    # The default profile decides the top-level verdict and components.
    assert data["profile"] == "blog-2024"
    assert data["verdict"] == data["profiles"]["blog-2024"]["verdict"]
    assert data["components"] == data["profiles"]["blog-2024"]["components"]


@pytest.mark.parametrize("name", sorted(MOF))
def test_mof_classes(scanned, name):
    report, _ = scanned(name)
    mof = report.profile_result("mof").mof
    assert mof is not None
    reached, upcoming, missing = MOF[name]
    assert (mof.class_reached, mof.next_class) == (reached, upcoming)
    assert [m.split(" ", 1)[0] for m in mof.missing_for_next] == missing
    assert len(mof.components) == 17
    # Classes are cumulative: a lower class is never reached without the higher one.
    reached_flags = [c.reached for c in mof.classes]
    assert [c.mof_class for c in mof.classes] == [3, 2, 1]
    assert reached_flags == sorted(reached_flags, reverse=True)


def test_open_science_fixture_reaches_class_one_with_type_appropriate_licenses(scanned):
    report, _ = scanned("open-science")
    mof = report.profile_result("mof").mof
    by_id = {c.id: c for c in mof.components}
    assert all(c.status is ComponentStatus.OPEN for c in mof.components if c.id != "sample-model-outputs")
    assert by_id["sample-model-outputs"].status is ComponentStatus.ABSENT and not by_id["sample-model-outputs"].required
    assert all(c.type_appropriate for c in mof.components if c.status is ComponentStatus.OPEN)
    assert by_id["model-parameters-final"].paths == ("model/model.safetensors",)
    assert by_id["model-parameters-intermediate"].paths == ("model/checkpoint-500/model.safetensors",)
    assert [lc.expression for lc in by_id["model-parameters-final"].licenses] == [
        "apache-2.0 OR cdla-permissive-2.0"]
    assert by_id["data-card"].paths == ("data/README.md",)
    assert by_id["evaluation-results"].paths == ("README.md",)
    assert by_id["evaluation-results"].evidence == ("model card README.md has model-index",)
    assert by_id["datasets"].paths == ("data/train.jsonl", "data/val.jsonl")
    assert [lc.expression for lc in by_id["datasets"].licenses] == ["cdla-permissive-2.0"]
    assert by_id["data-preprocessing-code"].paths == ("scripts/prepare_data.py",)
    assert by_id["training-code"].paths == ("train.py",)
    assert by_id["evaluation-code"].paths == ("eval/evaluate.py",)
    assert by_id["evaluation-data"].paths == ("data/val.jsonl",)
    assert by_id["research-paper"].paths == ("paper/tinygpt.tex",)
    assert report.profile_result("mof").findings == ()


def test_type_inappropriate_open_license_is_flagged(scanned):
    """fully-open: Apache-2.0 weights are open, but the MOF recommends open-data licenses for data."""
    report, _ = scanned("fully-open")
    result = report.profile_result("mof")
    by_id = {c.id: c for c in result.mof.components}
    weights = by_id["model-parameters-final"]
    assert (weights.status, weights.type_appropriate) == (ComponentStatus.OPEN, False)
    assert by_id["model-architecture"].type_appropriate is True
    assert by_id["model-card"].type_appropriate is True
    flagged = sorted((f.id, f.paths) for f in result.findings)
    assert flagged == [("mof.license-type-inappropriate", ("model/config.json", "model/tokenizer.json")),
                       ("mof.license-type-inappropriate", ("model/model.safetensors",))]


def test_criterion_data_license_open_for_data_not_for_weights(scanned):
    """CDLA-Permissive-2.0 grants the four freedoms; whether it counts depends on the criterion."""
    report, _ = scanned("mof-open-model")
    blog = dict(report.profile_result("blog-2024").components)[Component.MODEL]
    assert blog.criterion is Criterion.OSD and blog.status is ComponentStatus.NOT_OPEN
    assert [lc.expression for lc in blog.licenses] == ["cdla-permissive-2.0"]
    assert {blog.freedoms.cell(f).status.value for f in Freedom} == {"meets"}
    assert blog.criterion_because == (
        "cdla-permissive-2.0 is a data license, not a software license meeting the Open Source Definition "
        "[model/config.json, model/model.safetensors, model/tokenizer.json]",)
    assert any("do not satisfy the 'osd' criterion" in r for r in report.profile_result("blog-2024").verdict.reasons)
    mof_five = dict(report.profile_result("mof").components)[Component.MODEL]
    assert mof_five.criterion is Criterion.OSD_OR_OPEN_DATA and mof_five.status is ComponentStatus.OPEN


def test_training_data_judged_as_data(scanned):
    """reuse-toml: CC-BY-4.0 training data is open under osd-or-open-data."""
    report, _ = scanned("reuse-toml")
    training = dict(report.profile_result("open-science").components)[Component.TRAINING_DATA]
    assert training.criterion is Criterion.OSD_OR_OPEN_DATA
    assert training.status is ComponentStatus.OPEN
    assert [lc.expression for lc in training.licenses] == ["cc-by-4.0"]


def test_osaid_data_information(scanned):
    report, _ = scanned("open-science")
    training = dict(report.profile_result("osaid-1.0").components)[Component.TRAINING_DATA]
    assert training.requirement is Requirement.INFORMATION
    assert training.information == (
        "model card README.md lists datasets: [acme/tiny-corpus]",
        "data/README.md describes the data (documentation.readme)",
        "docs/technical_report.md describes the data (documentation.docs-folder)",
        "the training-data itself is in the repository (2 file(s), e.g. data/train.jsonl)",
    )
    report, _ = scanned("fully-open")
    result = report.profile_result("osaid-1.0")
    training = dict(result.components)[Component.TRAINING_DATA]
    assert training.information == ()
    assert result.verdict.status is VerdictStatus.UNDETERMINED
    assert [f.id for f in result.findings] == ["policy.data-information-missing"]


def test_open_under_blog_not_under_open_science(scanned):
    """The issue's example: CC-BY-NC-4.0 training data passes the founding matrix, not open science."""
    report, _ = scanned("data-and-prompts")
    assert report.profile_result("blog-2024").verdict.status is VerdictStatus.OPEN_SOURCE_AI
    science = report.profile_result("open-science")
    assert science.verdict.status is VerdictStatus.NOT_OPEN_SOURCE_AI
    training = dict(science.components)[Component.TRAINING_DATA]
    assert [lc.expression for lc in training.licenses] == ["cc-by-nc-4.0"]
    assert training.freedoms.use.status.value == "fails"
    assert science.verdict.reasons == (
        "training-code: does not meet the Open Source Definition for study, use, modify, share (cc-by-nc-4.0 governs "
        "1 file(s), e.g. data/prepare.py)",
        "training-data: study, use, modify, share are restricted (cc-by-nc-4.0 governs 2 file(s), "
        "e.g. data/train.jsonl)",
    )
    assert [(f.id, f.paths) for f in science.findings] == [
        ("policy.component-not-open", ("data/prepare.py",)),
        ("policy.component-not-open", ("data/train.jsonl", "data/val.jsonl")),
    ]


def test_references_and_restrictions_reach_every_profile(scanned):
    """Code by reference and an access gate (references.py) count under every profile."""
    report, _ = scanned("gated-by-reference")
    for profile in ("blog-2024", "open-science", "osaid-1.0"):
        components = dict(report.profile_result(profile).components)
        code, model = components[Component.CODE], components[Component.MODEL]
        assert (code.presence.value, code.status, code.references) == ("referenced", ComponentStatus.OPEN,
                                                                       ("framework.transformers",))
        assert [(lc.expression, lc.files, lc.references) for lc in code.licenses] == [
            ("apache-2.0", 0, ("framework.transformers",))]
        assert model.freedoms.use.status.value == "conditional"
        assert any("access is gated" in b for b in model.freedoms.use.because)
    reasons = report.profile_result("blog-2024").verdict.reasons
    assert reasons[0].startswith("model: does not meet the Open Source Definition for use (access is gated")
    mof = dict(report.profile_result("mof").components)[Component.MODEL]
    assert mof.status is ComponentStatus.NOT_OPEN


def test_a_failing_license_decides_even_when_another_file_is_unknown(tmp_path):
    """Open-Sora's shape: most code under a license that fails the OSD criterion (here a content
    license), one file under an SPDX id nobody knows. The known failure makes the Code not open
    (was: unknown, the verdict undetermined, beside a non-OSD error finding for the same files)."""
    from osai_scan import ScanOptions, scan
    from osai_scan.licenses import scancode_license_text

    root = tmp_path / "repo"
    (root / "src").mkdir(parents=True)
    (root / "LICENSE").write_text(scancode_license_text("cc-by-4.0"), encoding="utf-8")
    (root / "src" / "model.py").write_text("import torch\n", encoding="utf-8")
    (root / "src" / "odd.py").write_text("# SPDX-License-Identifier: Made-Up-License-9\nimport torch\n",
                                         encoding="utf-8")
    blog = scan(str(root), ScanOptions(use_cache=False)).profile_result("blog-2024")
    result = dict(blog.components)
    code = result[Component.CODE]
    assert code.status is ComponentStatus.NOT_OPEN
    assert sorted(lc.expression for lc in code.licenses) == ["cc-by-4.0", "unknown-spdx"]
    assert code.criterion_because == (
        "cc-by-4.0 is a content license, not a software license meeting the Open Source Definition [src/model.py]",)
    verdict = blog.verdict
    assert verdict.status is VerdictStatus.NOT_OPEN_SOURCE_AI
    assert verdict.reasons[0].startswith("code: its licenses do not satisfy the 'osd' criterion (cc-by-4.0 is a content")


def test_the_weights_hint_names_code_first_and_each_hub_id_once():
    """HunyuanVideo's shape: the README names the same model in two cases and links a .pt file on
    the Hub; the code names the main model. The hint lists the code's reference first, each Hub id
    once, and never a URL as an hf: target."""
    from osai_scan.models import Reference, ReferenceKind
    from osai_scan.policy.evaluate import _weights_hint

    def ref(target: str, where: str, url: str | None = None) -> Reference:
        return Reference(kind=ReferenceKind.WEIGHTS, id=target, component=Component.MODEL, name=target, declared=None,
                         expression=None, expression_spdx=None, source=where, matched_by=f"x at {where}",
                         url=url or f"https://huggingface.co/{target}")
    pt = "https://huggingface.co/acme/Rewrite/resolve/main/model.pt"
    hint = _weights_hint([ref("Acme/Rewrite", "README.md, line 3"), ref("acme/Rewrite", "README.md, line 9"),
                          ref(pt, "README.md, line 12", url=pt), ref("acme/Main", "sample.py, line 20")])
    assert hint.startswith(" The code and documentation name weights at: acme/Main (x at sample.py, line 20); ")
    assert hint.endswith("scan them with: osai-scan scan hf:acme/Main hf:Acme/Rewrite.")
    assert _weights_hint([ref("acme/Main", "sample.py, line 20")]).startswith(" The code fetches weights from: acme/Main")
