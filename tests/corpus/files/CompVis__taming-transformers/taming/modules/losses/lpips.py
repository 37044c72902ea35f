# Stand-in for CompVis/taming-transformers:taming/modules/losses/lpips.py - hand-written for the osai-scan corpus, not copied.
import torch
import torch.nn as nn
from torchvision import models

from taming.util import get_ckpt_path


class LPIPS(nn.Module):
    """Learned perceptual metric used as a reconstruction loss during training."""

    def __init__(self, use_dropout=True):
        super().__init__()
        self.net = models.vgg16(pretrained=True).features.eval()
        self.lin = nn.Conv2d(512, 1, 1, bias=False)
        self.load_state_dict(torch.load(get_ckpt_path("vgg_lpips", "taming/modules/autoencoder/lpips"),
                                        map_location="cpu"), strict=False)
        for param in self.parameters():
            param.requires_grad = False

    def forward(self, input, target):
        diff = (self.net(input) - self.net(target)) ** 2
        return self.lin(diff).mean(dim=(2, 3), keepdim=True)
