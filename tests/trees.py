"""Small trees of real license texts (from ScanCode's own license DB) for detection tests."""

from __future__ import annotations

import json
import struct
from pathlib import Path

from osai_scan.licenses import scancode_license_text

#: SPDX ids used in generated source headers, one per file, cycling.
HEADER_IDS = ("MIT", "Apache-2.0", "BSD-3-Clause", "GPL-2.0-only", "MPL-2.0", "ISC")


def license_text(key: str) -> str:
    """The reference text of a ScanCode license key."""
    text = scancode_license_text(key)
    assert text, key
    return text


def safetensors_header(tensor_bytes: int, metadata: dict[str, str] | None = None) -> bytes:
    """A valid safetensors prefix: 8-byte length and JSON header for one F32 tensor."""
    header = {"__metadata__": {"format": "pt", **(metadata or {})},
              "w": {"dtype": "F32", "shape": [tensor_bytes // 4], "data_offsets": [0, tensor_bytes]}}
    raw = json.dumps(header).encode()
    raw += b" " * (-len(raw) % 8)
    return struct.pack("<Q", len(raw)) + raw


def write_code_tree(root: Path, files: int = 24) -> Path:
    """A repository with a LICENSE, a model card and ``files`` Python files with license headers.

    Sizes vary, so the worker pool's largest-first order differs from path order.
    """
    (root / "src").mkdir(parents=True)
    (root / "LICENSE").write_text(license_text("apache-2.0"), encoding="utf-8")
    (root / "README.md").write_text("---\nlicense: apache-2.0\n---\n# tiny\n\nA tiny model.\n", encoding="utf-8")
    for number in range(files):
        spdx = HEADER_IDS[number % len(HEADER_IDS)]
        body = "".join(f"def f{number}_{i}(x):\n    return x * {i}\n\n" for i in range(1 + number * 7 % 40))
        (root / "src" / f"mod{number:02d}.py").write_text(
            f"# SPDX-License-Identifier: {spdx}\n\"\"\"Module {number}.\"\"\"\n\n{body}", encoding="utf-8")
    return root
