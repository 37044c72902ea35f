# Stand-in for openai/guided-diffusion:guided_diffusion/image_datasets.py - hand-written for the osai-scan corpus, not copied.
import random

import blobfile as bf
import numpy as np
from PIL import Image
from torch.utils.data import DataLoader, Dataset


def load_data(*, data_dir, batch_size, image_size, class_cond=False, deterministic=False,
              random_crop=False, random_flip=True):
    files = [bf.join(data_dir, f) for f in sorted(bf.listdir(data_dir))]
    dataset = ImageDataset(image_size, files, random_flip=random_flip)
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=not deterministic, drop_last=True)
    while True:
        yield from loader


class ImageDataset(Dataset):
    def __init__(self, resolution, image_paths, random_flip=True):
        self.resolution = resolution
        self.paths = image_paths
        self.random_flip = random_flip

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, idx):
        arr = np.array(Image.open(self.paths[idx]).convert("RGB").resize((self.resolution, self.resolution)))
        if self.random_flip and random.random() < 0.5:
            arr = arr[:, ::-1]
        arr = arr.astype(np.float32) / 127.5 - 1
        return np.transpose(arr, [2, 0, 1]), {}
