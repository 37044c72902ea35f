# Stand-in for ultralytics/yolov5:detect.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch

from models.common import DetectMultiBackend
from utils.dataloaders import LoadImages


@torch.no_grad()
def run(weights="yolov5s.pt", source="data/images"):
    model = DetectMultiBackend(weights)
    for path, im in LoadImages(source):
        pred = model(torch.from_numpy(im)[None])
        print(path, pred.shape)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", default="yolov5s.pt")
    parser.add_argument("--source", default="data/images")
    opt = parser.parse_args()
    run(opt.weights, opt.source)
