"""Classification from structure and bytes (issue 10/11): the built-in rules on realistic files.

Python is judged from its syntax tree (``ast.parse``, never run): model classes make a file
``code`` even with an optimizer helper; a training loop, a trainer call or a ``__main__`` that
trains make it ``training-code``. Weight files are recognised by extension, location and their
first bytes (only a few are read).
"""

from __future__ import annotations

import json
import struct
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from osai_scan.classify import Classifier
from osai_scan.classify.structure import python_facts
from osai_scan.errors import RuleError
from osai_scan.models import FileEntry
from osai_scan.pipeline import classify_target
from osai_scan.ruleset import MAGIC_BYTES, RuleSet, load_rules

RULES = load_rules().component_rules

GPT_MODEL = '''"""Full definition of a GPT Language Model."""
import math
import torch
import torch.nn as nn
from torch.nn import functional as F


class CausalSelfAttention(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.c_attn = nn.Linear(config.n_embd, 3 * config.n_embd)

    def forward(self, x):
        return self.c_attn(x)


class GPT(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.h = nn.ModuleList([CausalSelfAttention(config) for _ in range(config.n_layer)])

    def forward(self, idx, targets=None):
        for block in self.h:
            idx = block(idx)
        return idx

    def configure_optimizers(self, weight_decay, learning_rate, betas, device_type):
        # optimizer groups: weight decay for 2D parameters only (training helper)
        decay = [p for p in self.parameters() if p.dim() >= 2]
        optim_groups = [{"params": decay, "weight_decay": weight_decay}]
        return torch.optim.AdamW(optim_groups, lr=learning_rate, betas=betas)

    @torch.no_grad()
    def generate(self, idx, max_new_tokens):
        for _ in range(max_new_tokens):
            idx = torch.cat((idx, self(idx)[:, -1:]), dim=1)
        return idx
'''

TRAIN_SCRIPT = '''import torch
from model import GPT

model = GPT(config)
optimizer = model.configure_optimizers(0.1, 6e-4, (0.9, 0.95), "cuda")
for iter_num in range(max_iters):
    logits, loss = model(X, Y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
'''

HF_TRAIN = '''from transformers import Trainer, TrainingArgs


def run(model, data):
    Trainer(model=model, args=TrainingArgs("out"), train_dataset=data).train()
'''

MAIN_TRAINS = '''import argparse
from engine import train_one_pass as train_model_once
from recipes import pretrain_mlm


def main():
    args = argparse.ArgumentParser().parse_args()
    pretrain_mlm(args.config, steps=args.steps)


if __name__ == "__main__":
    main()
'''

MODEL_TEST = '''import unittest
import numpy as np
from model import GPT


class GPTTest(unittest.TestCase):
    def test_forward_shape(self):
        model = GPT(config)
        out = model(np.zeros((1, 8)))
        out.sum().backward()  # gradients flow
        self.assertEqual(out.shape, (1, 8))


if __name__ == "__main__":
    unittest.main()
'''


def classify(files: dict[str, str | bytes], path: str, size: int | None = None):
    """The built-in label of ``path`` among ``files`` (content read as a scan reads it)."""
    def read(p: str) -> bytes | None:
        data = files.get(p)
        return data.encode() if isinstance(data, str) else data
    reads: list[tuple[str, int]] = []

    def leading(p: str, n: int) -> bytes | None:
        reads.append((p, n))
        data = read(p)
        return data[:n] if data is not None else None
    clf = Classifier(RULES, read, list(files), leading)
    data = read(path)
    entry = FileEntry(path=path, size=size if size is not None else len(data or b""))
    return clf.explain(entry), reads


def test_an_architecture_file_with_an_optimizer_helper_is_code() -> None:
    explanation, _ = classify({"model.py": GPT_MODEL, "train.py": TRAIN_SCRIPT}, "model.py")
    assert explanation.classification.component.value == "code"
    assert explanation.classification.rule == "code.model-definition"
    assert "class base 'nn.module'" in (explanation.evidence or "")


def test_a_training_script_is_training_code() -> None:
    explanation, _ = classify({"scripts/run_gpt.py": TRAIN_SCRIPT}, "scripts/run_gpt.py")
    assert explanation.classification.component.value == "training-code"
    assert explanation.classification.rule == "training-code.structure-loop"
    assert "call in a loop '" in (explanation.evidence or "")


def test_a_model_file_that_also_trains_in_a_loop_is_training_code() -> None:
    source = GPT_MODEL + "\n\nfor step in range(10):\n    loss = GPT(cfg)(x)\n    loss.backward()\n    opt.step()\n"
    explanation, _ = classify({"gpt.py": source}, "gpt.py")
    assert (explanation.classification.component.value, explanation.classification.rule) == \
        ("training-code", "training-code.structure-loop")


def test_a_trainer_call_and_a_main_that_trains_are_training_code() -> None:
    trainer, _ = classify({"src/tune_model.py": HF_TRAIN}, "src/tune_model.py")
    assert (trainer.classification.component.value, trainer.classification.rule) == \
        ("training-code", "training-code.structure-trainer")
    main, _ = classify({"run_bert.py": MAIN_TRAINS}, "run_bert.py")
    assert (main.classification.component.value, main.classification.rule) == \
        ("training-code", "training-code.structure-main")
    assert "call under __main__ 'pretrain_mlm'" in (main.evidence or "")


@pytest.mark.parametrize("path", ["model_test.py", "tests/test_modeling.py", "bert/modeling_test.py"])
def test_framework_tests_are_code(path: str) -> None:
    explanation, _ = classify({path: MODEL_TEST}, path)
    assert explanation.classification.component.value == "code"
    assert explanation.classification.rule in ("code.framework-test", "code.framework-test-file")


def test_a_test_that_runs_a_trainer_is_not_a_framework_test() -> None:
    source = MODEL_TEST + "\n\ndef test_fit():\n    trainer.train()\n"
    explanation, _ = classify({"tests/test_model.py": source}, "tests/test_model.py")
    assert explanation.classification.component.value == "training-code"


@pytest.mark.parametrize(("path", "rule"), [
    ("src/silero_vad/data/silero_vad.jit", "model.weights-torchscript"),
    ("model.torchscript", "model.weights-torchscript"),
    ("checkpoints/encoder.th", "model.weights-torchscript"),
    ("assets/salience_1.th", "model.weights-torchscript"),
    ("assets/chord_to_index_mapping.pkl", "model.asset-pickle"),
    ("data/tokenizer.json", "model.config"),
    ("data/llama/tokenizer.model", "model.config"),
    ("data/tok4096/custom_tokenizer.json", "model.tokenizer-files"),
    ("config/model/lm/default.yaml", "model.config-model-folder"),
    ("configs/model/encodec.yml", "model.config-model-folder"),
    ("model.safetensors.index.json", "model.weight-index"),
    ("pytorch_model.bin.index.fp32.json", "model.weight-index"),
    ("flax_model.msgpack.index.json", "model.weight-index"),
    ("onnx/model.onnx_data", "model.weights"),
    ("onnx/model.onnx.data", "model.weights-parts"),
    ("onnx/onnx__MatMul_2451", "model.weights-parts"),
    ("grok-1-Q8_0.gguf.part1of2", "model.weights-parts"),
    ("llama-70b.Q8_0.gguf-split-a", "model.weights-parts"),
    ("Q4_K_M/model-00001-of-00003.gguf", "model.weights"),
    ("model-00002-of-00004.safetensors", "model.weights"),
    ("pytorch_model-00001-of-00002.bin", "model.weights-bin"),
    ("data/flax_model.msgpack", "model.weights"),
    ("keras/model.keras", "model.weights"),
    ("saved_model/variables/variables.data-00000-of-00001", "model.folder"),
    ("mlx/weights.00.safetensors", "model.weights"),
])
def test_model_formats_by_name_and_location(path: str, rule: str) -> None:
    explanation, _ = classify({path: b"\x00\x01 not read for these rules"}, path)
    assert (explanation.classification.component.value, explanation.classification.rule) == ("model", rule)


@pytest.mark.parametrize(("path", "component", "rule"), [
    ("Tongyi Qianwen LICENSE AGREEMENT", "legal", "legal.license-file"),
    ("docs/Model License.md", "legal", "legal.license-file"),
    ("dev-requirements.txt", "code", "code.build"),
    ("docs/doc_requirements.txt", "code", "code.build"),
    ("dev.txt", "training-data", "training-data.split-files"),
])
def test_license_agreements_with_spaces_and_prefixed_requirements(path: str, component: str, rule: str) -> None:
    # Qwen's "Tongyi Qianwen LICENSE AGREEMENT"; codellama's dev-requirements.txt is no "dev" split
    explanation, _ = classify({path: b"text"}, path)
    assert (explanation.classification.component.value, explanation.classification.rule) == (component, rule)


def _safetensors() -> bytes:
    header = json.dumps({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}).encode()
    return struct.pack("<Q", len(header)) + header + b"\0" * 8 + b"x" * 4096


def _torch_zip() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("archive/data.pkl", b"\x80\x02}q\x00.")
        archive.writestr("archive/data/0", b"\0" * 64)
    return buffer.getvalue()


@pytest.mark.parametrize(("path", "data", "rule"), [
    ("ckpt-0/tensor00000_000", b"\x80\x04\x95\x10\x00\x00\x00" + b"\0" * 200, "model.checkpoint-shard"),
    ("weights/layer_00", b"\x93NUMPY\x01\x00v\x00{'descr': '<f4'" + b"\0" * 200, "model.checkpoint-shard"),
    ("shards/part_7", _safetensors(), "model.weights-by-magic"),
    ("export/encoder", _torch_zip(), "model.weights-by-magic"),
    ("blobs/7f3a9c", b"GGUF\x03\x00\x00\x00" + b"\0" * 100, "model.weights-by-magic"),
])
def test_extension_less_weights_are_recognised_by_their_first_bytes(path: str, data: bytes, rule: str) -> None:
    explanation, reads = classify({path: data}, path)
    assert (explanation.classification.component.value, explanation.classification.rule) == ("model", rule)
    assert "first bytes" in (explanation.evidence or "")
    assert reads and all(n == MAGIC_BYTES for _, n in reads), "only the leading bytes are read"


def test_extension_less_files_that_are_not_weights_stay_what_they_were() -> None:
    pickle_elsewhere, _ = classify({"cache/entry": b"\x80\x04\x95" + b"\0" * 20}, "cache/entry")
    assert pickle_elsewhere.classification.component.value == "other"  # a pickle outside a checkpoint folder
    script, _ = classify({"bin/run": "#!/bin/sh\nexec python -m app\n"}, "bin/run")
    assert script.classification.component.value == "code"
    latest, _ = classify({"checkpoints/latest": "global_step1000\n"}, "checkpoints/latest")
    assert latest.classification.component.value == "other"


def test_an_invalid_notebook_is_classified_from_its_text() -> None:
    broken = '{"cells": [{"cell_type": "code", "source": ["loss.backward()\\n", "optimizer.step()\\n"]'  # cut off
    explanation, _ = classify({"train_notes.ipynb": broken, "notes.ipynb": "not json at all"}, "train_notes.ipynb")
    assert explanation.classification.component.value == "training-code"
    plain, _ = classify({"notes.ipynb": "not json at all {"}, "notes.ipynb")
    assert (plain.classification.component.value, plain.classification.rule) == ("code", "code.source")


def test_a_real_tree_is_classified_like_a_scan(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text(GPT_MODEL)
    (tmp_path / "train.py").write_text(TRAIN_SCRIPT)
    (tmp_path / "ckpt").mkdir()
    (tmp_path / "ckpt" / "tensor00001_000").write_bytes(b"\x80\x04\x95" + b"\0" * 5000)
    (tmp_path / "broken.ipynb").write_text('{"cells": [')
    _, out = classify_target(str(tmp_path), ())
    labels = {entry.path: explanation.classification.component.value for entry, explanation in out}
    assert labels == {"model.py": "code", "train.py": "training-code", "ckpt/tensor00001_000": "model",
                      "broken.ipynb": "code"}


def test_python_facts_follow_local_classes_and_main() -> None:
    facts = python_facts("import torch.nn as nn\nclass A(nn.Module): pass\nclass B(A): pass\n"
                         "def train(): opt.step()\nif __name__ == '__main__':\n    train()\n")
    assert facts is not None
    assert "nn.module" in facts.bases and "a" in facts.bases
    assert {"train", "opt.step"} <= facts.main_calls
    assert python_facts("def broken(:\n") is None


def test_a_cut_head_is_parsed_up_to_its_last_complete_statement() -> None:
    facts = python_facts(GPT_MODEL + "\n\nclass Tail(nn.Module):\n    def forward(self, x):\n        return (x +")
    assert facts is not None and "nn.module" in facts.bases


@pytest.mark.parametrize(("match", "message"), [
    ("ext: [py]\npython: {bases: [nn.module], loops: [x]}", "unknown python key"),
    ("ext: [py, yaml]\npython: {bases: [nn.module]}", "'python' needs 'ext' limited to Python files"),
    ("name: [a]\nnot_python: {calls: [x]}", "'not_python' needs 'ext'"),
    ("ext: [py]\npython: []", "'python' must be a mapping"),
    ("magic: ['(']", "bad magic regex"),
    ("magic: ['\u0100']", "magic regex"),
])
def test_bad_structure_and_magic_conditions_are_rule_errors(tmp_path: Path, match: str, message: str) -> None:
    body = "\n".join("      " + line for line in match.splitlines())
    (tmp_path / "components.yaml").write_text(
        f"rules:\n  - id: t.rule\n    component: code\n    reason: test\n    match:\n{body}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=message) as info:
        RuleSet([tmp_path]).component_rules
    assert "components.yaml" in str(info.value)


def test_files_outside_a_python_rule_are_never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    import osai_scan.classify.classifier as module
    parsed: list[str] = []
    real = module.python_facts
    monkeypatch.setattr(module, "python_facts", lambda text: parsed.append(text[:20]) or real(text))
    classify({"README.md": "class A(nn.Module): pass\n"}, "README.md")
    classify({"utils.py": "def helper():\n    return 1\n"}, "utils.py")  # no literal any python rule needs
    assert parsed == []
    classify({"net.py": "import torch.nn as nn\nclass A(nn.Module): pass\n"}, "net.py")
    assert len(parsed) == 1


def test_a_config_whose_data_module_has_a_train_split_is_training_code() -> None:
    # taming-transformers configs/custom_vqgan.yaml: model section + data module with train/validation
    config = ("model:\n  base_learning_rate: 4.5e-6\n  target: pkg.models.VQModel\n  params:\n    embed_dim: 256\n"
              "data:\n  target: main.DataModuleFromConfig\n  params:\n    batch_size: 5\n    train:\n"
              "      target: pkg.data.CustomTrain\n    validation:\n      target: pkg.data.CustomTest\n")
    explanation, _ = classify({"configs/custom_vqgan.yaml": config}, "configs/custom_vqgan.yaml")
    assert (explanation.classification.component.value, explanation.classification.rule) == (
        "training-code", "training-code.config-keys")
    inference = "model:\n  target: pkg.models.VQModel\n  params:\n    embed_dim: 256\n"
    explanation, _ = classify({"configs/vqgan.yaml": inference}, "configs/vqgan.yaml")
    assert explanation.classification.component.value == "model"


def test_a_lightning_module_with_a_training_step_is_a_model_definition() -> None:
    # taming's VQGAN: the model class defines training_step and configure_optimizers, but
    # nothing in the file runs training
    source = ("import pytorch_lightning as pl\n\n\nclass VQModel(pl.LightningModule):\n"
              "    def forward(self, x):\n        return x\n\n"
              "    def training_step(self, batch, batch_idx):\n        loss = self(batch).mean()\n        return loss\n\n"
              "    def configure_optimizers(self):\n        return None\n")
    explanation, _ = classify({"pkg/models/vqgan.py": source}, "pkg/models/vqgan.py")
    assert (explanation.classification.component.value, explanation.classification.rule) == (
        "code", "code.model-definition")


def test_a_dataset_that_feeds_the_models_generation_is_evaluation_code() -> None:
    # InternVL's eval/*/evaluate_*.py: a torch Dataset of benchmark questions, then model.chat():
    # a benchmark by inference (code); a Dataset module without generation stays training code
    dataset = "from torch.utils.data import Dataset\n\n\nclass Questions(Dataset):\n    def __len__(self):\n        return 0\n"
    explanation, _ = classify({"eval/evaluate_bench.py": dataset + "\n\ndef run(model):\n    return model.chat(None, 'q')\n"},
                              "eval/evaluate_bench.py")
    assert explanation.classification.component.value == "code"
    explanation, _ = classify({"pkg/wav.py": dataset}, "pkg/wav.py")
    assert (explanation.classification.component.value, explanation.classification.rule) == (
        "training-code", "training-code.structure-support")
