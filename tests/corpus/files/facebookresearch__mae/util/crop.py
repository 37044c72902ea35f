# Stand-in for facebookresearch/mae:util/crop.py - hand-written for the osai-scan corpus, not copied.
import math
import random

from torchvision import transforms
from torchvision.transforms import functional as F


class RandomResizedCrop(transforms.RandomResizedCrop):
    """Training augmentation: random crop with a fallback to a centre crop."""

    @staticmethod
    def get_params(img, scale, ratio):
        width, height = F.get_image_size(img)
        area = height * width
        target = area * random.uniform(*scale)
        w = min(width, int(round(math.sqrt(target))))
        h = min(height, int(round(math.sqrt(target))))
        return random.randint(0, height - h), random.randint(0, width - w), h, w
