# Stand-in for haotian-liu/LLaVA:llava/model/llava_arch.py - hand-written for the osai-scan corpus, not copied.
import torch.nn as nn

from .multimodal_encoder.builder import build_vision_tower
from .multimodal_projector.builder import build_vision_projector


class LlavaMetaModel:
    def __init__(self, config):
        super().__init__(config)
        self.vision_tower = build_vision_tower(config)
        self.mm_projector = build_vision_projector(config)


class LlavaMetaForCausalLM:
    def encode_images(self, images):
        return self.get_model().mm_projector(self.get_model().vision_tower(images))
