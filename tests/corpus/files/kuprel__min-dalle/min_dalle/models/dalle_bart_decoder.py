# Stand-in for kuprel/min-dalle:min_dalle/models/dalle_bart_decoder.py - hand-written for the osai-scan corpus, not copied.
import torch
from torch import nn


class DecoderLayer(nn.Module):
    def __init__(self, embed_count, head_count):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(embed_count, head_count, batch_first=True)
        self.ff = nn.Sequential(nn.Linear(embed_count, embed_count * 4), nn.GELU(), nn.Linear(embed_count * 4, embed_count))

    def forward(self, x):
        x = x + self.self_attn(x, x, x, need_weights=False)[0]
        return x + self.ff(x)


class DalleBartDecoder(nn.Module):
    def __init__(self, image_vocab_count=16384, embed_count=1024, layer_count=2, head_count=16):
        super().__init__()
        self.embed_tokens = nn.Embedding(image_vocab_count + 1, embed_count)
        self.layers = nn.ModuleList(DecoderLayer(embed_count, head_count) for _ in range(layer_count))
        self.lm_head = nn.Linear(embed_count, image_vocab_count + 1, bias=False)

    def forward(self, tokens):
        x = self.embed_tokens(tokens)
        for layer in self.layers:
            x = layer(x)
        return self.lm_head(x)

    def sample(self, encoder_state, temperature=1.0, top_k=256):
        logits = self.forward(torch.zeros(encoder_state.shape[0], 1, dtype=torch.long)) / temperature
        return torch.multinomial(torch.softmax(logits[:, -1], -1), 1)
