# Stand-in for CompVis/taming-transformers:main.py - hand-written for the osai-scan corpus, not copied.
import argparse
import importlib

import pytorch_lightning as pl
from omegaconf import OmegaConf
from torch.utils.data import DataLoader


def get_obj_from_str(string):
    module, cls = string.rsplit(".", 1)
    return getattr(importlib.import_module(module), cls)


def instantiate_from_config(config):
    return get_obj_from_str(config["target"])(**config.get("params", dict()))


class DataModuleFromConfig(pl.LightningDataModule):
    def __init__(self, batch_size, train=None, validation=None, num_workers=None):
        super().__init__()
        self.batch_size = batch_size
        self.configs = {"train": train, "validation": validation}

    def setup(self, stage=None):
        self.datasets = {k: instantiate_from_config(c) for k, c in self.configs.items() if c is not None}

    def train_dataloader(self):
        return DataLoader(self.datasets["train"], batch_size=self.batch_size, shuffle=True)

    def val_dataloader(self):
        return DataLoader(self.datasets["validation"], batch_size=self.batch_size)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-b", "--base", nargs="*", default=[])
    parser.add_argument("-t", "--train", type=bool, default=False)
    opt, unknown = parser.parse_known_args()
    config = OmegaConf.merge(*[OmegaConf.load(c) for c in opt.base])
    model = instantiate_from_config(config.model)
    model.learning_rate = config.model.base_learning_rate * config.data.params.batch_size
    data = instantiate_from_config(config.data)
    trainer = pl.Trainer(max_epochs=1000)
    if opt.train:
        trainer.fit(model, data)
