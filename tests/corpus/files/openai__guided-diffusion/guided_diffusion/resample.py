# Stand-in for openai/guided-diffusion:guided_diffusion/resample.py - hand-written for the osai-scan corpus, not copied.
from abc import ABC, abstractmethod

import numpy as np
import torch as th


def create_named_schedule_sampler(name, diffusion):
    if name == "uniform":
        return UniformSampler(diffusion)
    if name == "loss-second-moment":
        return LossSecondMomentResampler(diffusion)
    raise NotImplementedError(name)


class ScheduleSampler(ABC):
    @abstractmethod
    def weights(self):
        """Per-timestep weights used to draw training timesteps."""

    def sample(self, batch_size, device):
        w = self.weights()
        p = w / np.sum(w)
        idx = np.random.choice(len(p), size=(batch_size,), p=p)
        return th.from_numpy(idx).long().to(device), th.from_numpy(1 / (len(p) * p[idx])).float().to(device)


class UniformSampler(ScheduleSampler):
    def __init__(self, diffusion):
        self._weights = np.ones([diffusion.num_timesteps])

    def weights(self):
        return self._weights


class LossSecondMomentResampler(ScheduleSampler):
    def __init__(self, diffusion, history=10):
        self._loss_history = np.zeros([diffusion.num_timesteps, history])

    def weights(self):
        return np.sqrt(np.mean(self._loss_history ** 2, axis=-1)) + 1e-6

    def update_with_all_losses(self, ts, losses):
        for t, loss in zip(ts, losses):
            self._loss_history[t] = np.roll(self._loss_history[t], -1)
            self._loss_history[t, -1] = loss
