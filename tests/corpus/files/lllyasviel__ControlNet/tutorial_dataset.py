# Stand-in for lllyasviel/ControlNet:tutorial_dataset.py - hand-written for the osai-scan corpus, not copied.
# training Dataset: prompt, condition image (hint) and target image per line of prompt.json
import json

import cv2
import numpy as np
from torch.utils.data import Dataset


class MyDataset(Dataset):
    def __init__(self):
        with open("./training/fill50k/prompt.json") as f:
            self.data = [json.loads(line) for line in f]

    def __len__(self):
        return len(self.data)

    def __getitem__(self, idx):
        item = self.data[idx]
        source = cv2.imread("./training/fill50k/" + item["source"]).astype(np.float32) / 255.0
        target = cv2.imread("./training/fill50k/" + item["target"]).astype(np.float32) / 127.5 - 1.0
        return dict(jpg=target, txt=item["prompt"], hint=source)
