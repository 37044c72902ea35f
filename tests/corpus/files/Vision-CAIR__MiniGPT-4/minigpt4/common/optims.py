# Stand-in for Vision-CAIR/MiniGPT-4:minigpt4/common/optims.py - hand-written for the osai-scan corpus, not copied.
import math


class LinearWarmupCosineLRScheduler:
    def __init__(self, optimizer, max_epoch, min_lr, init_lr, warmup_steps=0, warmup_start_lr=-1):
        self.optimizer = optimizer
        self.max_epoch, self.min_lr, self.init_lr = max_epoch, min_lr, init_lr
        self.warmup_steps, self.warmup_start_lr = warmup_steps, warmup_start_lr

    def step(self, cur_epoch, cur_step):
        if cur_step < self.warmup_steps:
            lr = self.warmup_start_lr + (self.init_lr - self.warmup_start_lr) * cur_step / max(self.warmup_steps, 1)
        else:
            lr = self.min_lr + (self.init_lr - self.min_lr) * 0.5 * (1.0 + math.cos(math.pi * cur_epoch / self.max_epoch))
        for group in self.optimizer.param_groups:
            group["lr"] = lr
