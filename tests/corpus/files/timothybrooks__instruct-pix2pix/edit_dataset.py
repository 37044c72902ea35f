# Stand-in for timothybrooks/instruct-pix2pix:edit_dataset.py - hand-written for the osai-scan corpus, not copied.
# (input image, edit instruction, edited image) triples from the generated dataset
import json
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch.utils.data import Dataset


class EditDataset(Dataset):
    def __init__(self, path, split="train", splits=(0.9, 0.05, 0.05), crop_res=256):
        self.path = Path(path)
        self.seeds = json.load(open(self.path / "seeds.json"))
        n = int(len(self.seeds) * splits[0])
        self.seeds = self.seeds[:n] if split == "train" else self.seeds[n:]
        self.crop_res = crop_res

    def __len__(self):
        return len(self.seeds)

    def __getitem__(self, i):
        name, seeds = self.seeds[i]
        prompt = json.load(open(self.path / name / "prompt.json"))
        img_0 = torch.tensor(np.array(Image.open(self.path / name / f"{seeds[0]}_0.jpg"))).float() / 127.5 - 1
        img_1 = torch.tensor(np.array(Image.open(self.path / name / f"{seeds[0]}_1.jpg"))).float() / 127.5 - 1
        return dict(edited=img_1, edit=dict(c_concat=img_0, c_crossattn=prompt["edit"]))


class EditDatasetEval(Dataset):
    def __init__(self, path, split="test", res=256):
        self.path = Path(path)
        self.seeds = json.load(open(self.path / "seeds.json"))

    def __len__(self):
        return len(self.seeds)

    def __getitem__(self, i):
        name, seeds = self.seeds[i]
        prompt = json.load(open(self.path / name / "prompt.json"))
        return dict(image_0=Image.open(self.path / name / f"{seeds[0]}_0.jpg"), edit=prompt["edit"])
