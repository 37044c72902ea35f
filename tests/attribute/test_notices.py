"""A file's own license notice versus the licenses it mentions (rules/notices.yaml), on the real
ScanCode engine, checked against the REUSE reference tool where the tree is REUSE-compliant."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from osai_scan import ScanOptions, scan
from osai_scan.detect.context import LineContexts
from osai_scan.detect.names import NameCheck
from osai_scan.pipeline.options import ENGINE
from osai_scan.licenses import scancode_license_text
from osai_scan.report.json import report_dict
from osai_scan.ruleset import load_rules
from tests.conftest import make_git_repo, validate_report

SPDX_HEADER = "# SPDX-FileCopyrightText: 2024 Example Maintainers\n# SPDX-License-Identifier: GPL-3.0-or-later\n"

FILES = {
    "src/hub_ids.py": SPDX_HEADER + '"""Hub license ids and their SPDX names."""\n\n'
    'HUB = {"mit": "MIT", "apache-2.0": "Apache-2.0", "cc0-1.0": "CC0-1.0", "0bsd": "0BSD"}\n'
    '_LICENSE = "Creative Commons Attribution-ShareAlike 4.0 International"\n\n\n'
    "def spdx(hub_id):\n    return HUB.get(hub_id)\n",
    "tests/test_card.py": SPDX_HEADER + 'CARD = """---\nlicense: apache-2.0\n---\n'
    'This model is released under the Apache License 2.0.\n"""\n\n\n'
    'def test_card():\n    assert "apache-2.0" in CARD\n',
    "src/model.py": SPDX_HEADER + "import math\n\n\ndef gelu(x):\n    return 0.5 * x * (1 + math.tanh(x))\n",
    "src/loader.js": "// SPDX-FileCopyrightText: 2024 Example Maintainers\n// SPDX-License-Identifier: GPL-3.0-or-later\n"
    'const LICENSES = ["MIT", "Apache-2.0"];\nmodule.exports = LICENSES;\n',
}


def _tree(root: Path) -> Path:
    for path, text in FILES.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    (root / "LICENSES").mkdir()
    (root / "LICENSES" / "GPL-3.0-or-later.txt").write_text(scancode_license_text("gpl-3.0"), encoding="utf-8")
    make_git_repo(root)
    return root


def _reuse_spdx(root: Path) -> dict[str, str]:
    """``reuse spdx``: the REUSE reference tool's license per file."""
    reuse = shutil.which("reuse") or str(Path(__import__("sys").executable).parent / "reuse")
    out = subprocess.run([reuse, "--root", str(root), "spdx"], capture_output=True, text=True, check=True).stdout
    licenses: dict[str, str] = {}
    current = None
    for line in out.splitlines():
        if line.startswith("FileName: "):
            current = line.split(": ", 1)[1].removeprefix("./")
        elif line.startswith("LicenseInfoInFile: ") and current:
            licenses[current] = line.split(": ", 1)[1]
    return licenses


def test_license_ids_in_strings_are_mentions_and_reuse_agrees(tmp_path: Path) -> None:
    root = _tree(tmp_path / "repo")
    report = validate_report(report_dict(scan(str(root), ScanOptions(use_cache=False))))
    files = {f["path"]: f for f in report["files"]}
    reference = _reuse_spdx(root)
    assert set(reference) == set(FILES)
    for path in FILES:
        assert files[path]["license_spdx"] == reference[path] == "GPL-3.0-or-later", path
        assert files[path]["attribution"]["source"] == "file-notice"
    # ScanCode's own file-level expression ANDs the mentions in; osai-scan keeps them as evidence
    hub = files["src/hub_ids.py"]
    assert "cc-by-sa-4.0" in hub["detected_expression"] and "bsd-zero" in hub["detected_expression"]
    assert {(m["expression"], m["start_line"], m["context"], m["rule"]) for m in hub["mentions"]} >= {
        ("cc-by-sa-4.0", 6, "string", "notices.mention"), ("cc0-1.0", 5, "string", "notices.mention")}
    notice = [m for m in hub["detections"] if m["role"] == "notice"]
    assert [(m["expression"], m["kind"], m["context"], m["start_line"]) for m in notice] == [
        ("gpl-3.0-plus", "spdx-id", "leading-comment", 2)]
    card_test = files["tests/test_card.py"]
    assert {m["start_line"] for m in card_test["mentions"]} == {4, 6, 11}
    assert files["src/loader.js"]["mentions"][0]["context"] == "code"
    assert report["components"]["code"]["status"] == "open"
    assert not [f for f in report["findings"] if f["id"] == "policy.non-osd-license-in-code"]


def test_a_file_with_only_mentions_inherits(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "src").mkdir(parents=True)
    (root / "LICENSE").write_text(scancode_license_text("mit"), encoding="utf-8")
    (root / "src" / "datasets.py").write_text(
        '"""Loading script."""\nimport json\n\n_LICENSE = "Creative Commons Attribution-ShareAlike 4.0 International"\n'
        '_CITATION = ""\n', encoding="utf-8")
    report = report_dict(scan(str(root), ScanOptions(use_cache=False)))
    f = {x["path"]: x for x in report["files"]}["src/datasets.py"]
    assert (f["license"], f["attribution"]["source"]) == ("mit", "declared")
    assert [(m["expression"], m["start_line"], m["context"]) for m in f["mentions"]] == [("cc-by-sa-4.0", 4, "string")]


def test_a_license_texts_trailer_is_part_of_the_text(tmp_path: Path) -> None:
    """The CC-BY-SA-4.0 legal code without its preamble: ScanCode adds public-domain and cc0-1.0
    from the closing paragraph ("...dedicated to the public domain under the CC0 ...")."""
    text = scancode_license_text("cc-by-sa-4.0")
    text = text[text.index("Creative Commons Attribution-ShareAlike 4.0 International Public"):]
    root = tmp_path / "repo"
    (root / "data").mkdir(parents=True)
    (root / "data" / "LICENSE").write_text(text, encoding="utf-8")
    (root / "data" / "train.jsonl").write_text('{"text": "hello"}\n', encoding="utf-8")
    report = report_dict(scan(str(root), ScanOptions(use_cache=False)))
    files = {x["path"]: x for x in report["files"]}
    lic = files["data/LICENSE"]
    assert lic["detected_expression"] == "cc-by-sa-4.0 AND public-domain AND cc0-1.0"
    assert lic["license"] == "cc-by-sa-4.0"
    assert sorted((m["expression"], m["role"]) for m in lic["detections"]) == [
        ("cc-by-sa-4.0", "notice"), ("cc0-1.0", "part-of-text"), ("public-domain", "part-of-text")]
    assert files["data/train.jsonl"]["license"] == "cc-by-sa-4.0"


def test_a_disclaimer_appended_to_a_license_text_is_part_of_it(tmp_path: Path) -> None:
    """InternLM's LICENSE: the Apache-2.0 text, then a BSD-style warranty disclaimer that ScanCode
    matches as other-permissive at about a third of its rule, a few lines after the text ends."""
    disclaimer = (
        'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"\n'
        "AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE\n"
        "IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE\n"
        "DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE\n"
        "FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL\n"
        "DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR\n"
        "SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER\n"
        "CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,\n"
        "OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE\n"
        "OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.\n")
    root = tmp_path / "repo"
    (root / "src").mkdir(parents=True)
    apache = "\n".join(line.rstrip() for line in scancode_license_text("apache-2.0").splitlines())
    (root / "LICENSE").write_text(apache + "\n\n" + disclaimer, encoding="utf-8")
    (root / "src" / "model.py").write_text("import torch\n", encoding="utf-8")
    report = report_dict(scan(str(root), ScanOptions(use_cache=False)))
    lic = {x["path"]: x for x in report["files"]}["LICENSE"]
    assert lic["detected_expression"] == "apache-2.0 AND other-permissive"
    assert sorted((m["expression"], m["role"]) for m in lic["detections"]) == [
        ("apache-2.0", "notice"), ("other-permissive", "part-of-text")]
    assert lic["license"] == "apache-2.0"
    assert report["components"]["code"]["status"] == "open"


def test_an_approximate_match_must_name_its_license(tmp_path: Path) -> None:
    """A header that names a license ScanCode does not know is aligned with another license's
    rule (chameleon's download scripts): a mention, with the license it leaves unnamed; the file
    then inherits its folder's license."""
    root = tmp_path / "repo"
    (root / "src").mkdir(parents=True)
    (root / "LICENSE").write_text(scancode_license_text("apache-2.0"), encoding="utf-8")
    (root / "src" / "download.py").write_text(
        "# Copyright (c) Example Inc. and affiliates.\n"
        "# This software may be used and distributed according to the terms of the Example License Agreement.\n"
        "\nimport hashlib\n", encoding="utf-8")
    (root / "src" / "gpl.py").write_text(
        "# Copyright (c) Example Inc.\n"
        "# This software may be used and distributed according to the terms of the GNU Public License.\n"
        "\nimport hashlib\n", encoding="utf-8")
    report = validate_report(report_dict(scan(str(root), ScanOptions(use_cache=False))))
    files = {x["path"]: x for x in report["files"]}
    download = files["src/download.py"]
    assert [(m["rule"], m["role"], m["role_rule"], m["unnamed"]) for m in download["detections"]
            if m["matcher"] == "3-seq"] == [("gpl-1.0-plus_13.RULE", "mention", "notices.unnamed-license",
                                             ["gpl-1.0-plus"])]
    assert download["license"] == "apache-2.0"
    # the rule's own words name the license: a notice, as before
    gpl = files["src/gpl.py"]
    assert (gpl["license"], gpl["attribution"]["source"]) == ("gpl-1.0-plus", "file-notice")
    assert all(m["unnamed"] == [] for m in gpl["detections"])


def test_license_names_in_matched_lines() -> None:
    """The words looked for come from ScanCode's license database (the real one)."""
    ENGINE.load(warm_up=False)
    check = NameCheck(ENGINE.license_names, load_rules().notices.settings)
    # litgpt's header, which ScanCode aligns with mit_and_apache-2.0_9 in some files
    header = "# Copyright Lightning AI. Licensed under the Apache License 2.0, see LICENSE file."
    assert check.unnamed("mit AND apache-2.0", header) == ("mit",)
    assert check.unnamed("apache-2.0", header) == ()
    assert check.unnamed("gpl-2.0-plus", "# Licensed under GPLv2 or later") == ()
    assert check.unnamed("bsd-new", "# Use of this source code is governed by a BSD-style license") == ()
    assert check.unnamed("cc-by-4.0", "weights under the Creative Commons Attribution license") == ()
    # generic and unknown licenses have no name to look for
    assert check.unnamed("other-permissive AND unknown-license-reference", "see LICENSE") == ()
    assert check.words("apache-2.0") == {"apache"}
    assert check.applies("3-seq", "notice") and not check.applies("2-aho", "notice")
    assert not check.applies("3-seq", "text")


def test_user_rules_decide_roles(tmp_path: Path) -> None:
    """A --rules DIR role rule with a known id replaces it: strings become notices again."""
    root = _tree(tmp_path / "repo")
    user = tmp_path / "rules"
    user.mkdir()
    (user / "notices.yaml").write_text(
        "roles:\n  - id: notices.mention\n    reason: take every license named in a file as its own\n"
        "    role: notice\n", encoding="utf-8")
    report = report_dict(scan(str(root), ScanOptions(use_cache=False, rules_dirs=(user,))))
    hub = {x["path"]: x for x in report["files"]}["src/hub_ids.py"]
    assert hub["mentions"] == []
    assert "cc-by-sa-4.0" in hub["license"] and "gpl-3.0-plus" in hub["license"]


@pytest.mark.parametrize(("path", "text", "expected"), [
    ("a.py", '#!/usr/bin/env python\n# MIT\n"""Doc."""\nX = "Apache-2.0"\n# later\n',
     {1: "leading-comment", 2: "leading-comment", 3: "leading-comment", 4: "string", 5: "comment"}),
    ("a.py", "def f(:\n  'x'\n", {1: "code", 2: "code"}),  # does not tokenize: comment markers only
    ("a.c", "/*\n * Licensed MIT\n */\nint x; // GPL\nchar *s = \"BSD\";\n",
     {1: "leading-comment", 2: "leading-comment", 3: "leading-comment", 4: "code", 5: "code"}),
    ("config.yaml", "# Apache-2.0\nlicense: mit\n", {1: "leading-comment", 2: "data"}),
    ("README.md", "# Title\nMIT\n", {1: "prose", 2: "prose"}),
])
def test_line_contexts(path: str, text: str, expected: dict[int, str]) -> None:
    contexts = LineContexts(text, load_rules().notices.syntax_of(path))
    assert {line: contexts.of(line) for line in expected} == expected



def test_a_compound_rule_beside_a_simple_one_is_flattened() -> None:
    """litgpt's header "Licensed under the Apache License 2.0, see LICENSE file." can match a
    compound mit AND apache-2.0 rule beside an apache-2.0 rule, which ScanCode writes
    "(mit AND apache-2.0) AND apache-2.0": the file's own license names each license once."""
    from osai_scan.attribute.attributor import Attributor
    from osai_scan.findings import FindingCatalogue
    from osai_scan.licenses import LicenseKnowledge
    from osai_scan.models import AttributionSource, Detection, FileStatus, Match

    rules = load_rules()
    attributor = Attributor(LicenseKnowledge(rules), rules.component_license_files, rules.license_files,
                            rules.reference_keys, FindingCatalogue(rules.findings), None, notices=rules.notices,
                            companions=rules.companions)
    header = dict(expression_spdx=None, score=90.0, start_line=1, end_line=1, matcher="2-aho", kind="notice",
                  context="leading-comment", coverage=80.0)
    detection = Detection(status=FileStatus.SCANNED, expression="(mit AND apache-2.0) AND apache-2.0", matches=(
        Match(expression="apache-2.0", rule="apache-2.0_683.RULE", **header),
        Match(expression="mit AND apache-2.0", rule="mit_and_apache-2.0_9.RULE", **header)))
    assert attributor.own_expression(attributor.assign_roles(detection)) == (
        "mit AND apache-2.0", AttributionSource.FILE_NOTICE)
    choice = Detection(status=FileStatus.SCANNED, expression="mit OR apache-2.0", matches=(
        Match(expression="mit OR apache-2.0", rule="mit_or_apache-2.0_1.RULE", **header),))
    assert attributor.own_expression(attributor.assign_roles(choice))[0] == "mit OR apache-2.0"


def _scan_files(root: Path, files: dict[str, str]) -> dict:
    """Write ``files`` (path → text) under ``root``, scan it and return the validated report."""
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return validate_report(report_dict(scan(str(root), ScanOptions(use_cache=False))))


def test_an_spdx_tag_followed_by_a_comment_names_its_license(tmp_path: Path) -> None:
    """Open-Sora's ops.py: "# SPDX-License-Identifier: Apache-2.0 # upsample on the temporal
    dimension as well". ScanCode reads the whole rest of the line as the id (unknown-spdx); the
    value ends where the second comment starts. A truly unknown id stays unknown-spdx."""
    report = _scan_files(tmp_path / "repo", {
        "LICENSE": scancode_license_text("mit"),
        "src/ops.py": "import torch\n\n# SPDX-License-Identifier: Apache-2.0 # upsample on the temporal dimension "
                      "as well\ndef up(x):\n    return x\n",
        "src/odd.py": "# SPDX-License-Identifier: Made-Up-License-9 # note\nimport torch\n"})
    files = {x["path"]: x for x in report["files"]}
    ops = files["src/ops.py"]
    assert ops["detected_expression"] == "unknown-spdx"  # ScanCode's own reading, kept as evidence
    assert [(m["expression"], m["scancode_expression"], m["role"]) for m in ops["detections"]] == [
        ("apache-2.0", "unknown-spdx", "notice")]
    assert (ops["license"], ops["attribution"]["source"]) == ("apache-2.0", "file-notice")
    assert files["src/odd.py"]["license"] == "unknown-spdx"
    assert [m["scancode_expression"] for m in files["src/odd.py"]["detections"]] == [None]


def test_a_generic_match_on_the_lines_of_a_specific_license_is_part_of_it(tmp_path: Path) -> None:
    """FLUX.1 [dev]'s model license opens with its title and a sentence naming it; ScanCode also
    matches "Non Commercial" there as the generic proprietary-license. The model is under
    flux-1-nc alone (the raw match stays in the evidence, as part-of-text)."""
    report = _scan_files(tmp_path / "repo", {
        "LICENSE": scancode_license_text("apache-2.0"),
        "LICENSE-MODEL": "FLUX.1 [dev] Non-Commercial License v1.1.1\n\nBlack Forest Labs Inc. is pleased to make "
                         "available the weights, parameters and inference code for the FLUX.1 [dev] Model freely "
                         "available for your non-commercial and non-production use as set forth in this FLUX.1 [dev] "
                         "Non-Commercial License (\u201cLicense\u201d).\n",
        "src/model.py": "import torch\n"})
    lic = {x["path"]: x for x in report["files"]}["LICENSE-MODEL"]
    roles = {(m["expression"], m["role"]) for m in lic["detections"]}
    assert ("proprietary-license", "part-of-text") in roles and ("flux-1-nc", "notice") in roles
    assert lic["license"] == "flux-1-nc"
    declared = [(r["id"], r["expression"]) for r in report["references"] if r["kind"] == "declaration"]
    assert declared == [("LICENSE-MODEL", "flux-1-nc")]
    assert report["verdict"]["status"] == "not-open-source-ai"
