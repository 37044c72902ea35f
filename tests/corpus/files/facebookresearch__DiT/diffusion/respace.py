# Stand-in for facebookresearch/DiT:diffusion/respace.py - hand-written for the osai-scan corpus, not copied.
import numpy as np

from .gaussian_diffusion import GaussianDiffusion


def space_timesteps(num_timesteps, section_counts):
    if isinstance(section_counts, str):
        section_counts = [int(x) for x in section_counts.split(",")]
    return set(np.linspace(0, num_timesteps - 1, section_counts[0]).round().astype(int))


class SpacedDiffusion(GaussianDiffusion):
    def __init__(self, use_timesteps, **kwargs):
        self.use_timesteps = sorted(use_timesteps)
        alphas_cumprod = np.cumprod(1.0 - np.asarray(kwargs["betas"]))
        last, new_betas = 1.0, []
        for i in self.use_timesteps:
            new_betas.append(1 - alphas_cumprod[i] / last)
            last = alphas_cumprod[i]
        kwargs["betas"] = np.array(new_betas)
        super().__init__(**kwargs)
