# Stand-in for facebookresearch/DiT:diffusion/timestep_sampler.py - hand-written for the osai-scan corpus, not copied.
from abc import ABC, abstractmethod

import numpy as np
import torch as th


def create_named_schedule_sampler(name, diffusion):
    if name == "uniform":
        return UniformSampler(diffusion)
    raise NotImplementedError(f"unknown schedule sampler: {name}")


class ScheduleSampler(ABC):
    @abstractmethod
    def weights(self):
        """Weights over timesteps from which training timesteps are drawn."""

    def sample(self, batch_size, device):
        p = self.weights() / np.sum(self.weights())
        idx = np.random.choice(len(p), size=(batch_size,), p=p)
        return th.from_numpy(idx).long().to(device), th.from_numpy(1 / (len(p) * p[idx])).float().to(device)


class UniformSampler(ScheduleSampler):
    def __init__(self, diffusion):
        self._weights = np.ones([diffusion.num_timesteps])

    def weights(self):
        return self._weights
