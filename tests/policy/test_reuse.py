"""REUSE annotations: REUSE.toml, .reuse/dep5 and .license sidecars (unit and fixture tests)."""

from __future__ import annotations

import pytest

from osai_scan.licenses import spdx_to_expression
from osai_scan.models import AttributionSource
from osai_scan.attribute.reuse import ReuseIndex, sidecar_spdx


def index(files: dict[str, str]) -> ReuseIndex:
    return ReuseIndex(sorted(files), lambda path: files.get(path))


def test_toml_globs_last_match_and_nested_files():
    files = {
        "REUSE.toml": 'version = 1\n[[annotations]]\npath = "*.md"\nSPDX-License-Identifier = "CC-BY-4.0"\n'
                      '[[annotations]]\npath = ["data/**", "model/*.bin"]\nSPDX-License-Identifier = "CC0-1.0"\n'
                      '[[annotations]]\npath = "data/eval/**"\nprecedence = "override"\n'
                      'SPDX-License-Identifier = ["MIT", "Apache-2.0 OR BSD-2-Clause"]\n',
        "docs/REUSE.toml": 'version = 1\n[[annotations]]\npath = "**"\nSPDX-License-Identifier = "CC-BY-SA-4.0"\n',
        "README.md": "", "docs/guide.md": "", "data/a/b.csv": "", "data/eval/x.jsonl": "", "model/w.bin": "",
        "model/sub/w.bin": "",
    }
    reuse = index(files)
    assert reuse.problems == []
    assert reuse.toml_annotation("README.md").spdx == "CC-BY-4.0"
    # `*` does not cross a folder: docs/guide.md is not matched by "*.md", but docs/REUSE.toml covers it.
    assert reuse.toml_annotation("docs/guide.md").source_path == "docs/REUSE.toml"
    assert reuse.toml_annotation("data/a/b.csv").spdx == "CC0-1.0"
    assert reuse.toml_annotation("model/w.bin").spdx == "CC0-1.0"
    assert reuse.toml_annotation("model/sub/w.bin") is None
    last = reuse.toml_annotation("data/eval/x.jsonl")
    assert (last.spdx, last.precedence) == ("MIT AND (Apache-2.0 OR BSD-2-Clause)", "override")
    assert reuse.files == ("REUSE.toml", "docs/REUSE.toml")


def test_dep5_globs_cross_folders_and_last_paragraph_wins():
    files = {
        ".reuse/dep5": "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n"
                       "Files: *\nCopyright: x\nLicense: MIT\n\n"
                       "Files: data/* weights/model-??.bin\nCopyright: x\nLicense: CC-BY-4.0\n",
        "a.py": "", "data/x/y.csv": "", "weights/model-01.bin": "", "weights/model-001.bin": "",
    }
    reuse = index(files)
    assert reuse.dep5_annotation("a.py").spdx == "MIT"
    assert reuse.dep5_annotation("data/x/y.csv").spdx == "CC-BY-4.0"
    assert reuse.dep5_annotation("weights/model-01.bin").spdx == "CC-BY-4.0"
    assert reuse.dep5_annotation("weights/model-001.bin").spdx == "MIT"


def test_sidecars_and_problems():
    files = {
        "w.safetensors": "", "w.safetensors.license": "SPDX-FileCopyrightText: 2025 X\nSPDX-License-Identifier: MIT\n"
                                                      "SPDX-License-Identifier: CC-BY-4.0\n",
        "d.csv": "", "d.csv.license": "SPDX-FileCopyrightText: 2025 X\n",
        "orphan.license": "SPDX-License-Identifier: MIT\n",
        "REUSE.toml": "version = 2\n",
        "sub/REUSE.toml": "version = 1\n[[annotations]]\npath = 3\n",
    }
    reuse = index(files)
    assert reuse.sidecars["w.safetensors"].spdx == "MIT AND CC-BY-4.0"
    assert "d.csv" not in reuse.sidecars and "orphan" not in reuse.sidecars
    assert reuse.problems == [
        ("d.csv.license", "the .license sidecar has no SPDX-License-Identifier line"),
        ("REUSE.toml", "unsupported REUSE.toml version 2 (expected 1)"),
        ("sub/REUSE.toml", "annotation 1 has no valid 'path'"),
    ]
    assert sidecar_spdx("<!-- SPDX-License-Identifier: Apache-2.0 -->") == "Apache-2.0"


@pytest.mark.parametrize(
    ("spdx", "expected"),
    [
        ("Apache-2.0 OR MIT", ("apache-2.0 OR mit", ())),
        ("GPL-2.0-or-later WITH Classpath-exception-2.0", ("gpl-2.0-plus WITH classpath-exception-2.0", ())),
        ("CDLA-Permissive-2.0 and CC-BY-4.0", ("cdla-permissive-2.0 AND cc-by-4.0", ())),
        ("LicenseRef-Acme AND CC0-1.0", ("unknown-spdx AND cc0-1.0", ("LicenseRef-Acme",))),
        ("(MIT", (None, ())),
    ],
)
def test_spdx_to_expression(spdx, expected):
    assert spdx_to_expression(spdx) == expected


def test_licenseref_resolves_through_licenses_folder():
    assert spdx_to_expression("LicenseRef-Acme", lambda ref: "bsd-new OR mit" if ref == "LicenseRef-Acme" else None) \
        == ("(bsd-new OR mit)", ())


def test_reuse_toml_fixture_attribution(scanned):
    report, _ = scanned("reuse-toml")
    got = {f.path: (f.license, f.attribution.source, f.attribution.source_path)
           for f in report.files if f.component.value not in ("legal", "other", "documentation")}
    assert got == {
        "data/train.jsonl": ("cc-by-4.0", AttributionSource.REUSE, "REUSE.toml"),
        "data/val.jsonl": ("cc-by-4.0", AttributionSource.REUSE, "REUSE.toml"),
        "model/config.json": ("mit", AttributionSource.REUSE, "REUSE.toml"),
        "model/tokenizer.json": ("mit", AttributionSource.REUSE, "REUSE.toml"),
        # The sidecar wins over the REUSE.toml annotation for model/**.
        "model/model.safetensors": ("apache-2.0", AttributionSource.REUSE, "model/model.safetensors.license"),
        # precedence = "override" wins over the file's own SPDX-License-Identifier: Apache-2.0 header.
        "src/tinygpt/model.py": ("mit", AttributionSource.REUSE, "REUSE.toml"),
        # Not annotated: the repository's declared license.
        "src/tinygpt/__init__.py": ("apache-2.0", AttributionSource.DECLARED, "LICENSE, README.md"),
        "src/tinygpt/generate.py": ("apache-2.0", AttributionSource.DECLARED, "LICENSE, README.md"),
        "tests/test_model.py": ("apache-2.0", AttributionSource.DECLARED, "LICENSE, README.md"),
        "pyproject.toml": ("apache-2.0", AttributionSource.DECLARED, "LICENSE, README.md"),
        "train.py": ("apache-2.0", AttributionSource.DECLARED, "LICENSE, README.md"),
    }
    assert report.file("src/tinygpt/model.py").detections[0].expression == "apache-2.0"
    assert report.file("REUSE.toml").component.value == "legal"
    assert "precedence override" in report.file("src/tinygpt/model.py").attribution.detail


def test_reuse_dep5_fixture_attribution(scanned):
    report, _ = scanned("reuse-dep5")
    got = {path: (report.file(path).license, report.file(path).attribution.source_path)
           for path in ("data/train.jsonl", "data/val.jsonl", "model/config.json", "model/model.safetensors")}
    assert got == {
        "data/train.jsonl": ("cc-by-sa-4.0", ".reuse/dep5"),
        # Its sidecar has no SPDX line: ignored (attribution.reuse-invalid), dep5 applies.
        "data/val.jsonl": ("cc-by-sa-4.0", ".reuse/dep5"),
        "model/config.json": ("mit", ".reuse/dep5"),
        "model/model.safetensors": ("apache-2.0", "LICENSE, README.md"),
    }
