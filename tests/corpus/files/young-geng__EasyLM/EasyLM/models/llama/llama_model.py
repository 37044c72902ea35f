# Stand-in for young-geng/EasyLM:EasyLM/models/llama/llama_model.py - hand-written for the osai-scan corpus, not copied.
import flax.linen as nn
import jax.numpy as jnp

LLAMA_STANDARD_CONFIGS = {"7b": {"vocab_size": 32000, "hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32}}


class FlaxLLaMAAttention(nn.Module):
    hidden_size: int

    @nn.compact
    def __call__(self, hidden_states):
        q = nn.Dense(self.hidden_size)(hidden_states)
        return nn.Dense(self.hidden_size)(q)


class FlaxLLaMAForCausalLMModule(nn.Module):
    vocab_size: int = 32000
    hidden_size: int = 4096

    @nn.compact
    def __call__(self, input_ids):
        x = nn.Embed(self.vocab_size, self.hidden_size)(input_ids)
        x = FlaxLLaMAAttention(self.hidden_size)(x)
        return nn.Dense(self.vocab_size)(x)
