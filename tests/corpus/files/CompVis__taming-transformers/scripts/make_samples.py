# Stand-in for CompVis/taming-transformers:scripts/make_samples.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch
from omegaconf import OmegaConf

from main import instantiate_from_config


def load_model(config_path, ckpt_path):
    config = OmegaConf.load(config_path)
    model = instantiate_from_config(config.model)
    model.load_state_dict(torch.load(ckpt_path, map_location="cpu")["state_dict"], strict=False)
    return model.eval(), config

from PIL import Image
from torch.utils.data import DataLoader


@torch.no_grad()
def run_conditional(model, dataset, outdir, top_k, temperature):
    for i, batch in enumerate(DataLoader(dataset, batch_size=1)):
        _, c_indices = model.encode_to_c(model.get_input(model.cond_stage_key, batch))
        index_sample = model.sample(c_indices[:, :0], c_indices, steps=256, temperature=temperature, top_k=top_k)
        x = model.decode_to_img(index_sample, (1, 256, 16, 16))
        Image.fromarray(((x[0].permute(1, 2, 0).cpu().numpy() + 1) * 127.5).astype("uint8")).save(f"{outdir}/{i:06}.png")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-r", "--resume", required=True)
    parser.add_argument("--outdir", required=True)
    parser.add_argument("--top_k", type=int, default=100)
    opt = parser.parse_args()
    model, config = load_model(f"{opt.resume}/configs/project.yaml", f"{opt.resume}/checkpoints/last.ckpt")
    validation = instantiate_from_config(config.data.params.validation)
    run_conditional(model, validation, opt.outdir, opt.top_k, 1.0)
