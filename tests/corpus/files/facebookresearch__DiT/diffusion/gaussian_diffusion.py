# Stand-in for facebookresearch/DiT:diffusion/gaussian_diffusion.py - hand-written for the osai-scan corpus, not copied.
import enum

import numpy as np
import torch as th

from .diffusion_utils import normal_kl, discretized_gaussian_log_likelihood


class LossType(enum.Enum):
    MSE = enum.auto()
    RESCALED_MSE = enum.auto()


def get_named_beta_schedule(schedule_name, num_diffusion_timesteps):
    scale = 1000 / num_diffusion_timesteps
    return np.linspace(scale * 0.0001, scale * 0.02, num_diffusion_timesteps, dtype=np.float64)


class GaussianDiffusion:
    def __init__(self, *, betas, loss_type=LossType.MSE):
        self.betas = betas
        self.num_timesteps = len(betas)
        self.alphas_cumprod = np.cumprod(1.0 - betas)
        self.loss_type = loss_type

    def q_sample(self, x_start, t, noise):
        a = th.tensor(self.alphas_cumprod, device=x_start.device)[t].float().view(-1, 1, 1, 1)
        return a.sqrt() * x_start + (1 - a).sqrt() * noise

    def p_sample_loop(self, model, shape, noise=None, clip_denoised=True, model_kwargs=None, device=None, progress=False):
        x = noise if noise is not None else th.randn(*shape, device=device)
        for i in reversed(range(self.num_timesteps)):
            t = th.tensor([i] * shape[0], device=device)
            with th.no_grad():
                eps = model(x, t, **(model_kwargs or {}))[:, : x.shape[1]]
            x = x - eps / self.num_timesteps
        return x

    def training_losses(self, model, x_start, t, model_kwargs=None):
        noise = th.randn_like(x_start)
        out = model(self.q_sample(x_start, t, noise), t, **(model_kwargs or {}))[:, : x_start.shape[1]]
        return {"loss": ((out - noise) ** 2).mean(dim=(1, 2, 3))}
