# Stand-in for Vision-CAIR/MiniGPT-4:minigpt4/models/minigpt4.py - hand-written for the osai-scan corpus, not copied.
import torch
import torch.nn as nn

from minigpt4.common.registry import registry


@registry.register_model("minigpt4")
class MiniGPT4(nn.Module):
    def __init__(self, vision_width=1408, llm_width=4096, num_query_token=32):
        super().__init__()
        self.query_tokens = nn.Parameter(torch.zeros(1, num_query_token, vision_width))
        self.llama_proj = nn.Linear(vision_width, llm_width)

    def encode_img(self, image):
        return self.llama_proj(self.query_tokens.expand(image.shape[0], -1, -1))

    def forward(self, samples):
        return {"embeds": self.encode_img(samples["image"])}

    @classmethod
    def from_config(cls, cfg):
        return cls(num_query_token=cfg.get("num_query_token", 32))
