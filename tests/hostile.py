"""Hostile local inputs, built in a temp folder (nothing big is committed): lying weight headers,
a pickle, a zip bomb, symlink loops and escapes, a 200 MB single-line file, minified JavaScript,
invalid UTF-8, deep JSON, a FIFO. ``HOSTILE`` maps each path to the case it stands for."""

from __future__ import annotations

import io
import json
import os
import pickle
import struct
import zipfile
from pathlib import Path

BIG_LINE_BYTES = 200 * 1000 * 1000


def safetensors(header: bytes | str | dict, claimed: int | None = None) -> bytes:
    """A safetensors file: the 8-byte length (``claimed``, or the true one), then the header."""
    raw = header if isinstance(header, bytes) else (header if isinstance(header, str) else json.dumps(header)).encode()
    return struct.pack("<Q", len(raw) if claimed is None else claimed) + raw


def gguf_string(value: bytes, claimed: int | None = None) -> bytes:
    return struct.pack("<Q", len(value) if claimed is None else claimed) + value


def gguf(body: bytes, tensors: int = 0, kvs: int = 1) -> bytes:
    return b"GGUF" + struct.pack("<IQQ", 3, tensors, kvs) + body


class _Marker:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):  # unpickling this would create the marker file
        return (open, (self.path, "w"))


def zip_bomb(uncompressed: int = 64 * 1024 * 1024) -> bytes:
    """A zip whose one member inflates about 1000 times (64 MiB of zeros in about 64 KB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("zeros.bin", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(uncompressed // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


#: path → the case it stands for (docs/SECURITY.md, "Hostile local input").
HOSTILE = {
    "weights/past-end.safetensors": "safetensors length field far past the end of the file",
    "weights/over-limit.safetensors": "safetensors header (8 MiB + 512 bytes, in a 9 MiB file) over the read limit",
    "weights/not-json.safetensors": "safetensors header that is not JSON",
    "weights/long-integer.safetensors": "safetensors header holding a 5,000-digit integer",
    "weights/absurd-shape.safetensors": "safetensors shapes giving a parameter count of 4,500 digits",
    "weights/negative.safetensors": "safetensors shape with a negative dimension",
    "weights/deep.safetensors": "safetensors header JSON nested 100,000 deep",
    "weights/absurd-count.gguf": "GGUF claiming 2**63 key/values",
    "weights/long-string.gguf": "GGUF key whose string length claims 2**62 bytes",
    "weights/nested-arrays.gguf": "GGUF arrays nested 6 deep",
    "weights/absurd-tensors.gguf": "GGUF tensor dims giving a parameter count past 2**63",
    "weights.pkl": "a pickle (would create a marker file if unpickled)",
    "bomb.zip": "a zip bomb (64 MiB of zeros in about 64 KB)",
    "bomb-without-extension": "the same zip bomb without an extension",
    "loop-a": "symlink loop (loop-a -> loop-b -> loop-a)",
    "loop-b": "symlink loop (loop-b -> loop-a)",
    "self": "symlink to the scanned folder itself",
    "escape": "symlink pointing outside the repository",
    "big-line.txt": "a 200 MB single-line text file",
    "app.min.js": "minified JavaScript (one 1 MB line)",
    "invalid-utf8.py": "source file with invalid UTF-8 content",
    "deep.ipynb": "notebook whose JSON is nested 100,000 deep",
    "config.json": "config JSON nested 100,000 deep",
    "pipe": "a FIFO (named pipe)",
    "package.json": "package manifest JSON nested 100,000 deep",
    "pyproject.toml": "pyproject.toml array nested 100,000 deep",
    "REUSE.toml": "REUSE.toml array nested 100,000 deep",
}


def build_hostile(root: Path, markers: Path) -> Path:
    """Create every input of ``HOSTILE`` under ``root``; a pickle load would write into ``markers``."""
    (root / "weights").mkdir(parents=True)
    w = root / "weights"
    (w / "past-end.safetensors").write_bytes(safetensors("{}", claimed=1000))
    with open(w / "over-limit.safetensors", "wb") as handle:  # sparse: 9 MiB on paper, a few bytes on disk
        handle.write(safetensors("{}", claimed=8 * 1024 * 1024 + 512))
        handle.truncate(9 * 1024 * 1024)
    (w / "not-json.safetensors").write_bytes(safetensors('{"w": {"dtype": "F16", "shape": [1, '))
    (w / "long-integer.safetensors").write_bytes(safetensors('{"w": {"dtype": "F16", "shape": [' + "9" * 5000 + "]}}"))
    (w / "absurd-shape.safetensors").write_bytes(safetensors({"w": {"dtype": "F16", "shape": [10**9] * 500,
                                                                     "data_offsets": [0, 2]}}))
    (w / "negative.safetensors").write_bytes(safetensors({"w": {"dtype": "F16", "shape": [-4, 5],
                                                                 "data_offsets": [0, 2]}}))
    (w / "deep.safetensors").write_bytes(safetensors("[" * 100_000 + "]" * 100_000))
    (w / "absurd-count.gguf").write_bytes(gguf(gguf_string(b"general.name") + struct.pack("<I", 8)
                                               + gguf_string(b"x"), kvs=2**63))
    (w / "long-string.gguf").write_bytes(gguf(gguf_string(b"general.name", claimed=2**62) + b"\0" * 64))
    nested = gguf_string(b"general.license") + struct.pack("<I", 9) + struct.pack("<IQ", 9, 1) * 6 + b"\0" * 64
    (w / "nested-arrays.gguf").write_bytes(gguf(nested))
    dims = struct.pack("<I", 8) + struct.pack("<Q", 2**40) * 8
    tensors = gguf_string(b"w") + dims + struct.pack("<IQ", 0, 0)
    (w / "absurd-tensors.gguf").write_bytes(gguf(gguf_string(b"general.license") + struct.pack("<I", 8)
                                                 + gguf_string(b"mit") + tensors, tensors=1))
    (root / "weights.pkl").write_bytes(pickle.dumps(_Marker(str(markers / "unpickled"))))
    bomb = zip_bomb()
    (root / "bomb.zip").write_bytes(bomb)
    (root / "bomb-without-extension").write_bytes(bomb)
    os.symlink("loop-b", root / "loop-a")
    os.symlink("loop-a", root / "loop-b")
    os.symlink(".", root / "self")
    os.symlink("../../../../../../etc/passwd", root / "escape")
    with open(root / "big-line.txt", "wb") as handle:  # written in 10 MB pieces, one line, no newline
        piece = b"a" * (10 * 1000 * 1000)
        for _ in range(BIG_LINE_BYTES // len(piece)):
            handle.write(piece)
    (root / "app.min.js").write_text("/*! (c) Example | MIT License */" + "var a=function(b){return b+1};" * 33_000,
                                     encoding="utf-8")
    (root / "invalid-utf8.py").write_bytes(b"# SPDX-License-Identifier: MIT\nname = '\xff\xfe\xc3\x28'\n")
    (root / "deep.ipynb").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (root / "config.json").write_text('{"a": ' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    os.mkfifo(root / "pipe")
    (root / "package.json").write_text('{"license": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    (root / "pyproject.toml").write_text("[project]\nlicense = " + "[" * 100_000 + "]" * 100_000 + "\n",
                                         encoding="utf-8")
    (root / "REUSE.toml").write_text("version = 1\nx = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    return root
