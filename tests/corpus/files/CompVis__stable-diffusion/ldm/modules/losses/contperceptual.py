# Stand-in for CompVis/stable-diffusion:ldm/modules/losses/contperceptual.py - hand-written for the osai-scan corpus, not copied.
"""perceptual + adversarial training loss"""
import torch
from torch import nn


class PerceptualWithDiscriminator(nn.Module):
    def __init__(self, perceptual, discriminator, disc_weight=0.5, kl_weight=1e-6):
        super().__init__()
        self.perceptual, self.discriminator = perceptual, discriminator
        self.disc_weight, self.kl_weight = disc_weight, kl_weight

    def forward(self, inputs, recon, posterior, optimizer_idx):
        if optimizer_idx == 0:   # generator update
            rec = (inputs - recon).abs().mean() + self.perceptual(inputs, recon).mean()
            g_loss = -self.discriminator(recon).mean()
            return rec + self.kl_weight * posterior.kl().mean() + self.disc_weight * g_loss
        real, fake = self.discriminator(inputs.detach()), self.discriminator(recon.detach())
        return torch.relu(1 - real).mean() + torch.relu(1 + fake).mean()   # discriminator update
