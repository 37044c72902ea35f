# Stand-in for haotian-liu/LLaVA:llava/model/language_model/llava_llama.py - hand-written for the osai-scan corpus, not copied.
import torch
from transformers import LlamaConfig, LlamaModel, LlamaForCausalLM

from ..llava_arch import LlavaMetaModel, LlavaMetaForCausalLM


class LlavaConfig(LlamaConfig):
    model_type = "llava_llama"


class LlavaLlamaModel(LlavaMetaModel, LlamaModel):
    config_class = LlavaConfig


class LlavaLlamaForCausalLM(LlamaForCausalLM, LlavaMetaForCausalLM):
    config_class = LlavaConfig

    def __init__(self, config):
        super().__init__(config)
        self.model = LlavaLlamaModel(config)
        self.lm_head = torch.nn.Linear(config.hidden_size, config.vocab_size, bias=False)

    @torch.no_grad()
    def generate(self, inputs=None, images=None, **kwargs):
        return super().generate(inputs=inputs, **kwargs)
