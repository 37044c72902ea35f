# Stand-in for CompVis/taming-transformers:scripts/extract_depth.py - hand-written for the osai-scan corpus, not copied.
import os

import numpy as np
import torch
from PIL import Image
from tqdm import trange

from taming.data.imagenet import ImageNetTrain


def get_state(gpu):
    midas = torch.hub.load("intel-isl/MiDaS", "MiDaS")
    if gpu:
        midas.cuda()
    midas.eval()
    return {"model": midas, "transform": torch.hub.load("intel-isl/MiDaS", "transforms").default_transform}


def depth_to_rgba(x):
    y = x.astype(np.float32).copy()
    y.dtype = np.uint8
    return np.ascontiguousarray(y.reshape(x.shape + (4,)))


def save_depth(dataset, path, state):
    os.makedirs(path, exist_ok=True)
    for i in trange(len(dataset)):
        ex = dataset[i]
        with torch.no_grad():
            depth = state["model"](state["transform"](ex["image"]))[0].cpu().numpy()
        Image.fromarray(depth_to_rgba(depth)).save(os.path.join(path, os.path.basename(ex["relpath"]) + ".png"))


if __name__ == "__main__":
    state = get_state(gpu=True)
    save_depth(ImageNetTrain(), "data/imagenet_depth/train", state)
