# Stand-in for ultralytics/yolov5:export.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch

from models.experimental import attempt_load


def export_onnx(model, im, file):
    torch.onnx.export(model, im, file, opset_version=17)


def export_torchscript(model, im, file):
    torch.jit.trace(model, im).save(file)


def run(weights="yolov5s.pt", include=("torchscript", "onnx")):
    model = attempt_load(weights)
    model.eval()
    im = torch.zeros(1, 3, 640, 640)
    if "onnx" in include:
        export_onnx(model, im, weights.replace(".pt", ".onnx"))
    if "torchscript" in include:
        export_torchscript(model, im, weights.replace(".pt", ".torchscript"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", default="yolov5s.pt")
    run(parser.parse_args().weights)
