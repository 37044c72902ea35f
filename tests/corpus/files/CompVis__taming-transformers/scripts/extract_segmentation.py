# Stand-in for CompVis/taming-transformers:scripts/extract_segmentation.py - hand-written for the osai-scan corpus, not copied.
import os
import sys

import numpy as np
import torch
import torch.nn as nn
from PIL import Image
from tqdm import tqdm

CKPT_PATH = "deeplabv2_resnet101_msc-cocostuff164k-100000.pth"


class COCOStuffSegmenter(nn.Module):
    def __init__(self):
        super().__init__()
        self.model = torch.hub.load("kazuto1011/deeplab-pytorch", "deeplabv2_resnet101", n_classes=182)
        self.model.load_state_dict(torch.load(CKPT_PATH))

    def forward(self, x):
        return self.model(x)


def run_segmentation(image_paths, outdir):
    segmenter = COCOStuffSegmenter().eval()
    os.makedirs(outdir, exist_ok=True)
    for path in tqdm(image_paths):
        x = torch.from_numpy(np.array(Image.open(path).convert("RGB"))).permute(2, 0, 1)[None].float()
        with torch.no_grad():
            seg = segmenter(x).argmax(1)[0].numpy().astype(np.uint8)
        Image.fromarray(seg).save(os.path.join(outdir, os.path.basename(path) + ".png"))


if __name__ == "__main__":
    run_segmentation(sys.argv[2:], sys.argv[1])
