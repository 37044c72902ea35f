# Stand-in for CompVis/taming-transformers:scripts/sample_fast.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch
from omegaconf import OmegaConf

from main import instantiate_from_config


def load_model(config_path, ckpt_path):
    config = OmegaConf.load(config_path)
    model = instantiate_from_config(config.model)
    model.load_state_dict(torch.load(ckpt_path, map_location="cpu")["state_dict"], strict=False)
    return model.eval(), config

import numpy as np
from PIL import Image

from taming.modules.transformer.mingpt import sample_with_past


@torch.no_grad()
def sample_classconditional(model, batch_size, class_label, steps=256, temperature=1.0, top_k=None):
    c_indices = torch.full((batch_size, 1), class_label, dtype=torch.long)
    index_sample = sample_with_past(c_indices, model.transformer, steps=steps, temperature=temperature, top_k=top_k)
    return model.decode_to_img(index_sample, (batch_size, 256, 16, 16))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-r", "--resume", required=True)
    parser.add_argument("-n", "--num_samples", type=int, default=50)
    opt = parser.parse_args()
    model, _ = load_model(f"{opt.resume}/configs/project.yaml", f"{opt.resume}/checkpoints/last.ckpt")
    x = sample_classconditional(model, opt.num_samples, class_label=1)
    for i, img in enumerate(x):
        Image.fromarray(((img.permute(1, 2, 0).cpu().numpy() + 1) * 127.5).astype(np.uint8)).save(f"sample_{i}.png")
