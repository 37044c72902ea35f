# Stand-in for lm-sys/FastChat:fastchat/train/llama_flash_attn_monkey_patch.py - hand-written for the osai-scan corpus, not copied.
"""replace attention forward for training"""
import transformers
from flash_attn import flash_attn_varlen_qkvpacked_func


def _flash_forward(self, hidden_states, attention_mask=None, **kwargs):
    qkv = self.qkv_proj(hidden_states)
    return self.o_proj(flash_attn_varlen_qkvpacked_func(qkv, kwargs["cu_seqlens"], kwargs["max_s"], 0.0,
                                                        causal=True)), None, None


def replace_llama_attn_with_flash_attn():
    """Called at the top of train_mem.py so that training fits in memory."""
    transformers.models.llama.modeling_llama.LlamaAttention.forward = _flash_forward
