"""Fake-Hub repositories shaped like real ones, written into a temporary fake-Hub root.

Each writer makes one repository with the file names, card fields and license files such
repositories have on the Hub; weights are valid headers followed by a sparse tail (so a
"10 GB" shard costs nothing on disk), and their sha256 is given in ``.fakehub.yaml`` so the
fake Hub never hashes them. ``info`` keys in ``.fakehub.yaml`` are what the Hub's model info
API reports on top of the card (``library_name``, ``pipeline_tag``, ``config``,
``transformersInfo``), as the real Hub infers them from the files.
"""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path
from typing import Any

import yaml

from tests.hubfixtures import gguf_header
from tests.trees import license_text


def card(body: str = "# Model\n\nA model.\n", **meta: Any) -> str:
    """A model card: YAML front matter, then Markdown."""
    return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n\n" + body


def shard_header(layers: range, prefix: str = "model.layers") -> bytes:
    """A safetensors header (8-byte length + JSON) for the tensors of some transformer layers."""
    header: dict[str, Any] = {"__metadata__": {"format": "pt"}}
    offset = 0
    for layer in layers:
        for name in ("self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj",
                     "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj"):
            size = 4096 * 4096 * 2
            header[f"{prefix}.{layer}.{name}.weight"] = {"dtype": "BF16", "shape": [4096, 4096],
                                                        "data_offsets": [offset, offset + size]}
            offset += size
    raw = json.dumps(header, separators=(",", ":")).encode()
    raw += b" " * (-len(raw) % 8)
    return struct.pack("<Q", len(raw)) + raw


def _sparse(path: Path, head: bytes, size: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(max(size, len(head)))


class RepoWriter:
    """Writes one repository: text files, sparse weights, and its ``.fakehub.yaml``."""

    def __init__(self, root: Path, repo_id: str, *, dataset: bool = False) -> None:
        self.repo_id = repo_id
        self.folder = root / ("datasets" if dataset else "") / repo_id
        self.folder.mkdir(parents=True, exist_ok=True)
        self.config: dict[str, Any] = {"lfs_sha256": {}}
        self.weight_bytes: dict[str, int] = {}

    def text(self, path: str, content: str) -> "RepoWriter":
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        return self

    def json(self, path: str, data: Any) -> "RepoWriter":
        return self.text(path, json.dumps(data, indent=2) + "\n")

    def license(self, path: str, key: str) -> "RepoWriter":
        return self.text(path, license_text(key))

    def weights(self, path: str, head: bytes, size: int) -> "RepoWriter":
        _sparse(self.folder / path, head, size)
        self.config["lfs_sha256"][path] = hashlib.sha256(f"{self.repo_id}/{path}".encode()).hexdigest()
        self.weight_bytes[path] = len(head)
        return self

    def safetensors(self, path: str, layers: range = range(1), size: int = 64 * 1024 * 1024) -> "RepoWriter":
        return self.weights(path, shard_header(layers), size)

    def gguf(self, path: str, metadata: dict[str, str], size: int = 64 * 1024 * 1024) -> "RepoWriter":
        return self.weights(path, gguf_header(metadata, [("token_embd.weight", (4096, 32000))], vocab=32000), size)

    def parquet(self, path: str, size: int, footer: int = 2048) -> "RepoWriter":
        """A Parquet file's framing (PAR1, a footer of ``footer`` bytes, its length, PAR1); sparse rows."""
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            handle.write(b"PAR1")
            handle.truncate(size - footer - 8)
            handle.seek(size - footer - 8)
            handle.write(b"\x15" * footer + struct.pack("<I", footer) + b"PAR1")
        self.config["lfs_sha256"][path] = hashlib.sha256(f"{self.repo_id}/{path}".encode()).hexdigest()
        self.weight_bytes[path] = 12
        return self

    def info(self, **keys: Any) -> "RepoWriter":
        self.config.setdefault("info", {}).update(keys)
        return self

    def done(self) -> "RepoWriter":
        (self.folder / ".fakehub.yaml").write_text(yaml.safe_dump(self.config, sort_keys=True), encoding="utf-8")
        return self


LLAMA_CONFIG = {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 4096,
                "num_hidden_layers": 32, "torch_dtype": "bfloat16", "transformers_version": "4.40.0"}


def sharded(root: Path, repo_id: str = "acme/sharded-160", shards: int = 160) -> RepoWriter:
    """A 160-shard safetensors model with its index (a DeepSeek-V3-sized layout), Apache-2.0."""
    repo = RepoWriter(root, repo_id)
    repo.text("README.md", card(license="apache-2.0", library_name="transformers", pipeline_tag="text-generation"))
    repo.license("LICENSE", "apache-2.0")
    repo.json("config.json", LLAMA_CONFIG)
    weight_map = {}
    for number in range(1, shards + 1):
        name = f"model-{number:05d}-of-{shards:05d}.safetensors"
        layers = range(4 * number, 4 * number + 4)
        repo.safetensors(name, layers, size=4 * 1024**3)
        for layer in layers:
            for part in ("q_proj", "k_proj"):
                weight_map[f"model.layers.{layer}.self_attn.{part}.weight"] = name
    repo.json("model.safetensors.index.json", {"metadata": {"total_size": shards * 4 * 1024**3},
                                               "weight_map": weight_map})
    return repo.done()


def no_library(root: Path, repo_id: str = "acme/no-library-name") -> RepoWriter:
    """An MIT model whose card sets no library_name; the Hub's model info reports transformers."""
    repo = RepoWriter(root, repo_id)
    repo.text("README.md", card(license="mit", pipeline_tag="text-generation", tags=["chat"]))
    repo.license("LICENSE", "mit")
    repo.json("config.json", LLAMA_CONFIG)
    repo.json("generation_config.json", {"bos_token_id": 1, "eos_token_id": 2, "transformers_version": "4.40.0"})
    repo.json("tokenizer_config.json", {"model_max_length": 4096, "tokenizer_class": "LlamaTokenizer"})
    repo.safetensors("model.safetensors", range(2))
    return repo.done()


def diffusers_pipeline(root: Path, repo_id: str = "acme/diffusion-pipeline") -> RepoWriter:
    """A Stable Diffusion XL style pipeline: model_index.json and one folder per part, OpenRAIL++."""
    repo = RepoWriter(root, repo_id)
    repo.text("README.md", card(license="openrail++", tags=["text-to-image", "stable-diffusion"],
                                pipeline_tag="text-to-image"))
    repo.license("LICENSE.md", "bigscience-open-rail-m2")
    repo.json("model_index.json", {"_class_name": "StableDiffusionXLPipeline", "_diffusers_version": "0.19.0",
                                   "scheduler": ["diffusers", "EulerDiscreteScheduler"],
                                   "text_encoder": ["transformers", "CLIPTextModel"],
                                   "tokenizer": ["transformers", "CLIPTokenizer"],
                                   "unet": ["diffusers", "UNet2DConditionModel"],
                                   "vae": ["diffusers", "AutoencoderKL"]})
    repo.json("scheduler/scheduler_config.json", {"_class_name": "EulerDiscreteScheduler",
                                                  "_diffusers_version": "0.19.0"})
    repo.json("text_encoder/config.json", {"architectures": ["CLIPTextModel"], "transformers_version": "4.32.0"})
    repo.safetensors("text_encoder/model.safetensors", range(1))
    repo.json("tokenizer/vocab.json", {"a": 0, "b": 1})
    repo.text("tokenizer/merges.txt", "#version: 0.2\na b\n")
    repo.json("unet/config.json", {"_class_name": "UNet2DConditionModel", "_diffusers_version": "0.19.0"})
    repo.safetensors("unet/diffusion_pytorch_model.safetensors", range(3))
    repo.json("vae/config.json", {"_class_name": "AutoencoderKL", "_diffusers_version": "0.19.0"})
    repo.safetensors("vae/diffusion_pytorch_model.safetensors", range(1))
    return repo.done()


def onnx_export(root: Path, repo_id: str = "acme/onnx-export") -> RepoWriter:
    """PyTorch (safetensors) weights with an ONNX export beside them, Apache-2.0, no library_name."""
    repo = RepoWriter(root, repo_id)
    repo.text("README.md", card(license="apache-2.0", pipeline_tag="feature-extraction"))
    repo.json("config.json", {"architectures": ["BertModel"], "model_type": "bert", "transformers_version": "4.36.0"})
    repo.json("tokenizer.json", {"version": "1.0", "model": {"type": "WordPiece", "vocab": {"a": 0}}})
    repo.safetensors("model.safetensors", range(1))
    repo.weights("onnx/model.onnx", b"\x08\x07\x12\x07pytorch", 8 * 1024 * 1024)
    return repo.done()


def other_with_link(root: Path, repo_id: str = "acme/other-license-link", link: str = "LICENSE",
                    key: str = "mit") -> RepoWriter:
    """``license: other`` with ``license_name`` and a ``license_link`` to the repository's LICENSE."""
    repo = RepoWriter(root, repo_id)
    repo.text("README.md", card(license="other", license_name="acme-model-license", license_link=link,
                                library_name="transformers"))
    repo.license("LICENSE", key)
    repo.json("config.json", LLAMA_CONFIG)
    repo.safetensors("model.safetensors", range(1))
    return repo.done()


def lora_on_llama2(root: Path, repo_id: str = "acme/llama2-lora", base: str = "acme/llama-2-7b") -> list[RepoWriter]:
    """A PEFT LoRA adapter declaring Apache-2.0 on a gated Llama 2 base (Llama 2 Community License)."""
    base_repo = RepoWriter(root, base)
    base_repo.text("README.md", card(license="llama2", library_name="transformers", pipeline_tag="text-generation",
                                     extra_gated_heading="Access Llama 2 on Hugging Face",
                                     extra_gated_prompt="You agree to the LLAMA 2 COMMUNITY LICENSE AGREEMENT."))
    base_repo.license("LICENSE.txt", "llama-2-license-2023")
    base_repo.json("config.json", LLAMA_CONFIG)
    base_repo.config["gated"] = "manual"
    base_repo.done()
    repo = RepoWriter(root, repo_id)
    repo.text("README.md", card(license="apache-2.0", library_name="peft", base_model=base,
                                base_model_relation="adapter", pipeline_tag="text-generation"))
    repo.json("adapter_config.json", {"base_model_name_or_path": base, "peft_type": "LORA", "r": 8,
                                      "lora_alpha": 16, "target_modules": ["q_proj", "v_proj"],
                                      "task_type": "CAUSAL_LM"})
    repo.weights("adapter_model.safetensors", shard_header(range(1), prefix="base_model.model.layers"), 16 * 1024 * 1024)
    return [base_repo, repo.done()]


def parquet_dataset(root: Path, repo_id: str = "acme/web-text") -> RepoWriter:
    """A dataset repository: card (ODC-By, configs), LICENSE, and Parquet shards under data/."""
    repo = RepoWriter(root, repo_id, dataset=True)
    repo.text("README.md", card("# Web text\n\nA filtered web corpus.\n", license="odc-by",
                                task_categories=["text-generation"], language=["en"], size_categories=["1B<n<10B"],
                                configs=[{"config_name": "default",
                                          "data_files": [{"split": "train", "path": "data/train-*"}]}]))
    repo.license("LICENSE", "odc-by-1.0")
    for number in range(3):
        repo.parquet(f"data/train-{number:05d}-of-00003.parquet", 2 * 1024**3)
    repo.parquet("data/validation-00000-of-00001.parquet", 64 * 1024**2)
    return repo.done()


def write_all(root: Path) -> list[RepoWriter]:
    """Every repository of this module, written under ``root``."""
    return [sharded(root), no_library(root), diffusers_pipeline(root), onnx_export(root), other_with_link(root),
            other_with_link(root, "acme/other-license-url", key="qwen-2024",
                            link="https://huggingface.co/acme/other-license-url/blob/main/LICENSE"),
            other_with_link(root, "acme/other-license-elsewhere", link="https://example.com/terms.html"),
            *lora_on_llama2(root), parquet_dataset(root)]


__all__ = ["write_all", "LLAMA_CONFIG", "RepoWriter", "card", "shard_header", "sharded"]
