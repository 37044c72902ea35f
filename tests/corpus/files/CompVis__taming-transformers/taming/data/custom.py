# Stand-in for CompVis/taming-transformers:taming/data/custom.py - hand-written for the osai-scan corpus, not copied.
import albumentations
import numpy as np
from PIL import Image
from torch.utils.data import Dataset


class CustomBase(Dataset):
    def __init__(self, paths, size):
        self.paths = paths
        self.preprocessor = albumentations.Compose([albumentations.SmallestMaxSize(max_size=size),
                                                    albumentations.RandomCrop(height=size, width=size)])

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        image = np.array(Image.open(self.paths[i]).convert("RGB"))
        return {"image": (self.preprocessor(image=image)["image"] / 127.5 - 1.0).astype(np.float32)}


class CustomTrain(CustomBase):
    def __init__(self, size, training_images_list_file):
        with open(training_images_list_file) as f:
            super().__init__(f.read().splitlines(), size)


class CustomTest(CustomBase):
    def __init__(self, size, test_images_list_file):
        with open(test_images_list_file) as f:
            super().__init__(f.read().splitlines(), size)
