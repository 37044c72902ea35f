# Stand-in for facebookresearch/mae:models_vit.py - hand-written for the osai-scan corpus, not copied.
from functools import partial

import torch.nn as nn
import timm.models.vision_transformer


class VisionTransformer(timm.models.vision_transformer.VisionTransformer):
    def __init__(self, global_pool=False, **kwargs):
        super().__init__(**kwargs)
        self.global_pool = global_pool

    def forward_features(self, x):
        x = self.patch_embed(x)
        for blk in self.blocks:
            x = blk(x)
        return x.mean(dim=1) if self.global_pool else x[:, 0]


def vit_base_patch16(**kwargs):
    return VisionTransformer(patch_size=16, embed_dim=768, depth=12, num_heads=12,
                             norm_layer=partial(nn.LayerNorm, eps=1e-6), **kwargs)
