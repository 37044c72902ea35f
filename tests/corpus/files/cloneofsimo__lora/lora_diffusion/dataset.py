# Stand-in for cloneofsimo/lora:lora_diffusion/dataset.py - hand-written for the osai-scan corpus, not copied.
# captioned training images (+ masks) with the placeholder tokens substituted into the prompts
import glob
import random
from pathlib import Path

from PIL import Image
from torch.utils.data import Dataset
from torchvision import transforms

from .preprocess_files import face_mask_google_mediapipe


class PivotalTuningDatasetCapation(Dataset):
    def __init__(self, instance_data_root, tokenizer, token_map=None, size=512, color_jitter=False):
        self.paths = sorted(glob.glob(str(Path(instance_data_root) / "*.jpg")))
        self.tokenizer = tokenizer
        self.token_map = token_map or {}
        ops = [transforms.Resize(size), transforms.CenterCrop(size)]
        if color_jitter:
            ops.append(transforms.ColorJitter(0.1, 0.1))
        self.transform = transforms.Compose(ops + [transforms.ToTensor(), transforms.Normalize([0.5], [0.5])])

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, index):
        image = Image.open(self.paths[index]).convert("RGB")
        text = Path(self.paths[index]).stem
        for token, value in self.token_map.items():
            text = text.replace(token, value)
        ids = self.tokenizer(text, padding="max_length", truncation=True, max_length=77).input_ids
        return {"pixel_values": self.transform(image), "input_ids": ids, "flip": random.random() < 0.5}
