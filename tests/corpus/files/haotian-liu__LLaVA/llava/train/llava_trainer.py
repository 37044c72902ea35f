# Stand-in for haotian-liu/LLaVA:llava/train/llava_trainer.py - hand-written for the osai-scan corpus, not copied.
import torch
from torch.utils.data import Sampler
from transformers import Trainer


class LengthGroupedSampler(Sampler):
    def __init__(self, batch_size, lengths):
        self.batch_size = batch_size
        self.lengths = lengths

    def __len__(self):
        return len(self.lengths)

    def __iter__(self):
        return iter(sorted(range(len(self.lengths)), key=lambda i: self.lengths[i]))


class LLaVATrainer(Trainer):
    def _get_train_sampler(self):
        return LengthGroupedSampler(self.args.train_batch_size, self.train_dataset.lengths)

    def create_optimizer(self):
        if self.optimizer is None:
            self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=self.args.learning_rate,
                                               weight_decay=self.args.weight_decay)
        return self.optimizer
