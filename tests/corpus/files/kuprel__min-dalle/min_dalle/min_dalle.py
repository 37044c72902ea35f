# Stand-in for kuprel/min-dalle:min_dalle/min_dalle.py - hand-written for the osai-scan corpus, not copied.
import json
import os

import requests
import torch

from .models import DalleBartDecoder, DalleBartEncoder, VQGanDetokenizer
from .text_tokenizer import TextTokenizer

MIN_DALLE_REPO = "https://example.invalid/min-dalle/"


class MinDalle:
    def __init__(self, models_root="pretrained", dtype=torch.float32, device="cuda", is_mega=True):
        self.models_root, self.dtype, self.device, self.is_mega = models_root, dtype, device, is_mega
        os.makedirs(models_root, exist_ok=True)
        self.download_tokenizer()
        with open(os.path.join(models_root, "vocab.json")) as f:
            vocab = json.load(f)
        with open(os.path.join(models_root, "merges.txt")) as f:
            merges = f.read().split("\n")[1:-1]
        self.tokenizer = TextTokenizer(vocab, merges)
        self.encoder = DalleBartEncoder().to(device)
        self.encoder.load_state_dict(torch.load(os.path.join(models_root, "encoder.pt")))
        self.decoder = DalleBartDecoder().to(device)
        self.detokenizer = VQGanDetokenizer().to(device)

    def download_tokenizer(self):
        for name in ("vocab.json", "merges.txt"):
            with open(os.path.join(self.models_root, name), "wb") as f:
                f.write(requests.get(MIN_DALLE_REPO + name).content)

    @torch.no_grad()
    def generate_image(self, text, seed=-1, grid_size=1, temperature=1.0, top_k=256, supercondition_factor=16):
        tokens = torch.tensor([self.tokenizer.tokenize(text)], device=self.device)
        encoder_state = self.encoder(tokens)
        image_tokens = self.decoder.sample(encoder_state, temperature=temperature, top_k=top_k)
        return self.detokenizer(image_tokens)
