# Stand-in for cloneofsimo/lora:lora_diffusion/lora.py - hand-written for the osai-scan corpus, not copied.
# low-rank adapter layers, injection into a UNet / text encoder, save / load / patch for inference
import torch
import torch.nn as nn
from safetensors.torch import safe_open, save_file


class LoraInjectedLinear(nn.Module):
    def __init__(self, in_features, out_features, bias=False, r=4, scale=1.0):
        super().__init__()
        self.linear = nn.Linear(in_features, out_features, bias)
        self.lora_down = nn.Linear(in_features, r, bias=False)
        self.lora_up = nn.Linear(r, out_features, bias=False)
        self.scale = scale
        nn.init.zeros_(self.lora_up.weight)

    def forward(self, x):
        return self.linear(x) + self.lora_up(self.lora_down(x)) * self.scale


def inject_trainable_lora(model, target_replace_module=("CrossAttention",), r=4):
    params = []
    for module in model.modules():
        if module.__class__.__name__ in target_replace_module:
            for name, child in list(module.named_children()):
                if isinstance(child, nn.Linear):
                    lora = LoraInjectedLinear(child.in_features, child.out_features, child.bias is not None, r)
                    lora.linear.weight = child.weight
                    setattr(module, name, lora)
                    params += [lora.lora_up.parameters(), lora.lora_down.parameters()]
    return params


def save_safeloras(modelmap, outpath="./lora.safetensors"):
    weights = {}
    for name, model in modelmap.items():
        for i, m in enumerate(m for m in model.modules() if isinstance(m, LoraInjectedLinear)):
            weights[f"{name}:{i}:up"] = m.lora_up.weight
            weights[f"{name}:{i}:down"] = m.lora_down.weight
    save_file(weights, outpath)


def tune_lora_scale(model, alpha=1.0):
    for m in model.modules():
        if isinstance(m, LoraInjectedLinear):
            m.scale = alpha


def patch_pipe(pipe, path, patch_unet=True, patch_text=True):
    with safe_open(path, framework="pt") as f:
        keys = list(f.keys())
    inject_trainable_lora(pipe.unet)
    return keys
