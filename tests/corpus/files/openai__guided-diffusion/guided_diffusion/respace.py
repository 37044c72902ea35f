# Stand-in for openai/guided-diffusion:guided_diffusion/respace.py - hand-written for the osai-scan corpus, not copied.
import numpy as np

from .gaussian_diffusion import GaussianDiffusion


def space_timesteps(num_timesteps, section_counts):
    if isinstance(section_counts, str) and section_counts.startswith("ddim"):
        stride = num_timesteps // int(section_counts[len("ddim"):])
        return set(range(0, num_timesteps, stride))
    return set(np.linspace(0, num_timesteps - 1, int(section_counts)).round().astype(int))


class SpacedDiffusion(GaussianDiffusion):
    def __init__(self, use_timesteps, betas):
        self.use_timesteps = sorted(use_timesteps)
        alphas_cumprod = np.cumprod(1.0 - np.asarray(betas))
        last, new_betas = 1.0, []
        for i in self.use_timesteps:
            new_betas.append(1 - alphas_cumprod[i] / last)
            last = alphas_cumprod[i]
        super().__init__(new_betas)
