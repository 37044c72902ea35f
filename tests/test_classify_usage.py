"""The classifier's second pass (issue 10): a file's label from the labels of the files that use it.

A Python helper that only training code imports is training code; one that inference code also
imports stays code; a shell script that only runs training programs is training code. Imports
and script runs are read with regular expressions (never imported or run).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from osai_scan.classify import Classifier
from osai_scan.classify.usage import UsageGraph, references
from osai_scan.errors import RuleError
from osai_scan.models import Component, FileEntry
from osai_scan.pipeline import classify_target
from osai_scan.ruleset import load_rules

TRAIN = "import torch\nfrom utils import batches\nfrom pkg.data import load\n\nfor x in batches():\n" \
        "    loss = model(x)\n    loss.backward()\n    optimizer.step()\n"
HELPER = "import json\n\n\ndef batches():\n    return [json.loads(line) for line in open('x.jsonl')]\n"
SAMPLE = "import torch\nfrom utils import batches\n\nprint(model.generate(batches()[0]))\n"


def _tree(root: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def _labels(root: Path) -> dict[str, tuple[str, str, str | None]]:
    _, out = classify_target(str(root), ())
    return {e.path: (x.classification.component.value, x.classification.rule, x.evidence) for e, x in out}


def test_references_read_imports_relative_imports_and_script_runs() -> None:
    text = ("import os, pkg.models as m\nfrom . import common\nfrom ..data.loader import (\n    Loader,\n    "
            "collate,\n)\nfrom utils import batches  # helper\n")
    assert references("pkg/train/run.py", text) == frozenset({
        "m:os", "m:pkg.models", "p:pkg/train/common", "p:pkg/data/loader", "p:pkg/data/loader/Loader",
        "p:pkg/data/loader/collate", "m:utils", "m:utils.batches"})
    shell = "#!/bin/bash\n# python old.py is not run\ntorchrun --nproc_per_node=8 scripts/train.py --lr 3e-4\n" \
            "python -u -m pkg.prepare --out data/\n"
    assert references("scripts/run.sh", shell) == frozenset({"s:scripts/train.py", "m:pkg.prepare"})


def test_imports_resolve_to_the_files_python_would_find() -> None:
    graph = UsageGraph(["train.py", "utils.py", "pkg/__init__.py", "pkg/data.py", "tools/utils.py", "tools/run.py",
                        "src/lib/logging.py"])
    assert graph.resolve("train.py", "m:utils") == "utils.py"
    assert graph.resolve("tools/run.py", "m:utils") == "tools/utils.py"  # the script's own folder first
    assert graph.resolve("train.py", "m:pkg.data") == "pkg/data.py"
    assert graph.resolve("train.py", "m:pkg") == "pkg/__init__.py"
    assert graph.resolve("train.py", "m:logging") is None  # the standard library, not src/lib/logging.py
    assert graph.resolve("tools/run.py", "s:train.py") == "train.py"


def test_a_helper_imported_only_by_training_code_is_training_code(tmp_path: Path) -> None:
    labels = _labels(_tree(tmp_path, {"train.py": TRAIN, "utils.py": HELPER, "pkg/__init__.py": "from .data import load\n",
                                      "pkg/data.py": HELPER, "tests/test_utils.py": "from utils import batches\n"}))
    assert labels["train.py"][:2] == ("training-code", "training-code.structure-loop")
    assert labels["utils.py"] == ("training-code", "training-code.used-by-training", "used by train.py (all training-code)")
    # pkg/__init__.py re-exports and the test imports what it tests: neither counts as a user
    assert labels["pkg/data.py"][:2] == ("training-code", "training-code.used-by-training")
    assert labels["pkg/__init__.py"][0] == "code"


def test_a_helper_that_inference_also_imports_stays_code(tmp_path: Path) -> None:
    labels = _labels(_tree(tmp_path, {"train.py": TRAIN, "utils.py": HELPER, "sample.py": SAMPLE}))
    assert labels["sample.py"][:2] == ("code", "code.inference-content")
    assert labels["utils.py"] == ("code", "code.used-by-inference", "used by sample.py (code)")


def test_helpers_of_helpers_follow_and_model_definitions_stay_code(tmp_path: Path) -> None:
    model = "import torch.nn as nn\n\n\nclass Net(nn.Module):\n    def forward(self, x):\n        return x\n"
    labels = _labels(_tree(tmp_path, {"train.py": TRAIN.replace("from pkg.data import load\n", "from model import Net\n"),
                                      "utils.py": HELPER + "from io_helpers import read\n", "io_helpers.py": HELPER,
                                      "model.py": model}))
    assert labels["io_helpers.py"][:2] == ("training-code", "training-code.used-by-training")
    assert labels["model.py"][:2] == ("code", "code.model-definition")  # an earlier rule decides first


def test_a_shell_script_that_runs_only_training_programs_is_training_code(tmp_path: Path) -> None:
    labels = _labels(_tree(tmp_path, {"stage1.py": TRAIN, "utils.py": HELPER, "sample.py": SAMPLE,
                                      "run_all.sh": "set -e\npython stage1.py\n",
                                      "both.sh": "python sample.py --prompt hi\npython stage1.py\n"}))
    assert labels["stage1.py"][:2] == ("training-code", "training-code.structure-loop")
    assert labels["run_all.sh"] == ("training-code", "training-code.runs-training", "uses stage1.py (all training-code)")
    assert labels["both.sh"][:2] == ("code", "code.source")  # it also runs inference


def test_the_first_pass_alone_never_applies_usage_rules() -> None:
    classifier = Classifier(load_rules().component_rules, lambda p: HELPER.encode(), ["train.py", "utils.py"])
    entry = FileEntry(path="utils.py", size=len(HELPER))
    assert classifier.classify(entry).rule == "code.source"
    first = {"utils.py": classifier.explain(entry),
             "train.py": classifier.explain(FileEntry(path="train.py", size=1))}
    assert first["train.py"].classification.component is Component.TRAINING_CODE  # by its name
    assert classifier.refine([entry], first)["utils.py"].classification.component is Component.CODE  # HELPER imports nothing


@pytest.mark.parametrize(("match", "message"), [
    ("{ext: [py], used_by: [training-code]}", "'used_by' must be a mapping with 'labels'"),
    ("{ext: [py], uses: {labels: [training-code], skip: [x]}}", "unknown uses key"),
    ("{ext: [py], used_by: {labels: [nonsense]}}", "unknown component 'nonsense'"),
])
def test_bad_usage_conditions_are_rule_errors(tmp_path: Path, match: str, message: str) -> None:
    (tmp_path / "components.yaml").write_text(
        f"rules:\n  - id: local.bad\n    component: code\n    reason: test\n    match: {match}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        load_rules([tmp_path])


def test_only_recognised_inference_code_keeps_a_helper_in_code(tmp_path: Path) -> None:
    """A user labelled code by the catch-all rule alone is neither inference nor training: mixed users keep code.source."""
    labels = _labels(_tree(tmp_path, {"train.py": TRAIN, "utils.py": HELPER, "tool.py": "from utils import batches\n"}))
    assert labels["tool.py"][:2] == ("code", "code.source")
    assert labels["utils.py"][:2] == ("code", "code.source")


def test_a_notebook_whose_outputs_fill_the_head_is_judged_by_its_later_cells(tmp_path: Path) -> None:
    import json
    cells = [{"cell_type": "code", "source": ["import torch\n"], "outputs": [{"data": {"text/plain": ["x" * 400_000]}}]},
             {"cell_type": "code", "source": ["for x in data:\n", "    loss = model(x)\n", "    loss.backward()\n"],
              "outputs": []}]
    (tmp_path / "lecture.ipynb").write_text(json.dumps({"cells": cells, "nbformat": 4}), encoding="utf-8")
    labels = _labels(tmp_path)
    assert labels["lecture.ipynb"][:2] == ("training-code", "training-code.notebook-trains")
