# Stand-in for facebookresearch/mae:main_pretrain.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch
import torchvision.datasets as datasets
import torchvision.transforms as transforms

import models_mae
import util.misc as misc
from engine_pretrain import train_one_epoch


def main(args):
    transform = transforms.Compose([transforms.RandomResizedCrop(224), transforms.ToTensor()])
    dataset_train = datasets.ImageFolder(args.data_path + "/train", transform=transform)
    loader = torch.utils.data.DataLoader(dataset_train, batch_size=args.batch_size, shuffle=True)
    model = models_mae.mae_vit_large_patch16_dec512d8b(norm_pix_loss=True)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.95))
    scaler = misc.NativeScalerWithGradNormCount()
    for epoch in range(args.epochs):
        train_one_epoch(model, loader, optimizer, "cuda", epoch, scaler, args)
        misc.save_model(args, epoch, model, model, optimizer, scaler)


if __name__ == "__main__":
    parser = argparse.ArgumentParser("MAE pre-training")
    parser.add_argument("--data_path", default="/datasets01/imagenet_full_size/061417/")
    parser.add_argument("--batch_size", default=64, type=int)
    parser.add_argument("--epochs", default=400, type=int)
    parser.add_argument("--lr", default=1.5e-4, type=float)
    parser.add_argument("--mask_ratio", default=0.75, type=float)
    main(parser.parse_args())
