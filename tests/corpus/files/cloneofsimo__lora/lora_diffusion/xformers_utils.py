# Stand-in for cloneofsimo/lora:lora_diffusion/xformers_utils.py - hand-written for the osai-scan corpus, not copied.
# imported by the training scripts: checks that a backward pass through memory-efficient attention works
# for each head size of the trained UNet, and turns it off where it does not
import torch
from diffusers.models.attention import BasicTransformerBlock

from .lora import LoraInjectedLinear


def backward_pass_works(size):
    import xformers.ops
    q, k, v = (torch.randn((1, 4, size), device="cuda", requires_grad=True) for _ in range(3))
    try:
        loss = xformers.ops.memory_efficient_attention(q, k, v).sum()
        torch.autograd.grad(loss, v)
        return True
    except Exception:
        return False


def set_use_memory_efficient_attention_xformers(module, valid):
    for block in module.modules():
        if isinstance(block, BasicTransformerBlock):
            source = block.attn1.to_v
            if isinstance(source, LoraInjectedLinear):
                source = source.linear
            block.set_use_memory_efficient_attention_xformers(valid and backward_pass_works(source.out_features // block.attn1.heads))
