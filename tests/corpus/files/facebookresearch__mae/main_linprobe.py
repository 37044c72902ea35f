# Stand-in for facebookresearch/mae:main_linprobe.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch
import torchvision.datasets as datasets
import torchvision.transforms as transforms

import models_vit
import util.misc as misc
from engine_finetune import train_one_epoch, evaluate
from util.crop import RandomResizedCrop
from util.lars import LARS


def main(args):
    transform = transforms.Compose([RandomResizedCrop(224), transforms.ToTensor()])
    dataset_train = datasets.ImageFolder(args.data_path + "/train", transform=transform)
    model = models_vit.vit_base_patch16(num_classes=1000)
    for name, p in model.named_parameters():
        p.requires_grad = name.startswith("head")
    optimizer = LARS(model.head.parameters(), lr=args.lr, weight_decay=0.0)
    loader = torch.utils.data.DataLoader(dataset_train, batch_size=args.batch_size, shuffle=True)
    scaler = misc.NativeScalerWithGradNormCount()
    for epoch in range(args.epochs):
        train_one_epoch(model, torch.nn.CrossEntropyLoss(), loader, optimizer, "cuda", epoch, scaler, args)


if __name__ == "__main__":
    parser = argparse.ArgumentParser("MAE linear probing")
    parser.add_argument("--data_path", default="/datasets01/imagenet_full_size/061417/")
    parser.add_argument("--batch_size", default=512, type=int)
    parser.add_argument("--epochs", default=90, type=int)
    parser.add_argument("--lr", default=0.1, type=float)
    main(parser.parse_args())
