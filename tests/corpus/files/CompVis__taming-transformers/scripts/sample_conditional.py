# Stand-in for CompVis/taming-transformers:scripts/sample_conditional.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch
from omegaconf import OmegaConf

from main import instantiate_from_config


def load_model(config_path, ckpt_path):
    config = OmegaConf.load(config_path)
    model = instantiate_from_config(config.model)
    model.load_state_dict(torch.load(ckpt_path, map_location="cpu")["state_dict"], strict=False)
    return model.eval(), config

import streamlit as st


@torch.no_grad()
def run_conditional(model, example):
    _, c_indices = model.encode_to_c(example)
    index_sample = model.sample(c_indices[:, :0], c_indices, steps=256, sample=True, top_k=100)
    st.image(((model.decode_to_img(index_sample, (1, 256, 16, 16))[0].permute(1, 2, 0).cpu().numpy() + 1) / 2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-r", "--resume", required=True)
    opt, _ = parser.parse_known_args()
    model, config = load_model(f"{opt.resume}/configs/project.yaml", f"{opt.resume}/checkpoints/last.ckpt")
    dataset = instantiate_from_config(config.data.params.validation)
    idx = st.slider("example", 0, len(dataset) - 1, 0)
    run_conditional(model, dataset[idx][model.cond_stage_key])
