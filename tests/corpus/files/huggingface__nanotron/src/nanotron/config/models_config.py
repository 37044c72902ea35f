# Stand-in for huggingface/nanotron:src/nanotron/config/models_config.py - hand-written for the osai-scan corpus, not copied.
import dataclasses
from typing import Optional


@dataclasses.dataclass
class RandomInit:
    std: float = 0.02


@dataclasses.dataclass
class LlamaConfig:
    hidden_size: int = 4096
    intermediate_size: int = 11008
    num_attention_heads: int = 32
    num_hidden_layers: int = 32
    num_key_value_heads: Optional[int] = None
    rms_norm_eps: float = 1e-6
    rope_theta: float = 10000.0
    vocab_size: int = 32000
    tie_word_embeddings: bool = False
