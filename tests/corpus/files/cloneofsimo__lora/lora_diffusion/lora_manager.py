# Stand-in for cloneofsimo/lora:lora_diffusion/lora_manager.py - hand-written for the osai-scan corpus, not copied.
# joins several safetensors LoRAs and patches them into a pipeline, with per-LoRA scales
import torch
from diffusers import StableDiffusionPipeline
from safetensors import safe_open

from .lora import monkeypatch_or_replace_safeloras, parse_safeloras_embeds


def lora_join(lora_safetenors):
    total = {}
    for i, f in enumerate(lora_safetenors):
        for k in f.keys():
            total[f"{k}:{i}"] = f.get_tensor(k)
    return total


class LoRAManager:
    def __init__(self, lora_paths_list, pipe: StableDiffusionPipeline):
        self.pipe = pipe
        self.loras = [safe_open(p, framework="pt", device="cpu") for p in lora_paths_list]
        self.joined = lora_join(self.loras)
        monkeypatch_or_replace_safeloras(pipe, self.joined)

    def tune(self, scales):
        for module in self.pipe.unet.modules():
            if hasattr(module, "set_scales"):
                module.set_scales(torch.tensor(scales))
