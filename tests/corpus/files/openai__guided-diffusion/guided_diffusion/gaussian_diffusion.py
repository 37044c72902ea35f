# Stand-in for openai/guided-diffusion:guided_diffusion/gaussian_diffusion.py - hand-written for the osai-scan corpus, not copied.
import numpy as np
import torch as th

from .losses import normal_kl, discretized_gaussian_log_likelihood


class GaussianDiffusion:
    def __init__(self, betas):
        self.betas = np.asarray(betas, dtype=np.float64)
        self.num_timesteps = len(betas)
        self.alphas_cumprod = np.cumprod(1.0 - self.betas)

    def q_sample(self, x_start, t, noise):
        a = th.tensor(self.alphas_cumprod, device=x_start.device)[t].float().view(-1, 1, 1, 1)
        return a.sqrt() * x_start + (1 - a).sqrt() * noise

    def p_sample(self, model, x, t, cond_fn=None, model_kwargs=None):
        eps = model(x, t, **(model_kwargs or {}))
        return {"sample": x - eps / self.num_timesteps}

    def p_sample_loop(self, model, shape, cond_fn=None, model_kwargs=None, device=None):
        x = th.randn(*shape, device=device)
        for i in reversed(range(self.num_timesteps)):
            t = th.tensor([i] * shape[0], device=device)
            x = self.p_sample(model, x, t, cond_fn=cond_fn, model_kwargs=model_kwargs)["sample"]
        return x

    ddim_sample_loop = p_sample_loop

    def calc_bpd_loop(self, model, x_start):
        t = th.zeros(x_start.shape[0], dtype=th.long, device=x_start.device)
        eps = model(self.q_sample(x_start, t, th.randn_like(x_start)), t)
        nll = -discretized_gaussian_log_likelihood(x_start, means=x_start - eps, log_scales=th.zeros_like(x_start))
        return {"total_bpd": nll.mean(dim=(1, 2, 3)) / np.log(2.0)}

    def training_losses(self, model, x_start, t, model_kwargs=None):
        noise = th.randn_like(x_start)
        x_t = self.q_sample(x_start, t, noise)
        return {"loss": ((model(x_t, t, **(model_kwargs or {})) - noise) ** 2).mean(dim=(1, 2, 3))}
