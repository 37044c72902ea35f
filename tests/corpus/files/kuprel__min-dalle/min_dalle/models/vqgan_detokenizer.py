# Stand-in for kuprel/min-dalle:min_dalle/models/vqgan_detokenizer.py - hand-written for the osai-scan corpus, not copied.
from torch import nn


class ResnetBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)

    def forward(self, x):
        return x + self.conv(x)


class VQGanDetokenizer(nn.Module):
    def __init__(self, vocab_count=16384, embed_count=256):
        super().__init__()
        self.embedding = nn.Embedding(vocab_count, embed_count)
        self.decoder = nn.Sequential(ResnetBlock(embed_count), nn.Conv2d(embed_count, 3, 3, padding=1))

    def forward(self, image_tokens):
        z = self.embedding(image_tokens).view(-1, 16, 16, 256).permute(0, 3, 1, 2)
        return self.decoder(z)
