# Stand-in for cloneofsimo/lora:lora_diffusion/cli_lora_add.py - hand-written for the osai-scan corpus, not copied.
# adds LoRA A and B (alpha-weighted), or folds a LoRA into the base weights, and writes the result
import fire
import torch
from diffusers import StableDiffusionPipeline
from safetensors.torch import safe_open, save_file

from .lora import collapse_lora, monkeypatch_or_replace_safeloras
from .lora_manager import lora_join
from .to_ckpt_v2 import convert_to_ckpt


def add(path_1, path_2, output_path, alpha_1=0.5, alpha_2=0.5, mode="lpl"):
    if mode == "lpl":
        out = {}
        with safe_open(path_1, "pt") as a, safe_open(path_2, "pt") as b:
            for k in a.keys():
                out[k] = alpha_1 * a.get_tensor(k) + alpha_2 * b.get_tensor(k)
        save_file(out, output_path)
    elif mode == "upl":
        pipe = StableDiffusionPipeline.from_pretrained(path_1)
        monkeypatch_or_replace_safeloras(pipe, path_2)
        collapse_lora(pipe.unet, alpha_2)
        pipe.save_pretrained(output_path)
        convert_to_ckpt(output_path, output_path + ".ckpt", as_half=True)


def main():
    fire.Fire(add)
