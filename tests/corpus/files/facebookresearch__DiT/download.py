# Stand-in for facebookresearch/DiT:download.py - hand-written for the osai-scan corpus, not copied.
import os

import torch
from torchvision.datasets.utils import download_url

pretrained_models = {"DiT-XL-2-512x512.pt", "DiT-XL-2-256x256.pt"}


def find_model(model_name):
    if model_name in pretrained_models:
        return download_model(model_name)
    checkpoint = torch.load(model_name, map_location="cpu")
    return checkpoint.get("ema", checkpoint)


def download_model(model_name):
    local_path = f"pretrained_models/{model_name}"
    if not os.path.isfile(local_path):
        os.makedirs("pretrained_models", exist_ok=True)
        download_url(f"https://dl.fbaipublicfiles.com/DiT/models/{model_name}", "pretrained_models")
    return torch.load(local_path, map_location="cpu")


if __name__ == "__main__":
    for name in pretrained_models:
        download_model(name)
