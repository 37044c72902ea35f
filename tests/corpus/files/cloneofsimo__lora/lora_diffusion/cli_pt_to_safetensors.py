# Stand-in for cloneofsimo/lora:lora_diffusion/cli_pt_to_safetensors.py - hand-written for the osai-scan corpus, not copied.
# converts LoRA weights saved with torch.save into one safetensors file
import fire
import torch

from lora_diffusion import convert_loras_to_safeloras


def convert(*paths, outpath, overwrite=False):
    modelmap = {f"model{i}": (p, ["CrossAttention"], 4) for i, p in enumerate(paths)}
    convert_loras_to_safeloras(modelmap=modelmap, outpath=outpath)


def main():
    fire.Fire(convert)


if __name__ == "__main__":
    main()
