# Stand-in for haotian-liu/LLaVA:llava/train/llama_flash_attn_monkey_patch.py - hand-written for the osai-scan corpus, not copied.
import warnings

import torch
import transformers
from flash_attn.flash_attn_interface import flash_attn_varlen_qkvpacked_func


def forward(self, hidden_states, attention_mask=None, position_ids=None, **kwargs):
    # packed flash-attention kernel; no attention weights, no KV cache
    qkv = torch.stack([self.q_proj(hidden_states), self.k_proj(hidden_states),
                       self.v_proj(hidden_states)], dim=2)
    return self.o_proj(flash_attn_varlen_qkvpacked_func(qkv, None, None, 0.0)), None, None


def replace_llama_attn_with_flash_attn():
    major, _ = torch.cuda.get_device_capability()
    if major < 8:
        warnings.warn("flash attention in training needs an A100/H100 for the backward pass")
    transformers.models.llama.modeling_llama.LlamaAttention.forward = forward
