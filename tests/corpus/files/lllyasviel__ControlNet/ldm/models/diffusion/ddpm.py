# Stand-in for lllyasviel/ControlNet:ldm/models/diffusion/ddpm.py - hand-written for the osai-scan corpus, not copied.
# latent diffusion model (LightningModule): noise schedule, UNet wrapper, sampling; the Lightning training hooks live on the model class
import pytorch_lightning as pl
import torch
import torch.nn as nn

from ldm.util import instantiate_from_config


class DDPM(pl.LightningModule):
    def __init__(self, unet_config, timesteps=1000, linear_start=1e-4, linear_end=2e-2):
        super().__init__()
        self.model = DiffusionWrapper(unet_config)
        self.first_stage_key = "jpg"
        self.learning_rate = 1e-4
        self.register_buffer("betas", torch.linspace(linear_start, linear_end, timesteps))

    @torch.no_grad()
    def p_sample(self, x, t):
        return x - self.betas[t] * self.model(x, t)

    def shared_step(self, batch):
        x = batch[self.first_stage_key]
        t = torch.randint(0, self.betas.shape[0], (x.shape[0],), device=x.device)
        noise = torch.randn_like(x)
        return torch.nn.functional.mse_loss(self.model(x + noise, t, batch.get("cond")), noise)

    def training_step(self, batch, batch_idx):
        loss = self.shared_step(batch)
        self.log("train/loss", loss)
        return loss

    @torch.no_grad()
    def validation_step(self, batch, batch_idx):
        self.log("val/loss", self.shared_step(batch))

    def configure_optimizers(self):
        return torch.optim.AdamW(self.model.parameters(), lr=self.learning_rate)


class LatentDiffusion(DDPM):
    def __init__(self, first_stage_config, cond_stage_config, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.first_stage_model = instantiate_from_config(first_stage_config)
        self.cond_stage_model = instantiate_from_config(cond_stage_config)

    @torch.no_grad()
    def decode_first_stage(self, z):
        return self.first_stage_model.decode(z)


class DiffusionWrapper(nn.Module):
    def __init__(self, diff_model_config):
        super().__init__()
        self.diffusion_model = instantiate_from_config(diff_model_config)

    def forward(self, x, t, c_crossattn=None):
        return self.diffusion_model(x, t, context=c_crossattn)
