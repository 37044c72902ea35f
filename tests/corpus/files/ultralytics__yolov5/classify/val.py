# Stand-in for ultralytics/yolov5:classify/val.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch


@torch.no_grad()
def run(model=None, dataloader=None, criterion=None):
    model.eval()
    correct, total, loss = 0, 0, 0.0
    for images, labels in dataloader:
        out = model(images)
        if criterion is not None:
            loss += criterion(out, labels).item()
        correct += (out.argmax(1) == labels).sum().item()
        total += labels.numel()
    return correct / max(total, 1), loss


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", default="yolov5s-cls.pt")
    parser.parse_args()
