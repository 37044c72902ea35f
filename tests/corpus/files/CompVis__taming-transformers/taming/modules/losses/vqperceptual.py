# Stand-in for CompVis/taming-transformers:taming/modules/losses/vqperceptual.py - hand-written for the osai-scan corpus, not copied.
import torch
import torch.nn as nn
import torch.nn.functional as F

from taming.modules.discriminator.model import NLayerDiscriminator
from taming.modules.losses.lpips import LPIPS


def hinge_d_loss(logits_real, logits_fake):
    return 0.5 * (F.relu(1.0 - logits_real).mean() + F.relu(1.0 + logits_fake).mean())


class VQLPIPSWithDiscriminator(nn.Module):
    def __init__(self, disc_start, codebook_weight=1.0, disc_weight=1.0, disc_in_channels=3, disc_conditional=False):
        super().__init__()
        self.perceptual_loss = LPIPS().eval()
        self.discriminator = NLayerDiscriminator(input_nc=disc_in_channels)
        self.discriminator_iter_start = disc_start
        self.codebook_weight = codebook_weight
        self.disc_weight = disc_weight

    def forward(self, codebook_loss, inputs, reconstructions, optimizer_idx, global_step, split="train"):
        rec_loss = torch.abs(inputs - reconstructions) + self.perceptual_loss(inputs, reconstructions)
        disc_factor = 1.0 if global_step >= self.discriminator_iter_start else 0.0
        if optimizer_idx == 0:
            g_loss = -self.discriminator(reconstructions).mean()
            loss = rec_loss.mean() + self.disc_weight * disc_factor * g_loss + self.codebook_weight * codebook_loss.mean()
            return loss, {f"{split}/total_loss": loss.detach()}
        d_loss = disc_factor * hinge_d_loss(self.discriminator(inputs.detach()), self.discriminator(reconstructions.detach()))
        return d_loss, {f"{split}/disc_loss": d_loss.detach()}
