# Stand-in for openai/guided-diffusion:guided_diffusion/unet.py - hand-written for the osai-scan corpus, not copied.
import torch as th
import torch.nn as nn

from .fp16_util import convert_module_to_f16
from .nn import conv_nd, normalization, timestep_embedding, SiLU


class ResBlock(nn.Module):
    def __init__(self, channels, emb_channels):
        super().__init__()
        self.in_layers = nn.Sequential(normalization(channels), SiLU(), conv_nd(2, channels, channels, 3, padding=1))
        self.emb_layers = nn.Linear(emb_channels, channels)

    def forward(self, x, emb):
        return x + self.in_layers(x) + self.emb_layers(emb)[..., None, None]


class UNetModel(nn.Module):
    def __init__(self, image_size, model_channels, num_res_blocks, out_channels=3):
        super().__init__()
        self.model_channels = model_channels
        self.inp = conv_nd(2, 3, model_channels, 3, padding=1)
        self.time_embed = nn.Linear(model_channels, model_channels * 4)
        self.blocks = nn.ModuleList([ResBlock(model_channels, model_channels * 4) for _ in range(num_res_blocks)])
        self.out = conv_nd(2, model_channels, out_channels, 3, padding=1)

    def convert_to_fp16(self):
        self.blocks.apply(convert_module_to_f16)

    def forward(self, x, timesteps, y=None):
        emb = self.time_embed(timestep_embedding(timesteps, self.model_channels))
        h = self.inp(x)
        for block in self.blocks:
            h = block(h, emb)
        return self.out(h)


class EncoderUNetModel(nn.Module):
    def __init__(self, image_size, model_channels, out_channels):
        super().__init__()
        self.model_channels = model_channels
        self.inp = conv_nd(2, 3, model_channels, 3, padding=1)
        self.head = nn.Linear(model_channels, out_channels)

    def forward(self, x, timesteps):
        return self.head(self.inp(x).mean(dim=(2, 3)))
