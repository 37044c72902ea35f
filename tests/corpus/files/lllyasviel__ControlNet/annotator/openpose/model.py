# Stand-in for lllyasviel/ControlNet:annotator/openpose/model.py - hand-written for the osai-scan corpus, not copied.
# pose-estimation network (body and hand), staged convolutional blocks
from collections import OrderedDict

import torch
import torch.nn as nn


def make_layers(block):
    layers = []
    for name, (cin, cout, k) in block.items():
        layers += [(name, nn.Conv2d(cin, cout, k, padding=k // 2)), (name + "_relu", nn.ReLU(inplace=True))]
    return nn.Sequential(OrderedDict(layers))


class bodypose_model(nn.Module):
    def __init__(self):
        super().__init__()
        self.model0 = make_layers({"conv1_1": (3, 64, 3), "conv1_2": (64, 128, 3)})
        self.paf = nn.Conv2d(128, 38, 1)
        self.heatmap = nn.Conv2d(128, 19, 1)

    def forward(self, x):
        features = self.model0(x)
        return self.paf(features), self.heatmap(features)
