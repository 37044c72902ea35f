# Stand-in for timothybrooks/instruct-pix2pix:main.py - hand-written for the osai-scan corpus, not copied.
# Lightning entry point: model, data module and trainer from the configs, then trainer.fit
import argparse

import pytorch_lightning as pl
from omegaconf import OmegaConf
from pytorch_lightning.trainer import Trainer

from ldm.util import instantiate_from_config


class DataModuleFromConfig(pl.LightningDataModule):
    def __init__(self, batch_size, train=None, validation=None, num_workers=0, **kwargs):
        super().__init__()
        self.batch_size = batch_size
        self.configs = {"train": train, "validation": validation}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", nargs="*", default=["configs/train.yaml"])
    parser.add_argument("--train", action="store_true")
    opt, unknown = parser.parse_known_args()
    config = OmegaConf.merge(*[OmegaConf.load(c) for c in opt.base])
    model = instantiate_from_config(config.model)
    model.learning_rate = config.model.base_learning_rate
    data = instantiate_from_config(config.data)
    trainer = Trainer(**config.lightning.get("trainer", {}))
    if opt.train:
        trainer.fit(model, data)


if __name__ == "__main__":
    main()
