# Stand-in for ultralytics/yolov5:val.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch

from models.common import DetectMultiBackend
from utils.dataloaders import create_dataloader
from utils.metrics import ap_per_class


@torch.no_grad()
def run(data, weights=None, model=None, batch_size=32, compute_loss=None):
    if model is None:
        model = DetectMultiBackend(weights)
    model.eval()
    loader, _ = create_dataloader(data, 640, batch_size)
    stats = []
    for imgs, targets in loader:
        preds = model(imgs)
        stats.append((preds, targets))
    return ap_per_class(stats)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", default="yolov5s.pt")
    parser.add_argument("--data", default="data/coco128.yaml")
    opt = parser.parse_args()
    run(opt.data, opt.weights)
