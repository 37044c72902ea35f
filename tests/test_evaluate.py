"""Verdict logic on small trees built in tmp (real ScanCode on real license texts)."""

from __future__ import annotations

import json
from pathlib import Path

from osai_scan.licenses import scancode_license_text
from osai_scan.pipeline import ScanOptions, scan
from osai_scan.report.json import report_dict
from tests.conftest import validate_report
from tests.make_fixtures import CONFIG, MODEL_PY, safetensors


def tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content)
    return root


def run(root: Path, **options) -> dict:
    return validate_report(report_dict(scan(str(root), ScanOptions(**options))))


def test_model_without_weights_is_undetermined(tmp_path: Path) -> None:
    report = run(tree(tmp_path, {"LICENSE": scancode_license_text("mit"), "model.py": MODEL_PY.format(spdx="MIT"),
                                 "config.json": CONFIG, "tokenizer.json": "{}\n"}))
    assert report["components"]["model"]["status"] == "open"
    assert report["verdict"]["status"] == "undetermined"
    assert report["verdict"]["reasons"] == [
        "model: the repository holds no weights file, only 2 configuration or tokenizer file(s), so the license "
        "of the weights cannot be checked here"]
    (finding,) = [f for f in report["findings"] if f["id"] == "policy.model-weights-absent"]
    assert finding["paths"] == ["config.json", "tokenizer.json"]


def test_or_takes_the_best_alternative_and_and_needs_all(tmp_path: Path) -> None:
    files = {"model.py": "# SPDX-License-Identifier: MIT OR LicenseRef-scancode-llama-2-license-2023\n",
             "w.safetensors": safetensors(), "config.json": CONFIG, "LICENSE": scancode_license_text("apache-2.0")}
    report = run(tree(tmp_path / "or", files))
    model_py = next(f for f in report["files"] if f["path"] == "model.py")
    assert model_py["license"] == "mit OR llama-2-license-2023"
    assert report["components"]["code"]["status"] == "open"
    assert report["verdict"]["status"] == "open-source-ai"
    files["model.py"] = "# SPDX-License-Identifier: MIT AND LicenseRef-scancode-llama-2-license-2023\n"
    report = run(tree(tmp_path / "and", files))
    assert report["components"]["code"]["status"] == "not-open"
    assert report["verdict"]["status"] == "not-open-source-ai"
    assert report["components"]["code"]["freedoms"]["use"]["status"] == "conditional"


def test_file_notice_beats_folder_and_declared_license(tmp_path: Path) -> None:
    report = run(tree(tmp_path, {
        "LICENSE": scancode_license_text("apache-2.0"),
        "vendor/LICENSE": scancode_license_text("bsd-new"),
        "vendor/a.py": "x = 1\n",
        "vendor/b.py": "# SPDX-License-Identifier: MIT\n",
        "weights/LICENSE_weights.txt": scancode_license_text("cc-by-nc-4.0"),
        "weights/w.safetensors": safetensors(),
        "weights/config.json": CONFIG,
    }))
    got = {f["path"]: (f["license"], f["attribution"]["source"], f["attribution"]["source_path"])
           for f in report["files"]}
    assert got["vendor/a.py"] == ("bsd-new", "directory-license-file", "vendor/LICENSE")
    assert got["vendor/b.py"] == ("mit", "file-notice", "vendor/b.py")
    assert got["weights/w.safetensors"] == ("cc-by-nc-4.0", "component-license-file", "weights/LICENSE_weights.txt")
    assert report["components"]["model"]["freedoms"]["use"]["status"] == "fails"
    assert report["verdict"]["status"] == "not-open-source-ai"


def test_rules_override_an_existing_rule_by_id(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "components.yaml").write_text(
        "rules:\n  - id: data.prompts\n    component: training-data\n    reason: our prompts are SFT data\n"
        "    match: {dir: [prompts]}\n")
    repo = tree(tmp_path / "repo", {"prompts/a.txt": "Answer briefly.\n", "LICENSE": scancode_license_text("mit")})
    report = run(repo, rules_dirs=(rules,))
    prompt = next(f for f in report["files"] if f["path"] == "prompts/a.txt")
    assert (prompt["component"], prompt["rule"], prompt["reason"]) == ("training-data", "data.prompts",
                                                                       "our prompts are SFT data")
    assert json.loads(json.dumps(report))["tool"]["rules_digest"] != run(repo)["tool"]["rules_digest"]
