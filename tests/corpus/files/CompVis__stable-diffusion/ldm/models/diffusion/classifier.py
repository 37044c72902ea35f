# Stand-in for CompVis/stable-diffusion:ldm/models/diffusion/classifier.py - hand-written for the osai-scan corpus, not copied.
"""LightningModule with training_step/configure_optimizers"""
import pytorch_lightning as pl
import torch
from torch import nn


class NoisyClassifier(pl.LightningModule):
    def __init__(self, num_classes=1000, lr=1e-4):
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.LazyLinear(num_classes))
        self.lr = lr

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = nn.functional.cross_entropy(self.net(x), y)
        self.log("train/loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        self.log("val/acc", (self.net(x).argmax(-1) == y).float().mean())

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.lr)
        return [opt], [torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / 1000))]
