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


_NAMED_MODEL_README = (
    "# TinyGPT\n\n## License\n\nThe source code is released under the MIT License.\n\n"
    "- {name} is licensed under the [TinyGPT Model License Agreement](./TinyGPT%20MODEL%20LICENSE%20AGREEMENT)"
    " that can be found at the corresponding Hub repository.\n")


def _named_model_repo(tmp_path: Path, name: str) -> dict:
    from osai_scan.licenses import scancode_license_text

    target = tmp_path / name
    shutil.copytree(case_dir("weights-elsewhere-mit"), target)
    (target / "README.md").write_text(_NAMED_MODEL_README.format(name=name), encoding="utf-8")
    (target / "TinyGPT MODEL LICENSE AGREEMENT").write_text(scancode_license_text("cc-by-nc-4.0"), encoding="utf-8")
    return validate_report(report_dict(scan(str(target), ScanOptions(use_cache=False))))


def test_a_sentence_naming_a_fetched_model_declares_the_linked_license(tmp_path: Path) -> None:
    # The code fetches acme/tinygpt-124m; the README says "tinygpt-124m is licensed under [a
    # linked file]": the linked file's own license (CC-BY-NC-4.0, not what ScanCode saw on the
    # README line) decides the Model.
    report = _named_model_repo(tmp_path, "tinygpt-124m")
    declarations = [(r["id"], r["matched_by"], r["expression"]) for r in report["references"]
                    if r["kind"] == "declaration"]
    assert declarations == [("README.md:7", "attribution.statement.named-model", "cc-by-nc-4.0")]
    model = report["components"]["model"]
    assert (model["presence"], model["status"]) == ("declared", "not-open")
    assert report["verdict"]["status"] == "not-open-source-ai"


def test_a_sentence_naming_another_model_declares_nothing(tmp_path: Path) -> None:
    report = _named_model_repo(tmp_path, "othergpt-7b")
    assert [r for r in report["references"] if r["kind"] == "declaration"] == []
    assert report["verdict"]["status"] == "undetermined"


def test_an_unrecognised_model_license_file_declares_an_unknown_license(tmp_path: Path) -> None:
    target = tmp_path / "repo"
    shutil.copytree(case_dir("weights-elsewhere-mit"), target)
    (target / "README.md").write_text("# TinyGPT\n", encoding="utf-8")
    (target / "MODEL_LICENSE").write_text(
        "The TinyGPT Model Terms\n\n1. You may run the model parameters for research only.\n"
        "2. You may not use the model parameters for any military purpose.\n", encoding="utf-8")
    report = validate_report(report_dict(scan(str(target), ScanOptions(use_cache=False))))
    model = report["components"]["model"]
    assert (model["presence"], model["status"]) == ("declared", "unknown")
    declaration = next(r for r in report["references"] if r["kind"] == "declaration")
    assert (declaration["id"], declaration["expression"]) == ("MODEL_LICENSE", "unknown")
    assert "not a license ScanCode recognises: read it" in declaration["detail"]
    assert report["verdict"]["status"] == "undetermined"
    assert "MODEL_LICENSE" in " ".join(report["verdict"]["reasons"])


def test_and_expressions_flatten_nested_ands_and_keep_choices_whole() -> None:
    from osai_scan.licenses import and_expressions

    assert and_expressions(["apache-2.0 AND (apache-2.0 AND mit)", "apache-2.0"]) == "apache-2.0 AND mit"
    assert and_expressions(["mit OR apache-2.0", "mit", "gpl-2.0 WITH classpath-exception-2.0"]) == (
        "(mit OR apache-2.0) AND mit AND gpl-2.0 WITH classpath-exception-2.0")
    assert and_expressions(["bsd-new AND (mit OR apache-2.0)", "mit OR apache-2.0"]) == "bsd-new AND (mit OR apache-2.0)"
    assert and_expressions([]) == ""


def test_a_readme_naming_part_of_the_license_files_licenses_is_no_conflict(tmp_path: Path) -> None:
    # gpt-neox's layout: the LICENSE file holds the Apache-2.0 text and the MIT text of a bundled
    # part; the README's license section names Apache-2.0 alone. That agrees; a README naming
    # BSD-3-Clause would not.
    from osai_scan.licenses import scancode_license_text

    root = tmp_path / "repo"
    (root / "src").mkdir(parents=True)
    (root / "LICENSE").write_text(scancode_license_text("apache-2.0") + "\n\n" + scancode_license_text("mit"),
                                  encoding="utf-8")
    (root / "src" / "model.py").write_text("import torch\n", encoding="utf-8")
    findings = {}
    for name, readme in (("apache", "Apache License 2.0"), ("bsd", "BSD 3-Clause License")):
        (root / "README.md").write_text(f"# X\n\n## License\n\nThis project is released under the {readme}.\n",
                                        encoding="utf-8")
        report = report_dict(scan(str(root), ScanOptions(use_cache=False)))
        findings[name] = [f["id"] for f in report["findings"] if f["id"] == "declared.conflict"]
        model_py = next(f for f in report["files"] if f["path"] == "src/model.py")
        findings[name + "-license"] = model_py["license"]
    assert findings == {"apache": [], "apache-license": "apache-2.0 AND mit",
                        "bsd": ["declared.conflict"], "bsd-license": "apache-2.0 AND mit AND bsd-new"}


def _tree(root: Path, files: dict[str, str]) -> dict:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return validate_report(report_dict(scan(str(root), ScanOptions(use_cache=False))))


def test_a_license_section_listing_licenses_per_component(tmp_path: Path) -> None:
    # ml-mobileclip's layout: "- Code: [MIT](./LICENSE)", "- ML models: [...](./LICENSE_MODELS)",
    # "- Data: [CC-BY-NC-ND](./LICENSE_DATA)". The model and data lines declare for their
    # component, not for the repository: the code stays MIT.
    from osai_scan.licenses import scancode_license_text

    report = _tree(tmp_path / "repo", {
        "LICENSE": scancode_license_text("mit"), "LICENSE_DATA": scancode_license_text("cc-by-nc-nd-4.0"),
        "WEIGHTS TERMS": scancode_license_text("cc-by-nc-4.0"), "src/model.py": "import torch\n",
        "README.md": "# X\n\n## License\n\nThis software and accompanying data and models have been released under "
                     "the following licenses:\n- Code: [MIT](./LICENSE)\n- ML models: [Weights terms](./WEIGHTS%20TERMS)\n"
                     "- Data: [CC-BY-NC-ND](./LICENSE_DATA)\n"})
    assert [(d["path"], d["expression"]) for d in report["declared"]["licenses"]] == [
        ("LICENSE", "mit"), ("README.md", "mit")]
    model_py = next(f for f in report["files"] if f["path"] == "src/model.py")
    assert (model_py["component"], model_py["license"]) == ("code", "mit")
    declarations = sorted((r["id"], r["matched_by"], r["expression"]) for r in report["references"]
                          if r["kind"] == "declaration")
    assert declarations == [("LICENSE_DATA", "attribution.data-license-file", "cc-by-nc-nd-4.0")] * 2 + [
                            ("README.md:7", "attribution.statement.label-model", "cc-by-nc-4.0"),
                            ("README.md:8", "attribution.statement.label-data", "cc-by-nc-nd-4.0")]
    assert (report["components"]["code"]["status"], report["components"]["model"]["status"]) == ("open", "not-open")
    assert report["verdict"]["status"] == "not-open-source-ai"


def test_a_folder_of_model_licenses_declares_the_model(tmp_path: Path) -> None:
    # flux's layout: model_licenses/LICENSE-<model> beside an Apache-2.0 LICENSE for the code.
    from osai_scan.licenses import scancode_license_text

    report = _tree(tmp_path / "repo", {
        "LICENSE": scancode_license_text("apache-2.0"), "src/model.py": "import torch\n",
        "model_licenses/LICENSE-TINY-dev": scancode_license_text("cc-by-nc-4.0"),
        "model_licenses/LICENSE-TINY-fast": scancode_license_text("apache-2.0"), "README.md": "# X\n"})
    declarations = sorted((r["id"], r["matched_by"], r["expression"]) for r in report["references"]
                          if r["kind"] == "declaration")
    assert declarations == [
        ("model_licenses/LICENSE-TINY-dev", "attribution.model-licenses-folder", "cc-by-nc-4.0"),
        ("model_licenses/LICENSE-TINY-fast", "attribution.model-licenses-folder", "apache-2.0")]
    assert report["components"]["code"]["licenses"][0]["expression"] == "apache-2.0"
    assert report["verdict"]["status"] == "not-open-source-ai"


def test_the_following_license_applies_to_code_and_models(tmp_path: Path) -> None:
    # Pythia's README: the sentence names code and models; the Apache notice follows it.
    report = _tree(tmp_path / "repo", {
        "src/model.py": "import torch\n",
        "README.md": "# X\n\n## License\nThe following license applies to all code in this GitHub repo, as well as "
                     "the X models and any other copyrightable artifacts contained in this repository.\n\n```\n"
                     "   Copyright 2023 X\n\n   Licensed under the Apache License, Version 2.0 (the \"License\");\n"
                     "   you may not use this file except in compliance with the License.\n   You may obtain a copy "
                     "of the License at\n\n       http://www.apache.org/licenses/LICENSE-2.0\n```\n"})
    declaration = [(r["id"], r["matched_by"], r["expression"]) for r in report["references"] if r["kind"] == "declaration"]
    assert declaration == [("README.md:4", "attribution.statement.following-license", "apache-2.0")]
    assert (report["components"]["model"]["presence"], report["verdict"]["status"]) == ("declared", "open-source-ai")


def test_hub_model_pages_and_kaggle_models_are_weight_references(tmp_path: Path) -> None:
    report = _tree(tmp_path / "repo", {
        "LICENSE": "MIT License\n", "src/model.py": "import torch\n",
        "README.md": "# X\n\n| model | repo |\n|---|---|\n| X [dev] | https://huggingface.co/acme/X.1-dev |\n\n"
                     "Checkpoints [on Kaggle](https://www.kaggle.com/models/acme/x-3/pyTorch); data at "
                     "https://huggingface.co/datasets/acme/corpus and [docs](https://huggingface.co/docs/hub); "
                     "deploy on https://huggingface.co/inference-endpoints/dedicated.\n"})
    weights = sorted((r["id"], r["matched_by"]) for r in report["references"] if r["kind"] == "weights")
    assert weights == [("acme/X.1-dev", "weights.hub.page at README.md:5"),
                       ("https://www.kaggle.com/models/acme/x-3/pyTorch", "weights.kaggle at README.md:7")]


def test_a_sentence_about_our_models_declares_the_model_not_the_code(tmp_path: Path) -> None:
    # Qwen's README (no LICENSE file): "All our open-weight models are licensed under Apache
    # 2.0." declares the Model; it says nothing of the code, which stays unlicensed.
    report = _tree(tmp_path / "repo", {
        "src/model.py": "import torch\n",
        "README.md": "# X\n\n## License Agreement\n\nAll our open-weight models are licensed under Apache 2.0.\n"})
    declaration = [(r["id"], r["matched_by"], r["expression"]) for r in report["references"] if r["kind"] == "declaration"]
    assert declaration == [("README.md:5", "attribution.statement.our-models", "apache-2.0")]
    assert report["declared"]["licenses"] == []
    assert (report["components"]["code"]["status"], report["components"]["model"]["status"]) == ("unlicensed", "open")
    assert report["verdict"]["status"] == "undetermined"


def test_a_numbered_license_heading_opens_the_section() -> None:
    # DeepSeek-V3's README: "## 7. License".
    text = "# X\n\n## 6. Usage\n\nRun it.\n\n## 7. License\nThis code repository is licensed under MIT.\n\n## 8. Citation\n"
    assert readme_license_section(text) == (7, 9)
    assert readme_license_section("# X\n\n## 7.2 Licensing\nMIT.\n") == (3, 4)


def test_a_statement_listing_several_subjects_before_its_verb(tmp_path: Path) -> None:
    # sam2's README: three subjects, the model checkpoints first, then "are licensed under" the
    # linked LICENSE; the fonts' license later in the line is not the model's.
    from osai_scan.licenses import scancode_license_text

    report = _tree(tmp_path / "repo", {
        "LICENSE": scancode_license_text("apache-2.0"),
        "src/model.py": "import torch\n",
        "README.md": "# X\n\n## License\n\nThe X model checkpoints, X demo code (front-end and back-end), and X "
                     "training code are licensed under [Apache 2.0](./LICENSE), however the fonts used in the demo "
                     "are made available under the SIL Open Font License, version 1.1.\n"})
    declaration = [(r["id"], r["matched_by"], r["expression"]) for r in report["references"] if r["kind"] == "declaration"]
    assert declaration == [("README.md:5", "attribution.statement.weights", "apache-2.0")]
    assert (report["components"]["model"]["presence"], report["verdict"]["status"]) == ("declared", "open-source-ai")


def test_a_second_clause_is_not_the_subjects_statement(tmp_path: Path) -> None:
    # "the checkpoints are not released; the code is licensed under MIT" says nothing of a license
    # for the checkpoints: no declaration for the Model.
    report = _tree(tmp_path / "repo", {
        "src/model.py": "import torch\n",
        "README.md": "# X\n\nThe model checkpoints are not released, while the code is licensed under the MIT License.\n"})
    assert [r for r in report["references"] if r["kind"] == "declaration"] == []
    assert report["components"]["model"]["presence"] == "absent"


def test_a_license_classifier_in_pyproject_declares(tmp_path: Path) -> None:
    # ml-ferret's pyproject.toml (copied from LLaVA): no license field, only a classifier; ScanCode's
    # match on that line sits in TOML data (a mention by notices.yaml), but the line is the license field
    report = _tree(tmp_path / "repo", {
        "a.py": "import torch\n",
        "pyproject.toml": '[project]\nname = "x"\nversion = "0.1"\nclassifiers = [\n    "Programming Language :: Python :: 3",\n'
                          '    "License :: OSI Approved :: Apache Software License",\n]\n'})
    assert [(d["source"], d["path"], d["expression"], d["line"]) for d in report["declared"]["licenses"]] == [
        ("manifest", "pyproject.toml", "apache-2.0", 6)]
    assert report["components"]["code"]["licenses"][0]["expression"] == "apache-2.0"


def test_weights_available_on_the_hub_under_a_license(tmp_path: Path) -> None:
    # OpenChatKit: the license comes more than 30 characters after "are available"
    report = _tree(tmp_path / "repo", {
        "src/bot.py": "import torch\n",
        "README.md": "# X\n\nPre-trained weights for this model are available on Hugging Face as "
                     "[acme/chat-base-7b](https://huggingface.co/acme/chat-base-7b) under an Apache 2.0 license.\n"})
    declaration = [(r["id"], r["matched_by"], r["expression"]) for r in report["references"] if r["kind"] == "declaration"]
    assert declaration == [("README.md:3", "attribution.statement.weights", "apache-2.0")]
    assert report["components"]["model"]["presence"] == "declared"


def test_weight_differentials_hereby_licensed(tmp_path: Path) -> None:
    # ml-ferret: "Apple's rights in the attached weight differentials are hereby licensed under the
    # CC-BY-NC license": a non-commercial model makes the verdict not-open-source-ai
    report = _tree(tmp_path / "repo", {
        "src/model.py": "import torch\n",
        "README.md": "# X\n\n## License\n\nApple's rights in the attached weight differentials are hereby licensed "
                     "under the CC-BY-NC license.\n"})
    declaration = [(r["id"], r["matched_by"]) for r in report["references"] if r["kind"] == "declaration"]
    assert declaration == [("README.md:5", "attribution.statement.weights")]
    model = report["components"]["model"]
    assert (model["presence"], model["status"], report["verdict"]["status"]) == ("declared", "not-open", "not-open-source-ai")


def test_a_licenses_folder_beside_the_root_license_is_no_folder_license(tmp_path: Path) -> None:
    # stable-audio-tools: root LICENSE (MIT) and LICENSES/LICENSE_AEIOU.txt (Apache-2.0, for copied
    # code): the LICENSES/ folder holds texts, it is not a folder under another license
    from osai_scan.licenses import scancode_license_text

    report = _tree(tmp_path / "repo", {
        "LICENSE": scancode_license_text("mit"),
        "LICENSES/LICENSE_AEIOU.txt": scancode_license_text("apache-2.0"),
        "src/model.py": "import torch\n"})
    assert [f["id"] for f in report["findings"] if f["id"] == "attribution.folder-license-differs"] == []
    assert {x["path"]: x["license"] for x in report["files"]}["src/model.py"] == "mit"


def test_a_statement_wrapped_over_two_lines(tmp_path: Path) -> None:
    # CogVideo's README: each model's sentence wraps before its license link; the code's sentence
    # above it and the paragraph after it are sentences of their own.
    from osai_scan.licenses import scancode_license_text

    report = _tree(tmp_path / "repo", {
        "LICENSE": scancode_license_text("apache-2.0"),
        "MODEL_LICENSE": scancode_license_text("cc-by-nc-4.0"),
        "src/model.py": "import torch\n",
        "README.md": "# X\n\n## Model-License\n\nThe code in this repository is released under the "
                     "[Apache 2.0 License](LICENSE).\n\nThe X-2B model (including its corresponding Transformers "
                     "module and VAE module) is released under\nthe [Apache 2.0 License](LICENSE).\n\n"
                     "The X-5B model (Transformers module) is released under\nthe [X LICENSE](MODEL_LICENSE).\n\n"
                     "Thanks to\nthe community.\n"})
    declaration = sorted((r["id"], r["matched_by"], r["expression"]) for r in report["references"]
                         if r["kind"] == "declaration")
    assert declaration == [("MODEL_LICENSE", "attribution.model-license-file", "cc-by-nc-4.0"),
                           ("README.md:10", "attribution.statement.the-named-model", "cc-by-nc-4.0"),
                           ("README.md:7", "attribution.statement.the-named-model", "apache-2.0")]
    model = report["components"]["model"]
    assert (model["presence"], model["status"], report["verdict"]["status"]) == ("declared", "not-open", "not-open-source-ai")
    assert sorted(lic["expression"] for lic in model["licenses"]) == ["apache-2.0", "cc-by-nc-4.0"]


def test_a_sentence_does_not_wrap_into_a_list_or_past_its_full_stop() -> None:
    from osai_scan.attribute.sources import _sentence_end

    lines = ["The weights are released under", "the MIT License.", "Another sentence", "goes on here.", "",
             "Intro line", "- a list item", "## Heading", "text"]
    assert _sentence_end(lines, 1, 3) == 2
    assert _sentence_end(lines, 3, 3) == 4
    assert _sentence_end(lines, 4, 3) == 4
    assert _sentence_end(lines, 6, 3) == 6
    assert _sentence_end(lines, 8, 3) == 8
    assert _sentence_end(lines, 1, 1) == 1


def test_a_third_party_license_file_beside_the_license_governs_only_the_files_naming_it(tmp_path: Path) -> None:
    # sam2: LICENSE (Apache-2.0) and LICENSE_cctorch (BSD-3-Clause, code adapted from cc_torch);
    # only the CUDA file that was adapted names it.
    from osai_scan.licenses import scancode_license_text

    report = _tree(tmp_path / "repo", {
        "LICENSE": scancode_license_text("apache-2.0"),
        "LICENSE_cctorch": scancode_license_text("bsd-new"),
        "src/model.py": "import torch\n",
        "src/csrc/cc.cu": "// Copyright (c) Example Inc. and affiliates.\n// All rights reserved.\n\n"
                          "// This source code is licensed under the license found in the\n"
                          "// LICENSE file in the root directory of this source tree.\n\n"
                          "// adapted from https://github.com/example/cc_torch\n"
                          "// with license found in the LICENSE_cctorch file in the root directory.\n"
                          "#include <cuda.h>\n"})
    files = {f["path"]: f for f in report["files"]}
    assert files["src/model.py"]["license"] == "apache-2.0"
    assert files["src/csrc/cc.cu"]["license"] == "apache-2.0 AND bsd-new"
    assert "LICENSE_cctorch" in files["src/csrc/cc.cu"]["attribution"]["source_path"]
    assert files["LICENSE_cctorch"]["license"] == "bsd-new"
    assert [(d["path"], d["expression"]) for d in report["declared"]["licenses"]] == [("LICENSE", "apache-2.0")]
    ids = [f["id"] for f in report["findings"]]
    assert "attribution.third-party-license-file" in ids
    assert "attribution.license-texts-conflict" not in ids and "declared.conflict" not in ids
    assert report["components"]["code"]["licenses"][0]["expression"] == "apache-2.0"


def test_a_model_published_under_a_license_in_a_sub_headed_license_section(tmp_path: Path) -> None:
    # ChatTTS: "### Licenses" / "#### The Code" / "The code is published under `AGPLv3+` license." /
    # "#### The model" / "The model is published under `CC BY-NC 4.0` license." The model's sentence
    # declares the model (not the code), so the code stays AGPL and the Model is not open.
    from osai_scan.licenses import scancode_license_text

    report = _tree(tmp_path / "repo", {
        "LICENSE": scancode_license_text("agpl-3.0"), "pkg/core.py": "import torch\n",
        "README.md": "# X\n\n### Licenses\n\n#### The Code\n\nThe code is published under `AGPLv3+` license.\n\n"
                     "#### The model\n\nThe model is published under `CC BY-NC 4.0` license. It is intended for "
                     "educational and research use.\n"})
    readme = [(d["path"], d["expression"], d["line"]) for d in report["declared"]["licenses"] if d["source"] == "readme"]
    assert readme == [("README.md", "agpl-3.0-plus", 7)]
    declaration = [(r["id"], r["matched_by"], r["expression"]) for r in report["references"] if r["kind"] == "declaration"]
    assert declaration == [("README.md:11", "attribution.statement.weights", "cc-by-nc-4.0")]
    core = next(f for f in report["files"] if f["path"] == "pkg/core.py")
    assert (core["component"], core["license"]) == ("code", "agpl-3.0 AND agpl-3.0-plus")
    # the AGPL-3.0 text and "AGPLv3+" are one license, not a conflict
    assert "declared.conflict" not in {f["id"] for f in report["findings"]}
    model = report["components"]["model"]
    assert (model["presence"], model["status"], report["verdict"]["status"]) == ("declared", "not-open", "not-open-source-ai")


def test_a_code_license_file_declares_no_absent_training_code(tmp_path: Path) -> None:
    # DeepSeek-V3: LICENSE-CODE (MIT) and LICENSE-MODEL, inference code only. The code license
    # governs the code; it does not make absent training code "declared" and open (osaid-1.0
    # requires training code).
    from osai_scan.licenses import scancode_license_text

    report = _tree(tmp_path / "repo", {
        "LICENSE-CODE": scancode_license_text("mit"), "LICENSE-MODEL": scancode_license_text("cc-by-nc-4.0"),
        "inference/generate.py": "import torch\n\n\ndef main():\n    model = torch.load('x')\n"})
    declared = sorted((r["id"], r["component"]) for r in report["references"] if r["kind"] == "declaration")
    assert declared == [("LICENSE-MODEL", "model")]
    osaid = report["profiles"]["osaid-1.0"]["components"]["training-code"]
    assert (osaid["presence"], osaid["status"]) == ("absent", "absent")
    assert report["components"]["code"]["licenses"][0]["expression"] == "mit"


def test_a_dataset_download_is_no_weights_reference(tmp_path: Path) -> None:
    # pythia's README: hf_hub_download(repo_id="EleutherAI/pile-deduped-pythia-preshuffled", repo_type="dataset")
    from osai_scan.licenses import scancode_license_text

    report = _tree(tmp_path / "repo", {
        "LICENSE": scancode_license_text("apache-2.0"),
        "fetch.py": 'from huggingface_hub import hf_hub_download\n\n'
                    'hf_hub_download(repo_id="acme/pile-shuffled", repo_type="dataset", filename="a.bin")\n'
                    'hf_hub_download("acme/pile-shuffled", "b.bin", repo_type="dataset")\n'
                    'hf_hub_download(repo_id="acme/tiny-model", filename="model.safetensors")\n'})
    weights = sorted((r["id"], r["source"]) for r in report["references"] if r["kind"] == "weights")
    assert weights == [("acme/tiny-model", "fetch.py, line 5")]


def test_a_root_model_license_declares_the_absent_model(tmp_path: Path) -> None:
    # codellama: the root LICENSE is the Llama 2 Community License, written for the model and its
    # code; the weights are downloaded elsewhere. An Apache-2.0 root LICENSE declares no model.
    from osai_scan.licenses import scancode_license_text

    report = _tree(tmp_path / "llama", {"LICENSE": scancode_license_text("llama-2-license-2023"),
                                        "llama/generation.py": "import torch\n"})
    declared = [(r["id"], r["matched_by"], r["expression"]) for r in report["references"] if r["kind"] == "declaration"]
    assert declared == [("LICENSE", "attribution.root-model-license", "llama-2-license-2023")]
    model = report["components"]["model"]
    assert (model["presence"], model["status"]) == ("declared", "not-open")
    plain = _tree(tmp_path / "plain", {"LICENSE": scancode_license_text("apache-2.0"), "src/gen.py": "import torch\n"})
    assert [r for r in plain["references"] if r["kind"] == "declaration"] == []
    assert plain["components"]["model"]["presence"] == "absent"
    # Open-Sora: Apache-2.0, then the licenses of projects it draws on, one of them a model license
    mixed = _tree(tmp_path / "mixed", {
        "LICENSE": scancode_license_text("apache-2.0") + "\n\n=====\nThis project is inspired by the listed projects "
                   "and is subject to the following licenses:\n\n" + scancode_license_text("llama-2-license-2023"),
        "src/gen.py": "import torch\n"})
    assert mixed["files"][0]["license"] == "apache-2.0 AND llama-2-license-2023"
    assert [r for r in mixed["references"] if r["kind"] == "declaration"] == []
