# Stand-in for ultralytics/yolov5:models/yolo.py - hand-written for the osai-scan corpus, not copied.
import torch.nn as nn

from models.common import C3, Conv


class Detect(nn.Module):
    def __init__(self, nc=80, anchors=(), ch=()):
        super().__init__()
        self.nc = nc
        self.m = nn.ModuleList(nn.Conv2d(x, (nc + 5) * 3, 1) for x in ch)

    def forward(self, x):
        return [m(xi) for m, xi in zip(self.m, x)]


class DetectionModel(nn.Module):
    def __init__(self, cfg="yolov5s.yaml", ch=3, nc=None):
        super().__init__()
        self.backbone = nn.Sequential(Conv(ch, 64, 6, 2), C3(64, 64))
        self.detect = Detect(nc or 80, ch=(64,))

    def forward(self, x):
        return self.detect([self.backbone(x)])


Model = DetectionModel
