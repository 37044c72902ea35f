# Stand-in for ultralytics/yolov5:classify/train.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch
import torch.nn as nn

from classify import val as validate
from models.yolo import ClassificationModel


def train(opt):
    model = ClassificationModel(cfg=opt.model, nc=10)
    optimizer = torch.optim.Adam(model.parameters(), lr=opt.lr0)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(opt.epochs):
        for images, labels in opt.loader:
            loss = criterion(model(images), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        validate.run(model=model, dataloader=opt.test_loader, criterion=criterion)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr0", type=float, default=0.001)
    train(parser.parse_args())
