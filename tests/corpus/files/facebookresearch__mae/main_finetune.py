# Stand-in for facebookresearch/mae:main_finetune.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch

import models_vit
import util.lr_decay as lrd
import util.misc as misc
from engine_finetune import train_one_epoch, evaluate
from util.datasets import build_dataset
from util.pos_embed import interpolate_pos_embed


def get_args_parser():
    parser = argparse.ArgumentParser("MAE fine-tuning", add_help=False)
    parser.add_argument("--batch_size", default=64, type=int)
    parser.add_argument("--epochs", default=50, type=int)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--finetune", default="")
    parser.add_argument("--eval", action="store_true")
    return parser


def main(args):
    dataset_train = build_dataset(is_train=True, args=args)
    dataset_val = build_dataset(is_train=False, args=args)
    model = models_vit.vit_base_patch16(num_classes=1000)
    if args.finetune:
        checkpoint = torch.load(args.finetune, map_location="cpu")["model"]
        interpolate_pos_embed(model, checkpoint)
        model.load_state_dict(checkpoint, strict=False)
    optimizer = torch.optim.AdamW(lrd.param_groups_lrd(model), lr=args.lr)
    loader = torch.utils.data.DataLoader(dataset_train, batch_size=args.batch_size, shuffle=True)
    val_loader = torch.utils.data.DataLoader(dataset_val, batch_size=args.batch_size)
    criterion = torch.nn.CrossEntropyLoss()
    scaler = misc.NativeScalerWithGradNormCount()
    for epoch in range(args.epochs):
        train_one_epoch(model, criterion, loader, optimizer, "cuda", epoch, scaler, args)
        misc.save_model(args, epoch, model, model, optimizer, scaler)
        evaluate(val_loader, model, "cuda")


if __name__ == "__main__":
    main(get_args_parser().parse_args())
