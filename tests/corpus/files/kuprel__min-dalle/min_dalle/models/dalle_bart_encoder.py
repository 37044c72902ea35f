# Stand-in for kuprel/min-dalle:min_dalle/models/dalle_bart_encoder.py - hand-written for the osai-scan corpus, not copied.
from torch import nn


class EncoderLayer(nn.Module):
    def __init__(self, embed_count, head_count):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(embed_count, head_count, batch_first=True)
        self.ff = nn.Sequential(nn.Linear(embed_count, embed_count * 4), nn.GELU(), nn.Linear(embed_count * 4, embed_count))

    def forward(self, x):
        x = x + self.self_attn(x, x, x, need_weights=False)[0]
        return x + self.ff(x)


class DalleBartEncoder(nn.Module):
    def __init__(self, text_vocab_count=50264, embed_count=1024, layer_count=2, head_count=16):
        super().__init__()
        self.embed_tokens = nn.Embedding(text_vocab_count, embed_count)
        self.layers = nn.ModuleList(EncoderLayer(embed_count, head_count) for _ in range(layer_count))

    def forward(self, text_tokens):
        x = self.embed_tokens(text_tokens)
        for layer in self.layers:
            x = layer(x)
        return x
