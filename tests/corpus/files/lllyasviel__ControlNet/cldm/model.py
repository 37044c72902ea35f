# Stand-in for lllyasviel/ControlNet:cldm/model.py - hand-written for the osai-scan corpus, not copied.
import os

import torch
from omegaconf import OmegaConf

from ldm.util import instantiate_from_config


def load_state_dict(ckpt_path, location="cpu"):
    if os.path.splitext(ckpt_path)[1].lower() == ".safetensors":
        import safetensors.torch
        return safetensors.torch.load_file(ckpt_path, device=location)
    sd = torch.load(ckpt_path, map_location=location)
    return sd.get("state_dict", sd)


def create_model(config_path):
    config = OmegaConf.load(config_path)
    return instantiate_from_config(config.model).cpu()
