"""Declarations where projects make them (README license section, LICENSES/, COPYING.LESSER,
manifests), statements scoped to a component, and where the code fetches its weights."""

from __future__ import annotations

import shutil
from pathlib import Path

from osai_scan import ScanOptions, scan
from osai_scan.attribute.sources import manifest_declarations, readme_license_section
from osai_scan.report.json import report_dict
from tests.conftest import case_dir, validate_report


def _scan(tmp_path: Path, case: str) -> dict:
    target = tmp_path / case
    shutil.copytree(case_dir(case), target)
    return validate_report(report_dict(scan(str(target), ScanOptions(use_cache=False))))


def test_declarations_name_the_path_and_line(tmp_path: Path) -> None:
    readme = _scan(tmp_path, "readme-license")["declared"]["licenses"]
    assert [(d["source"], d["path"], d["expression"], d["line"]) for d in readme] == [("readme", "README.md", "mit", 5)]
    manifests = _scan(tmp_path, "manifests")["declared"]["licenses"]
    assert sorted((d["path"], d["expression"], d["line"]) for d in manifests) == [
        ("package.json", "mit", 4), ("pyproject.toml", "mit", 4), ("setup.py", "mit", 3)]
    folder = _scan(tmp_path, "licenses-folder")["declared"]["licenses"]
    assert [(d["source"], d["path"], d["expression"]) for d in folder] == [("licenses-folder", "LICENSES/MIT.txt", "mit")]
    pair = _scan(tmp_path, "lgpl-pair")["declared"]["licenses"]
    assert [(d["path"], d["expression"]) for d in pair] == [("COPYING", None), ("COPYING.LESSER", "lgpl-3.0")]
    assert "attribution.companion.lgpl-3.0" in pair[0]["detail"]


def test_weights_declared_elsewhere_decide_the_model(tmp_path: Path) -> None:
    nc = _scan(tmp_path, "weights-elsewhere-nc")
    model = nc["components"]["model"]
    assert (model["status"], model["presence"], [lc["expression"] for lc in model["licenses"]]) == (
        "not-open", "declared", ["cc-by-nc-4.0"])
    assert nc["verdict"]["status"] == "not-open-source-ai"
    declarations = [(r["id"], r["matched_by"], r["expression"]) for r in nc["references"] if r["kind"] == "declaration"]
    assert declarations == [("LICENSE_weights", "attribution.model-license-file", "cc-by-nc-4.0"),
                            ("README.md:3", "attribution.statement.weights", "cc-by-nc-4.0")]
    mit = _scan(tmp_path, "weights-elsewhere-mit")
    assert (mit["verdict"]["status"], mit["components"]["model"]["presence"]) == ("open-source-ai", "declared")
    warning = next(f for f in mit["findings"] if f["id"] == "policy.component-declared-only")
    assert warning["severity"] == "warning" and "osai-scan scan hf:acme/tinygpt-124m" in warning["hint"]


def test_weight_references_have_path_and_line(tmp_path: Path) -> None:
    report = _scan(tmp_path, "weights-elsewhere-mit")
    weights = {r["id"]: (r["source"], r["matched_by"].split(" at ")[0], r["url"])
               for r in report["references"] if r["kind"] == "weights"}
    assert weights == {
        "https://example.org/releases/tinygpt-124m.pt": ("src/tinygpt/fetch.py, line 9", "weights.url",
                                                         "https://example.org/releases/tinygpt-124m.pt"),
        "acme/tinygpt-124m": ("src/tinygpt/fetch.py, line 17", "weights.hub.download",
                              "https://huggingface.co/acme/tinygpt-124m"),
    }


def test_component_absent_hint_names_the_weights(tmp_path: Path) -> None:
    target = tmp_path / "repo"
    shutil.copytree(case_dir("weights-elsewhere-mit"), target)
    (target / "README.md").write_text("# TinyGPT\n", encoding="utf-8")
    report = report_dict(scan(str(target), ScanOptions(use_cache=False)))
    assert report["verdict"]["status"] == "undetermined"
    absent = next(f for f in report["findings"] if f["id"] == "policy.component-absent")
    assert "osai-scan scan hf:acme/tinygpt-124m" in absent["hint"]
    assert "https://example.org/releases/tinygpt-124m.pt" in absent["hint"]


def test_invalid_notebook_is_scanned_as_text(tmp_path: Path) -> None:
    report = _scan(tmp_path, "invalid-notebook")
    nb = next(f for f in report["files"] if f["path"] == "notebooks/demo.ipynb")
    assert (nb["status"], nb["component"], nb["license"]) == ("scanned", "code", "apache-2.0")
    assert nb["status_reason"].startswith("not a valid notebook (its JSON does not parse); scanned as text")
    assert report["components"]["code"]["status"] == "open"


def test_readme_license_section_bounds() -> None:
    text = "# P\n\nIntro.\n\n## License\n\nMIT.\n\n### Third party\n\nBSD.\n\n## Citation\n\nx\n"
    assert readme_license_section(text) == (5, 12)
    assert readme_license_section("License\n=======\n\nApache-2.0\n\nUsage\n-----\n") == (1, 5)
    assert readme_license_section("# P\n\nNo section.\n") is None


def test_manifest_values_that_are_not_spdx_use_scancode_on_that_line() -> None:
    entries = manifest_declarations("setup.cfg", "[metadata]\nname = x\nlicense = Apache 2.0\n", lambda line: [])
    assert [(e.value, e.expression, e.line) for e in entries] == [("license = Apache 2.0", None, 3)]
    assert manifest_declarations("pyproject.toml", "not [valid toml", lambda line: []) == []


def test_a_patents_file_beside_the_license_adds_its_terms(tmp_path: Path) -> None:
    from osai_scan.licenses import scancode_license_text

    root = tmp_path / "repo"
    (root / "src").mkdir(parents=True)
    (root / "LICENSE").write_text(scancode_license_text("bsd-new"), encoding="utf-8")
    (root / "PATENTS").write_text(scancode_license_text("facebook-patent-rights-2"), encoding="utf-8")
    (root / "src" / "model.py").write_text("import torch\n", encoding="utf-8")
    report = report_dict(scan(str(root), ScanOptions(use_cache=False)))
    declared = sorted((d["path"], d["expression"]) for d in report["declared"]["licenses"])
    assert declared == [("LICENSE", "bsd-new"), ("PATENTS", "facebook-patent-rights-2")]
    model_py = next(f for f in report["files"] if f["path"] == "src/model.py")
    assert (model_py["license"], model_py["attribution"]["source"]) == ("bsd-new AND facebook-patent-rights-2",
                                                                        "declared")
