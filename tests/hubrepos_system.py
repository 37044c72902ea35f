"""Fake-Hub halves of multi-source systems: the weights repositories that the code repositories
in fixtures/systems/ load (tests/test_multi_source.py). Each is a small model repository: a card,
a license file at the same path as the code repository's (LICENSE, README.md), a config and a
safetensors header over a sparse tail."""

from __future__ import annotations

from pathlib import Path

from tests.hubrepos import RepoWriter, card

CONFIG = {"architectures": ["TinyGPT"], "model_type": "gpt2", "n_layer": 2, "n_embd": 16, "vocab_size": 64}
#: The card of the Apache-2.0 repository names its code on GitHub (reported, never cloned).
APACHE_BODY = "# TinyGPT weights\n\nThe weights of TinyGPT. Code: https://github.com/acme/tinygpt\n"


def tinygpt(root: Path, repo_id: str, license_id: str, license_key: str, body: str = "# TinyGPT weights\n") -> RepoWriter:
    """A weights repository under ``license_id`` (the card) with ``license_key``'s text as LICENSE."""
    repo = RepoWriter(root, repo_id)
    repo.text("README.md", card(body, license=license_id, library_name="transformers"))
    repo.license("LICENSE", license_key)
    repo.json("config.json", CONFIG)
    repo.safetensors("model.safetensors", range(1), size=8 * 1024 * 1024)
    return repo.done()


def write_systems(root: Path) -> list[RepoWriter]:
    """sys/tinygpt-apache (Apache-2.0), sys/tinygpt-nc (CC-BY-NC-4.0), sys/tinygpt-llama (Llama 2)."""
    return [tinygpt(root, "sys/tinygpt-apache", "apache-2.0", "apache-2.0", APACHE_BODY),
            tinygpt(root, "sys/tinygpt-nc", "cc-by-nc-4.0", "cc-by-nc-4.0"),
            tinygpt(root, "sys/tinygpt-llama", "llama2", "llama-2-license-2023")]


__all__ = ["write_systems"]
