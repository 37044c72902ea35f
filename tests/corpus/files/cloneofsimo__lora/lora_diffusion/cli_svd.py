# Stand-in for cloneofsimo/lora:lora_diffusion/cli_svd.py - hand-written for the osai-scan corpus, not copied.
# approximates (tuned - base) weight differences with rank-r factors and saves them as a LoRA
import fire
import torch
from diffusers import StableDiffusionPipeline

from .lora import save_safeloras


@torch.no_grad()
def svd_distill(target_model, base_model="some-org/sd-base", rank=4, outpath="lora.safetensors"):
    base = StableDiffusionPipeline.from_pretrained(base_model).unet
    tuned = StableDiffusionPipeline.from_pretrained(target_model).unet
    factors = {}
    for (name, w_base), (_, w_tuned) in zip(base.named_parameters(), tuned.named_parameters()):
        if w_base.ndim == 2:
            u, s, vh = torch.linalg.svd(w_tuned - w_base)
            factors[name] = (u[:, :rank] @ torch.diag(s[:rank]), vh[:rank])
    save_safeloras({"unet": tuned}, outpath)
    return factors


def main():
    fire.Fire(svd_distill)
