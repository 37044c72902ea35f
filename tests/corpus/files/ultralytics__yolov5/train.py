# Stand-in for ultralytics/yolov5:train.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch

import val as validate
from models.yolo import Model
from utils.autoanchor import check_anchors
from utils.dataloaders import create_dataloader
from utils.loss import ComputeLoss


def train(hyp, opt):
    model = Model(opt.cfg, nc=80)
    optimizer = torch.optim.SGD(model.parameters(), lr=hyp["lr0"], momentum=hyp["momentum"])
    loader, dataset = create_dataloader(opt.data, opt.imgsz, opt.batch_size)
    check_anchors(dataset, model)
    compute_loss = ComputeLoss(model)
    for epoch in range(opt.epochs):
        model.train()
        for imgs, targets in loader:
            loss, _ = compute_loss(model(imgs), targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        validate.run(data=opt.data, model=model, compute_loss=compute_loss)
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict()}, "last.pt")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=16)
    train({"lr0": 0.01, "momentum": 0.937}, parser.parse_args())
