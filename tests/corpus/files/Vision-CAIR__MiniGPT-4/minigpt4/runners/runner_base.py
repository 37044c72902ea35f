# Stand-in for Vision-CAIR/MiniGPT-4:minigpt4/runners/runner_base.py - hand-written for the osai-scan corpus, not copied.
import torch

from minigpt4.common.optims import LinearWarmupCosineLRScheduler


class RunnerBase:
    def __init__(self, cfg, task, model, datasets, job_id):
        self.config, self.task, self._model, self.datasets = cfg, task, model, datasets
        self.optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.run_cfg.init_lr, weight_decay=0.05)
        self.lr_scheduler = LinearWarmupCosineLRScheduler(self.optimizer, cfg.run_cfg.max_epoch, 1e-5, cfg.run_cfg.init_lr)
        self.scaler = torch.cuda.amp.GradScaler()

    def train_epoch(self, epoch):
        self._model.train()
        for step, samples in enumerate(self.datasets["train"]):
            self.lr_scheduler.step(epoch, step)
            with torch.cuda.amp.autocast():
                loss = self.task.train_step(self._model, samples)
            self.scaler.scale(loss).backward()
            self.scaler.step(self.optimizer)
            self.scaler.update()
            self.optimizer.zero_grad()

    def train(self):
        for epoch in range(self.config.run_cfg.max_epoch):
            self.train_epoch(epoch)
            torch.save({"model": self._model.state_dict(), "optimizer": self.optimizer.state_dict()}, f"checkpoint_{epoch}.pth")
