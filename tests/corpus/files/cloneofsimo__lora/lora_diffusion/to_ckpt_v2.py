# Stand-in for cloneofsimo/lora:lora_diffusion/to_ckpt_v2.py - hand-written for the osai-scan corpus, not copied.
# renames diffusers UNet / VAE / text-encoder keys to the original SD layout and saves one .ckpt
import os.path as osp

import torch

UNET_MAP = [("time_embed.0.weight", "time_embedding.linear_1.weight")]


def convert_unet_state_dict(unet_state_dict):
    mapping = {k: k for k in unet_state_dict}
    for sd_name, hf_name in UNET_MAP:
        if hf_name in mapping:
            mapping[hf_name] = sd_name
    return {v: unet_state_dict[k] for k, v in mapping.items()}


def convert_to_ckpt(model_path, checkpoint_path, as_half):
    unet = torch.load(osp.join(model_path, "unet", "diffusion_pytorch_model.bin"), map_location="cpu")
    state_dict = {"model.diffusion_model." + k: v for k, v in convert_unet_state_dict(unet).items()}
    if as_half:
        state_dict = {k: v.half() for k, v in state_dict.items()}
    torch.save({"state_dict": state_dict}, checkpoint_path)
