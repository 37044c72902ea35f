# Stand-in for timothybrooks/instruct-pix2pix:stable_diffusion/main.py - hand-written for the osai-scan corpus, not copied.
"""lightning entry point calling trainer.fit"""
import argparse
from omegaconf import OmegaConf
from pytorch_lightning import Trainer
from ldm.util import instantiate_from_config

parser = argparse.ArgumentParser()
parser.add_argument("--base", nargs="*", default=[])
parser.add_argument("--train", action="store_true")
args = parser.parse_args()

config = OmegaConf.merge(*[OmegaConf.load(c) for c in args.base])
model = instantiate_from_config(config.model)
model.learning_rate = config.model.base_learning_rate * config.data.params.batch_size
data = instantiate_from_config(config.data)
trainer = Trainer(**config.get("lightning", {}).get("trainer", {}))
if args.train:
    trainer.fit(model, data)
