# Stand-in for ultralytics/yolov5:benchmarks.py - hand-written for the osai-scan corpus, not copied.
import argparse
import time

import export
from val import run as val_det

FORMATS = ["torchscript", "onnx", "openvino", "engine", "tflite"]


def run(weights="yolov5s.pt", data="data/coco128.yaml"):
    rows = []
    for fmt in FORMATS:
        exported = export.run(weights=weights, include=[fmt])
        start = time.time()
        metrics = val_det(data, weights=exported)
        rows.append((fmt, metrics, time.time() - start))
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", default="yolov5s.pt")
    print(run(parser.parse_args().weights))
