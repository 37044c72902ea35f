"""Writers for Hub test repositories: license texts from ScanCode's DB, valid weight headers, sparse tails.

``write_fixture_repos(root)`` writes the small committed repos under ``fixtures/hub/`` (run
``python -m tests.hubfixtures`` to regenerate them); ``write_big_repo(root)`` writes a repo with a
2 GiB safetensors file and a 1 GiB GGUF file that are sparse on disk (tests make it in tmp).
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hub"
TWO_GIB = 2 * 1024**3
ONE_GIB = 1024**3


def safetensors_bytes(shape: tuple[int, ...] = (4, 4), metadata: dict[str, str] | None = None) -> bytes:
    """A complete small safetensors file (F32 zeros)."""
    count = 1
    for dim in shape:
        count *= dim
    header: dict[str, object] = {"weight": {"dtype": "F32", "shape": list(shape), "data_offsets": [0, 4 * count]}}
    header["__metadata__"] = {"format": "pt", **(metadata or {})}
    raw = json.dumps(header).encode()
    raw += b" " * (-len(raw) % 8)
    return struct.pack("<Q", len(raw)) + raw + bytes(4 * count)


def write_sparse_safetensors(path: Path, size: int, metadata: dict[str, str] | None = None) -> int:
    """A valid safetensors header for one F32 tensor filling ``size`` bytes, then a sparse tail.

    Returns:
        the number of parameters the header declares.
    """
    header_room = 4096
    params = (size - header_room) // 4
    header = {"__metadata__": {"format": "pt", **(metadata or {})},
              "weight": {"dtype": "F32", "shape": [params], "data_offsets": [0, params * 4]}}
    raw = json.dumps(header).encode()
    raw += b" " * (header_room - 8 - len(raw))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(struct.pack("<Q", len(raw)) + raw)
        handle.truncate(size)
    return params


def _gguf_string(text: str) -> bytes:
    data = text.encode()
    return struct.pack("<Q", len(data)) + data


def gguf_header(metadata: dict[str, str], tensors: list[tuple[str, tuple[int, ...]]], vocab: int = 2000) -> bytes:
    """A GGUF v3 header: string key/values, a token list (skipped by the reader), tensor infos."""
    kvs = b""
    for key, value in metadata.items():
        kvs += _gguf_string(key) + struct.pack("<I", 8) + _gguf_string(value)
    tokens = b"".join(_gguf_string(f"tok{i}") for i in range(vocab))
    kvs += _gguf_string("tokenizer.ggml.tokens") + struct.pack("<IIQ", 9, 8, vocab) + tokens
    infos = b""
    offset = 0
    for name, dims in tensors:
        infos += _gguf_string(name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims)
        infos += struct.pack("<IQ", 0, offset)
        count = 1
        for dim in dims:
            count *= dim
        offset += count * 4
    head = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(metadata) + 1) + kvs + infos
    return head + b"\0" * (-len(head) % 32)


def write_sparse_gguf(path: Path, size: int, metadata: dict[str, str]) -> int:
    """A valid GGUF header with one F32 tensor, then a sparse tail up to ``size`` bytes.

    Returns:
        the number of parameters the header declares.
    """
    params = (size - 64 * 1024) // 4
    head = gguf_header(metadata, [("token_embd.weight", (params,))])
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return params


def _license(key: str) -> str:
    from osai_scan.licenses import scancode_license_text

    text = scancode_license_text(key)
    assert text, key
    return text


def _card(**meta: object) -> str:
    import yaml

    return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n\n# Test model\n\nA fixture for the fake Hub.\n"


CONFIG = json.dumps({"architectures": ["TinyGPT"], "n_layer": 2, "n_embd": 16, "vocab_size": 64}, indent=2) + "\n"
TOKENIZER = json.dumps({"version": "1.0", "model": {"type": "BPE", "vocab": {"a": 0, "b": 1}, "merges": []}},
                       indent=2) + "\n"


def write_fixture_repos(root: Path = FIXTURES) -> None:
    """Write the committed Hub fixture repos (open-model, llama-base, llama-finetune)."""
    open_model = root / "acme" / "open-model"
    files = {
        "README.md": _card(license="apache-2.0", library_name="transformers", pipeline_tag="text-generation",
                           datasets=["acme/tiny-data"]),
        "LICENSE": _license("apache-2.0"),
        "config.json": CONFIG,
        "tokenizer.json": TOKENIZER,
        "generation_config.json": json.dumps({"max_new_tokens": 32}, indent=2) + "\n",
    }
    for name, text in files.items():
        (open_model / name).parent.mkdir(parents=True, exist_ok=True)
        (open_model / name).write_text(text, encoding="utf-8")
    (open_model / "model.safetensors").write_bytes(safetensors_bytes())

    base = root / "acme" / "llama-base"
    base.mkdir(parents=True, exist_ok=True)
    (base / "README.md").write_text(_card(license="llama3.1", library_name="transformers",
                                          extra_gated_prompt="Accept the Llama 3.1 Community License to access."))
    (base / "config.json").write_text(CONFIG)
    (base / ".fakehub.yaml").write_text("# Fake Hub settings (tests/fakehub.py); not served as a repo file.\n"
                                        "gated: manual\n")

    tune = root / "acme" / "llama-finetune"
    tune.mkdir(parents=True, exist_ok=True)
    (tune / "README.md").write_text(_card(license="apache-2.0", library_name="transformers",
                                          base_model="acme/llama-base", base_model_relation="finetune"))
    (tune / "config.json").write_text(CONFIG)
    (tune / "model.safetensors").write_bytes(safetensors_bytes())


def write_big_repo(root: Path, repo: str = "acme/big-model") -> dict[str, int]:
    """A repo with a 2 GiB safetensors and a 1 GiB GGUF (sparse), plus card, LICENSE and config.

    Returns:
        parameters declared per weights file.
    """
    folder = root / repo
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README.md").write_text(_card(license="mit", library_name="transformers"))
    (folder / "LICENSE").write_text(_license("mit"))
    (folder / "config.json").write_text(CONFIG)
    params = {
        "model.safetensors": write_sparse_safetensors(folder / "model.safetensors", TWO_GIB),
        "model-q4.gguf": write_sparse_gguf(folder / "model-q4.gguf", ONE_GIB, {
            "general.architecture": "llama", "general.name": "big", "general.license": "mit"}),
    }
    # Give the sha256 so the fake Hub never hashes 3 GiB.
    (folder / ".fakehub.yaml").write_text("lfs_sha256:\n  model.safetensors: " + "ab" * 32
                                          + "\n  model-q4.gguf: " + "cd" * 32 + "\n")
    return params


if __name__ == "__main__":
    write_fixture_repos()
