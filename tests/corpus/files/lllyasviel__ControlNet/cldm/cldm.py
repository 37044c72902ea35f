# Stand-in for lllyasviel/ControlNet:cldm/cldm.py - hand-written for the osai-scan corpus, not copied.
# control branch and the controlled latent diffusion model
import torch
import torch.nn as nn

from ldm.models.diffusion.ddpm import LatentDiffusion
from ldm.modules.diffusionmodules.openaimodel import UNetModel


class ControlledUnetModel(UNetModel):
    def forward(self, x, timesteps=None, context=None, control=None, **kwargs):
        return super().forward(x, timesteps, context)


class ControlNet(nn.Module):
    def __init__(self, in_channels=4, hint_channels=3, model_channels=320):
        super().__init__()
        self.input_hint_block = nn.Sequential(nn.Conv2d(hint_channels, 16, 3, padding=1), nn.SiLU(),
                                              nn.Conv2d(16, model_channels, 3, padding=1))
        self.zero_conv = nn.Conv2d(model_channels, model_channels, 1)

    def forward(self, x, hint, timesteps, context):
        return [self.zero_conv(self.input_hint_block(hint))]


class ControlLDM(LatentDiffusion):
    def apply_model(self, x_noisy, t, cond, *args, **kwargs):
        control = self.control_model(x_noisy, cond["c_concat"], t, cond["c_crossattn"])
        return self.model.diffusion_model(x_noisy, t, cond["c_crossattn"], control=control)

    @torch.no_grad()
    def log_images(self, batch, N=4, ddim_steps=50):
        return {"samples": self.sample_log(batch, N, ddim_steps)}

    def configure_optimizers(self):
        return torch.optim.AdamW(list(self.control_model.parameters()), lr=self.learning_rate)
