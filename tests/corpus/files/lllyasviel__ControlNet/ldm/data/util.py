# Stand-in for lllyasviel/ControlNet:ldm/data/util.py - hand-written for the osai-scan corpus, not copied.
# sample transform of the data pipeline: adds the depth model's input image to each dataset sample
import torch

from ldm.modules.midas.api import load_midas_transform


class AddMiDaS(object):
    def __init__(self, model_type):
        self.transform = load_midas_transform(model_type)

    def __call__(self, sample):
        x = ((sample["jpg"] + 1.0) * 0.5).detach().cpu().numpy()
        sample["midas_in"] = self.transform({"image": x})["image"]
        return sample
