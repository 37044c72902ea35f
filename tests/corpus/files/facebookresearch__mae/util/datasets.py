# Stand-in for facebookresearch/mae:util/datasets.py - hand-written for the osai-scan corpus, not copied.
import os

from timm.data import create_transform
from torchvision import datasets, transforms


def build_dataset(is_train, args):
    root = os.path.join(args.data_path, "train" if is_train else "val")
    return datasets.ImageFolder(root, transform=build_transform(is_train, args))


def build_transform(is_train, args):
    if is_train:
        return create_transform(input_size=args.input_size, is_training=True,
                                auto_augment=args.aa, re_prob=args.reprob)
    return transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor()])
