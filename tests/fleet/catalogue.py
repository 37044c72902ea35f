"""A catalogue of small model repositories for the fake Hub, generated (tests/fleet and make bench).

``write_catalogue(root, count)`` writes ``fleet/model-NNN`` repos under ``root`` in five kinds
(by number modulo 5): an Apache-2.0 card with its LICENSE text, config and a small safetensors;
an MIT card with LICENSE and config; a Llama 3.1 card with config and a 2 GiB sparse safetensors
(served by header ranges only); a CC-BY-NC-4.0 card with config; a card without a license, with
config and tokenizer. Every ``GATED_EVERY``-th repo is gated. Each card names its repo, so no
two cards are the same file.
"""

from __future__ import annotations

from pathlib import Path

from tests.hubfixtures import CONFIG, TOKENIZER, TWO_GIB, _card, _license, safetensors_bytes, write_sparse_safetensors

ORG = "fleet"
GATED_EVERY = 40
KINDS = ("apache-2.0", "mit", "llama3.1", "cc-by-nc-4.0", None)


def repo_id(number: int) -> str:
    """The Hub id of catalogue repo ``number``."""
    return f"{ORG}/model-{number:03d}"


def is_gated(number: int) -> bool:
    """Whether catalogue repo ``number`` is gated (scanning it without a token fails)."""
    return number % GATED_EVERY == GATED_EVERY - 1


def write_catalogue(root: Path, count: int) -> list[str]:
    """Write ``count`` repos under ``root`` (a fake Hub root); return their targets (``hf:`` ids)."""
    texts = {key: _license(key) for key in ("apache-2.0", "mit")}
    targets = []
    for number in range(count):
        folder = root / repo_id(number)
        folder.mkdir(parents=True, exist_ok=True)
        kind = KINDS[number % len(KINDS)]
        meta: dict[str, object] = {"library_name": "transformers", "pipeline_tag": "text-generation"}
        if kind:
            meta = {"license": kind, **meta}
        card = _card(**meta).replace("# Test model", f"# {repo_id(number)}\n\nModel number {number} of the fleet.")
        (folder / "README.md").write_text(card, encoding="utf-8")
        (folder / "config.json").write_text(CONFIG.replace('"n_layer": 2', f'"n_layer": {2 + number % 7}'))
        if kind in texts:
            (folder / "LICENSE").write_text(texts[kind], encoding="utf-8")
        if kind == "apache-2.0":
            (folder / "model.safetensors").write_bytes(safetensors_bytes((4, 4 + number % 3)))
        if kind == "llama3.1":
            write_sparse_safetensors(folder / "model.safetensors", TWO_GIB)
        if kind is None:
            (folder / "tokenizer.json").write_text(TOKENIZER)
        settings = []
        if kind == "llama3.1":
            settings.append("lfs_sha256:\n  model.safetensors: \"" + f"{number:064x}" + "\"")
        if is_gated(number):
            settings.append("gated: manual")
        if settings:
            (folder / ".fakehub.yaml").write_text("\n".join(settings) + "\n")
        targets.append(f"hf:{repo_id(number)}")
    return targets


def write_targets_file(path: Path, targets: list[str]) -> Path:
    """A targets file listing ``targets`` with a comment line and a blank line, as users write them."""
    path.write_text("# fleet catalogue\n\n" + "\n".join(targets) + "\n", encoding="utf-8")
    return path


__all__ = ["GATED_EVERY", "KINDS", "ORG", "is_gated", "repo_id", "write_catalogue", "write_targets_file"]
