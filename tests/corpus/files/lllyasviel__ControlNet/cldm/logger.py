# Stand-in for lllyasviel/ControlNet:cldm/logger.py - hand-written for the osai-scan corpus, not copied.
# Lightning callback: saves sample grids every N training batches
import os

import torchvision
from pytorch_lightning.callbacks import Callback


class ImageLogger(Callback):
    def __init__(self, batch_frequency=2000, max_images=4):
        super().__init__()
        self.batch_freq = batch_frequency
        self.max_images = max_images

    def log_img(self, pl_module, batch, batch_idx, split="train"):
        images = pl_module.log_images(batch, N=self.max_images)
        for k, v in images.items():
            path = os.path.join(pl_module.logger.save_dir, "image_log", split, f"{k}_{pl_module.global_step:06}.png")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            torchvision.utils.save_image(v, path)

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx):
        if batch_idx % self.batch_freq == 0:
            self.log_img(pl_module, batch, batch_idx, split="train")
