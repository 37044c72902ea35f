# Stand-in for facebookresearch/ImageBind:imagebind/models/helpers.py - hand-written for the osai-scan corpus, not copied.
import torch
import torch.nn as nn


class Normalize(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        return torch.nn.functional.normalize(x, dim=self.dim, p=2)


class LearnableLogitScaling(nn.Module):
    def __init__(self, init=14.28):
        super().__init__()
        self.log_logit_scale = nn.Parameter(torch.ones([]) * init)

    def forward(self, x):
        return self.log_logit_scale.exp() * x
