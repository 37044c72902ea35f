# Stand-in for huggingface/nanotron:src/nanotron/serialize/weights.py - hand-written for the osai-scan corpus, not copied.
from pathlib import Path

from safetensors.torch import load_file, save_file


def save_weights(model, root_folder: Path):
    for name, param in model.named_parameters():
        path = Path(root_folder) / (name.replace(".", "/") + ".safetensors")
        path.parent.mkdir(parents=True, exist_ok=True)
        save_file({"data": param.detach().contiguous()}, str(path))


def load_weights(model, root_folder: Path):
    for name, param in model.named_parameters():
        path = Path(root_folder) / (name.replace(".", "/") + ".safetensors")
        param.data.copy_(load_file(str(path))["data"])
