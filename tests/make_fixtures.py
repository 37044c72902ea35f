"""Write the fixture repositories under fixtures/ (run once; the output is committed).

License texts come from ScanCode's installed license DB, so they are the real texts.
Run: .venv/bin/python tests/make_fixtures.py
"""

from __future__ import annotations

import json
import shutil
import struct
from pathlib import Path

from osai_scan.licenses import scancode_license_text

ROOT = Path(__file__).resolve().parents[1] / "fixtures"

#: Code that fetches its weights from elsewhere (read statically: URLs, from_pretrained, hf_hub_download).
FETCH_PY = """\
# SPDX-License-Identifier: MIT
\"\"\"Download the pretrained weights.\"\"\"

import urllib.request

from huggingface_hub import hf_hub_download
from transformers import AutoModelForCausalLM

WEIGHTS_URL = "https://example.org/releases/tinygpt-124m.pt"


def fetch(path: str) -> None:
    urllib.request.urlretrieve(WEIGHTS_URL, path)


def load():
    config = hf_hub_download(repo_id="acme/tinygpt-124m", filename="config.json")
    return AutoModelForCausalLM.from_pretrained("acme/tinygpt-124m"), config
"""
INVALID_NOTEBOOK = '{"cells": [{"cell_type": "code", "source": ["import torch\\n"]}], "metadata": {'


def safetensors(shape: tuple[int, ...] = (4, 4), metadata: dict[str, str] | None = None) -> bytes:
    n = 1
    for d in shape:
        n *= d
    header = {"weight": {"dtype": "F32", "shape": list(shape), "data_offsets": [0, 4 * n]}}
    header["__metadata__"] = {"format": "pt", **(metadata or {})}
    raw = json.dumps(header).encode()
    raw += b" " * (-len(raw) % 8)
    return struct.pack("<Q", len(raw)) + raw + bytes(4 * n)


def lic(key: str) -> str:
    text = scancode_license_text(key)
    assert text, key
    return text


CONFIG = json.dumps({"architectures": ["TinyGPT"], "n_layer": 2, "n_head": 2, "n_embd": 16, "vocab_size": 64},
                    indent=2) + "\n"
TOKENIZER = json.dumps({"version": "1.0", "model": {"type": "BPE", "vocab": {"a": 0, "b": 1}, "merges": []}},
                       indent=2) + "\n"
MODEL_PY = '''\
# SPDX-License-Identifier: {spdx}
"""A tiny GPT: embedding, attention blocks and a language-model head."""

import torch
from torch import nn


class TinyGPT(nn.Module):
    def __init__(self, vocab_size: int = 64, n_embd: int = 16) -> None:
        super().__init__()
        self.embed = nn.Embedding(vocab_size, n_embd)
        self.head = nn.Linear(n_embd, vocab_size)

    def forward(self, idx):
        return self.head(self.embed(idx))
'''
GENERATE_PY = '''\
"""Generate text with a trained TinyGPT checkpoint."""

import torch

from tinygpt.model import TinyGPT


@torch.no_grad()
def generate(model: TinyGPT, idx, steps: int = 20):
    for _ in range(steps):
        logits = model(idx)[:, -1, :]
        idx = torch.cat([idx, logits.argmax(-1, keepdim=True)], dim=1)
    return idx
'''
TRAIN_PY = '''\
"""Train TinyGPT on data/train.jsonl."""

import torch

from tinygpt.model import TinyGPT

model = TinyGPT()
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)
for step in range(100):
    x = torch.randint(0, 64, (8, 16))
    loss = torch.nn.functional.cross_entropy(model(x).view(-1, 64), x.view(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
'''
PREPARE_PY = '''\
"""Tokenize the raw corpus into train and validation splits."""

import json

with open("raw.txt") as src, open("train.jsonl", "w") as out:
    for line in src:
        out.write(json.dumps({"text": line.strip()}) + "\\n")
'''
TEST_PY = '''\
from tinygpt.model import TinyGPT


def test_forward_shape():
    import torch
    assert TinyGPT()(torch.zeros(1, 4, dtype=torch.long)).shape == (1, 4, 64)
'''
PYPROJECT = '''\
[project]
name = "tinygpt"
version = "0.1.0"
dependencies = ["torch"]
'''
TRAIN_JSONL = '{"text": "the cat sat on the mat"}\n{"text": "a dog barked"}\n'
VAL_JSONL = '{"text": "the bird sang"}\n'
PROMPT = "You are a helpful assistant. Answer in one sentence.\n"
TRAIN_YAML = "learning_rate: 0.0003\nbatch_size: 8\nmax_steps: 100\n"


EVALUATE_PY = '''\
"""Evaluate TinyGPT on data/val.jsonl: perplexity."""

import json
import math


def perplexity(losses):
    return math.exp(sum(losses) / len(losses))


with open("data/val.jsonl") as fh:
    rows = [json.loads(line) for line in fh]
print(perplexity([2.0 for _ in rows]))
'''
MODEL_INDEX = """model-index:
- name: tinygpt
  results:
  - task: {type: text-generation}
    dataset: {name: tiny-corpus, type: acme/tiny-corpus}
    metrics:
    - {type: perplexity, value: 7.39}"""
DATA_CARD = """# Data card: tiny-corpus

Source: sentences written by the authors for this demonstration. Characteristics: 3 English
sentences, JSON lines with one `text` field. Preprocessing: `scripts/prepare_data.py`
strips whitespace. Splits: train (2), validation (1).
"""
TECH_REPORT = """# TinyGPT technical report

Capabilities: next-token prediction over a 64-token vocabulary. Usage: `python -m
tinygpt.generate`. Evaluation: perplexity 7.39 on the validation split (see the model card).
"""
PAPER_TEX = r"""\documentclass{article}
\title{TinyGPT: a tiny transformer for demonstrations}
\begin{document}\maketitle
We describe the development and capabilities of TinyGPT.
\end{document}
"""
ACME_TERMS = """ACME MODEL TERMS

These weights are provided to registered customers of Acme Corp for internal evaluation only.
Redistribution requires written consent from Acme Corp.
"""
REFERENCING_PY = '''\
"""Sampling helpers for TinyGPT."""
# Licensed under the license found in the LICENSE.txt file in the root directory.

import torch


def sample(logits, temperature: float = 1.0):
    return torch.multinomial(torch.softmax(logits / temperature, -1), 1)
'''
LICENSEREF_PY = '''\
# SPDX-License-Identifier: LicenseRef-Acme-Model-1.0
"""Tokenizer glue for TinyGPT."""


def encode(text: str) -> list[int]:
    return [ord(c) % 64 for c in text]
'''
VENDORED_PY = '''\
"""jsonmin: a minimal JSON minifier (vendored)."""


def minify(text: str) -> str:
    return "".join(line.strip() for line in text.splitlines())
'''


def card(meta: str, body: str = "A tiny GPT for demonstrations.") -> str:
    return f"---\n{meta.strip()}\n---\n\n# TinyGPT\n\n{body}\n"


def write(base: Path, files: dict[str, str | bytes]) -> None:
    if base.exists():
        shutil.rmtree(base)
    for rel, content in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def core(spdx: str = "Apache-2.0") -> dict[str, str | bytes]:
    return {
        "src/tinygpt/__init__.py": "",
        "src/tinygpt/model.py": MODEL_PY.format(spdx=spdx),
        "src/tinygpt/generate.py": GENERATE_PY,
        "tests/test_model.py": TEST_PY,
        "pyproject.toml": PYPROJECT,
        ".gitignore": "__pycache__/\n*.pyc\n",
    }


def weights() -> dict[str, str | bytes]:
    return {
        "model/config.json": CONFIG,
        "model/tokenizer.json": TOKENIZER,
        "model/model.safetensors": safetensors(),
    }


def cases() -> dict[str, dict[str, str | bytes]]:
    apache, mit = lic("apache-2.0"), lic("mit")
    return {
        # The bundled example for `make demo`: everything under Apache-2.0.
        "example": {
            **core(), **weights(),
            "README.md": card("license: apache-2.0\nlibrary_name: transformers\npipeline_tag: text-generation"),
            "LICENSE": apache,
            "train.py": TRAIN_PY,
            "configs/train.yaml": TRAIN_YAML,
            "data/prepare.py": PREPARE_PY,
            "data/train.jsonl": TRAIN_JSONL,
            "data/val.jsonl": VAL_JSONL,
            "prompts/system.txt": PROMPT,
        },
        "repos/fully-open": {
            **core(), **weights(), "README.md": card("license: apache-2.0"), "LICENSE": apache,
            "train.py": TRAIN_PY,
        },
        "repos/mit-code-llama-weights": {
            **core("MIT"), **weights(), "README.md": card("license: mit"), "LICENSE": mit,
            "LICENSE-MODEL": lic("llama-2-license-2023"), "train.py": TRAIN_PY,
        },
        "repos/no-license": {
            **{k: v for k, v in core().items() if k != "src/tinygpt/model.py"},
            "src/tinygpt/model.py": MODEL_PY.split("\n", 1)[1], **weights(),
            "README.md": "# TinyGPT\n\nNo license information.\n",
        },
        "repos/openrail-card": {
            **core(), **weights(), "README.md": card("license: creativeml-openrail-m"),
        },
        "repos/code-no-weights": {
            **core("MIT"), "LICENSE": mit, "README.md": "# TinyGPT training code\n",
            "train.py": TRAIN_PY, "scripts/finetune.py": TRAIN_PY, "configs/train.yaml": TRAIN_YAML,
        },
        "repos/data-and-prompts": {
            **core(), **weights(), "LICENSE": apache, "README.md": card("license: apache-2.0"),
            "data/train.jsonl": TRAIN_JSONL, "data/val.jsonl": VAL_JSONL, "data/prepare.py": PREPARE_PY,
            "data/LICENSE": lic("cc-by-nc-4.0"),
            "prompts/system.txt": PROMPT, "prompts/few_shot.json": '[{"q": "2+2?", "a": "4"}]\n',
        },
        "repos/vendored-gpl": {
            **core(), **weights(), "LICENSE": apache, "README.md": card("license: apache-2.0"),
            "third_party/fastops/ops.py": "def fused_add(a, b):\n    return a + b\n",
            "third_party/fastops/COPYING": lic("gpl-3.0"),
        },
        # sam2's layout: a third party's license text beside the repository's LICENSE, named by
        # the one file adapted from that project; it governs that file only, besides Apache-2.0.
        "repos/third-party-license": {
            **core(), **weights(), "LICENSE": apache, "README.md": card("license: apache-2.0"),
            "LICENSE_fastcc": lic("bsd-new"),
            "src/tinygpt/cc.cu": "// Copyright (c) Example Maintainers.\n\n"
                                 "// adapted from https://example.org/fastcc\n"
                                 "// with license found in the LICENSE_fastcc file in the root directory.\n"
                                 "__global__ void label(int *x) { x[0] = 0; }\n",
        },
        "repos/card-vs-license": {
            **core(), **weights(), "README.md": card("license: apache-2.0"), "LICENSE": lic("llama-2-license-2023"),
        },
        # Open under every profile: all five components, MOF Class I. Weights are dual-licensed
        # Apache-2.0 OR CDLA-Permissive-2.0 by a REUSE.toml annotation (an OSD license for the
        # OSD profiles, an open-data license the MOF recommends for data); data under CDLA-Permissive-2.0.
        "repos/open-science": {
            **core(), **weights(), "LICENSE": apache, "LICENSE-DATA": lic("cdla-permissive-2.0"),
            "README.md": card("license: apache-2.0\ndatasets:\n- acme/tiny-corpus\n" + MODEL_INDEX),
            "REUSE.toml": 'version = 1\n\n[[annotations]]\npath = "model/**"\n'
                          'SPDX-License-Identifier = "Apache-2.0 OR CDLA-Permissive-2.0"\n',
            "model/checkpoint-500/model.safetensors": safetensors(),
            "train.py": TRAIN_PY, "scripts/prepare_data.py": PREPARE_PY, "eval/evaluate.py": EVALUATE_PY,
            "data/train.jsonl": TRAIN_JSONL, "data/val.jsonl": VAL_JSONL, "data/README.md": DATA_CARD,
            "prompts/system.txt": PROMPT, "docs/technical_report.md": TECH_REPORT, "paper/tinygpt.tex": PAPER_TEX,
        },
        # MOF Class III (open model) with weights under CDLA-Permissive-2.0, the open-data
        # license the MOF recommends for parameters: not an OSD license, so not open under
        # blog-2024, osaid-1.0 or open-science.
        "repos/mof-open-model": {
            **core(), **weights(), "LICENSE": apache, "LICENSE-MODEL": lic("cdla-permissive-2.0"),
            "README.md": card("license: apache-2.0\ndatasets:\n- acme/tiny-corpus\n" + MODEL_INDEX),
            "DATA_CARD.md": DATA_CARD, "docs/technical_report.md": TECH_REPORT,
        },
        # A vendored folder under the JSON license ("shall be used for Good, not Evil") inside Code.
        "repos/vendored-json": {
            **core(), **weights(), "LICENSE": apache, "README.md": card("license: apache-2.0"),
            "third_party/jsonmin/jsonmin.py": VENDORED_PY, "third_party/jsonmin/LICENSE": lic("json"),
        },
        # Two license texts in the weights folder that contradict each other.
        "repos/conflicting-licenses": {
            **core(), **weights(), "LICENSE": apache, "README.md": card("license: apache-2.0"),
            "model/LICENSE.txt": apache, "model/LICENSE.md": lic("bigscience-open-rail-m"),
        },
        # license: other without license_link, and a license file nobody can recognise.
        "repos/card-other-incomplete": {
            **core(), **weights(), "README.md": card("license: other\nlicense_name: acme-model-terms"),
            "LICENSE-MODEL": ACME_TERMS,
        },
        # References that lead nowhere: a license_link to a missing file, a "see LICENSE.txt"
        # comment, an SPDX LicenseRef with no LICENSES/ text.
        "repos/dangling-reference": {
            **{k: v for k, v in core().items() if k != "src/tinygpt/model.py"},
            "src/tinygpt/model.py": MODEL_PY.split("\n", 1)[1], **weights(),
            "src/tinygpt/sampling.py": REFERENCING_PY, "src/tinygpt/tokenize.py": LICENSEREF_PY,
            "README.md": card("license: other\nlicense_name: Acme Model License\nlicense_link: LICENSE.txt"),
        },
        # A Hub license id that names no single ScanCode license (ScanCode has no Llama 3 key).
        "repos/llama3-card": {
            **core(), **weights(), "README.md": card("license: llama3"),
        },
        # REUSE.toml and a .license sidecar (REUSE layout with LICENSES/).
        "repos/reuse-toml": {
            **core(), **weights(), "LICENSE": apache, "README.md": card("license: apache-2.0"), "train.py": TRAIN_PY,
            "data/train.jsonl": TRAIN_JSONL, "data/val.jsonl": VAL_JSONL,
            "REUSE.toml": 'version = 1\n\n[[annotations]]\npath = "data/**"\nSPDX-License-Identifier = "CC-BY-4.0"\n\n'
                          '[[annotations]]\npath = "model/**"\nSPDX-License-Identifier = "MIT"\n\n'
                          '[[annotations]]\npath = "src/tinygpt/model.py"\nprecedence = "override"\n'
                          'SPDX-License-Identifier = "MIT"\n',
            "model/model.safetensors.license": "SPDX-FileCopyrightText: 2025 Example Org\n"
                                               "SPDX-License-Identifier: Apache-2.0\n",
            "LICENSES/Apache-2.0.txt": apache, "LICENSES/MIT.txt": mit, "LICENSES/CC-BY-4.0.txt": lic("cc-by-4.0"),
        },
        # No code (the framework named by library_name stands in for it), no weights file, and an
        # access gate in the model card.
        "repos/gated-by-reference": {
            "LICENSE": apache, "model/config.json": CONFIG, "model/tokenizer.json": TOKENIZER,
            "README.md": card("license: apache-2.0\nlibrary_name: transformers\n"
                              "extra_gated_prompt: You agree to share your contact information to access this model.\n"
                              "extra_gated_fields:\n  Company: text"),
        },
        # No code, and a library_name that rules/frameworks.yaml does not know.
        "repos/unknown-library": {
            "LICENSE": apache, **weights(), "README.md": card("license: apache-2.0\nlibrary_name: acme-runner"),
        },
        # The weights live elsewhere: a model license file and a README sentence say they are
        # CC-BY-NC-4.0; the code names where they are fetched from.
        "repos/weights-elsewhere-nc": {
            **core("MIT"), "LICENSE": mit, "LICENSE_weights": lic("cc-by-nc-4.0"), "src/tinygpt/fetch.py": FETCH_PY,
            "README.md": "# TinyGPT\n\nThe model weights are released under the CC-BY-NC-4.0 license.\n",
        },
        # The README puts code and weights under MIT; the weights are downloaded, not in the repository.
        "repos/weights-elsewhere-mit": {
            **core("MIT"), "LICENSE": mit, "src/tinygpt/fetch.py": FETCH_PY,
            "README.md": "# TinyGPT\n\nThe code and model weights are released under the MIT License.\n",
        },
        # No LICENSE file: the README's license section declares the license.
        "repos/readme-license": {
            **{k: v for k, v in core().items() if k != "src/tinygpt/model.py"},
            "src/tinygpt/model.py": MODEL_PY.split("\n", 1)[1], **weights(),
            "README.md": "# TinyGPT\n\nA tiny GPT.\n\n## License\n\nThis project is released under the MIT "
                         "License.\n\n## Citation\n\nSee CITATION.cff.\n",
        },
        # REUSE layout without a root LICENSE: the one text in LICENSES/ declares the license.
        "repos/licenses-folder": {
            **{k: v for k, v in core().items() if k != "src/tinygpt/model.py"},
            "src/tinygpt/model.py": MODEL_PY.split("\n", 1)[1], **weights(), "LICENSES/MIT.txt": mit,
        },
        # COPYING (the GPL-3.0 text) beside COPYING.LESSER: the LGPL-3.0, as its instructions say.
        "repos/lgpl-pair": {
            **{k: v for k, v in core().items() if k != "src/tinygpt/model.py"},
            "src/tinygpt/model.py": MODEL_PY.split("\n", 1)[1], **weights(),
            "COPYING": lic("gpl-3.0"), "COPYING.LESSER": lic("lgpl-3.0"),
        },
        # Package manifests declare the license (read as data, never run); no LICENSE file.
        "repos/manifests": {
            **{k: v for k, v in core().items() if k not in ("src/tinygpt/model.py", "pyproject.toml")},
            "src/tinygpt/model.py": MODEL_PY.split("\n", 1)[1], **weights(),
            "pyproject.toml": PYPROJECT.replace('version = "0.1.0"\n', 'version = "0.1.0"\nlicense = "MIT"\n'),
            "package.json": '{\n  "name": "tinygpt-web",\n  "version": "0.1.0",\n  "license": "MIT"\n}\n',
            "setup.py": 'from setuptools import setup\n\nsetup(name="tinygpt", license="MIT")\n',
        },
        # A notebook whose JSON does not parse is scanned as text, with a warning.
        "repos/invalid-notebook": {
            **core(), **weights(), "LICENSE": apache, "README.md": card("license: apache-2.0"),
            "notebooks/demo.ipynb": INVALID_NOTEBOOK,
        },
        # .reuse/dep5 (the older REUSE format), and a sidecar without an SPDX line.
        "repos/reuse-dep5": {
            **core(), **weights(), "LICENSE": apache, "README.md": card("license: apache-2.0"),
            "data/train.jsonl": TRAIN_JSONL, "data/val.jsonl": VAL_JSONL,
            ".reuse/dep5": "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
                           "Upstream-Name: tinygpt\n\n"
                           "Files: data/*\nCopyright: 2025 Example Org\nLicense: CC-BY-SA-4.0\n\n"
                           "Files: model/*.json\nCopyright: 2025 Example Org\nLicense: MIT\n",
            "data/val.jsonl.license": "SPDX-FileCopyrightText: 2025 Example Org\n",
        },
    }


#: Code that loads its weights from a Hub repository (tests/test_multi_source.py pairs it with one).
LOAD_PY = """\
# SPDX-License-Identifier: MIT
\"\"\"Load the pretrained TinyGPT from the Hugging Face Hub.\"\"\"

from transformers import AutoModelForCausalLM


def load():
    return AutoModelForCausalLM.from_pretrained("sys/tinygpt-apache")
"""


def systems() -> dict[str, dict[str, str | bytes]]:
    """Code repositories whose weights live on the (fake) Hub: halves of multi-source systems."""
    mit = lic("mit")
    code = {**{k: v for k, v in core("MIT").items() if not k.startswith("tests/")}, "LICENSE": mit,
            "src/tinygpt/load.py": LOAD_PY}
    return {
        # MIT code; the weights are sys/tinygpt-apache on the Hub (from_pretrained in load.py).
        "systems/mit-code": {**code, "README.md": "# TinyGPT\n\nA tiny GPT. The weights are on the Hugging Face "
                                                  "Hub: `from_pretrained(\"sys/tinygpt-apache\")`.\n"},
        # The same code, whose README puts the weights under a license the Hub repository does not use.
        "systems/mit-code-nc-statement": {**code, "README.md": "# TinyGPT\n\nThe model weights are released "
                                                               "under the CC-BY-NC-4.0 license.\n"},
    }


def main() -> None:
    for name, files in {**cases(), **systems()}.items():
        write(ROOT / name, files)
        print("wrote", ROOT / name)


if __name__ == "__main__":
    main()
