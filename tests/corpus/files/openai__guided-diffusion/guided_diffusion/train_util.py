# Stand-in for openai/guided-diffusion:guided_diffusion/train_util.py - hand-written for the osai-scan corpus, not copied.
import copy
import os

import torch as th
from torch.optim import AdamW

from . import dist_util, logger
from .fp16_util import MixedPrecisionTrainer
from .resample import UniformSampler


class TrainLoop:
    def __init__(self, *, model, diffusion, data, batch_size, lr, ema_rate=0.9999,
                 log_interval=10, save_interval=10000, use_fp16=False, weight_decay=0.0):
        self.model, self.diffusion, self.data = model, diffusion, data
        self.mp_trainer = MixedPrecisionTrainer(model=model, use_fp16=use_fp16)
        self.opt = AdamW(self.mp_trainer.master_params, lr=lr, weight_decay=weight_decay)
        self.ema = copy.deepcopy(model)
        self.ema_rate = ema_rate
        self.schedule_sampler = UniformSampler(diffusion)
        self.save_interval = save_interval
        self.step = 0

    def run_loop(self):
        while True:
            batch, cond = next(self.data)
            self.run_step(batch, cond)
            if self.step % self.save_interval == 0:
                self.save()
            self.step += 1

    def run_step(self, batch, cond):
        self.mp_trainer.zero_grad()
        t, weights = self.schedule_sampler.sample(batch.shape[0], dist_util.dev())
        losses = self.diffusion.training_losses(self.model, batch.to(dist_util.dev()), t, model_kwargs=cond)
        loss = (losses["loss"] * weights).mean()
        self.mp_trainer.backward(loss)
        self.mp_trainer.optimize(self.opt)
        with th.no_grad():
            for p_ema, p in zip(self.ema.parameters(), self.model.parameters()):
                p_ema.mul_(self.ema_rate).add_(p, alpha=1 - self.ema_rate)

    def save(self):
        th.save(self.model.state_dict(), os.path.join(logger.get_dir(), f"model{self.step:06d}.pt"))
        th.save(self.opt.state_dict(), os.path.join(logger.get_dir(), f"opt{self.step:06d}.pt"))
