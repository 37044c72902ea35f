# Stand-in for ultralytics/yolov5:utils/loss.py - hand-written for the osai-scan corpus, not copied.
import torch
import torch.nn as nn


class FocalLoss(nn.Module):
    def __init__(self, loss_fcn, gamma=1.5):
        super().__init__()
        self.loss_fcn = loss_fcn
        self.gamma = gamma

    def forward(self, pred, true):
        loss = self.loss_fcn(pred, true)
        p = torch.sigmoid(pred)
        return (loss * (1.0 - p) ** self.gamma).mean()


class ComputeLoss:
    """Box, objectness and class loss of a training batch."""

    def __init__(self, model):
        self.bce = nn.BCEWithLogitsLoss()

    def __call__(self, preds, targets):
        lbox = lobj = lcls = torch.zeros(1)
        for p in preds:
            lobj = lobj + self.bce(p[..., 4], torch.zeros_like(p[..., 4]))
        return lbox + lobj + lcls, torch.cat((lbox, lobj, lcls))
