# Stand-in for facebookresearch/ImageBind:imagebind/models/multimodal_preprocessors.py - hand-written for the osai-scan corpus, not copied.
import gzip

import torch.nn as nn


class PatchEmbedGeneric(nn.Module):
    def __init__(self, proj_stem):
        super().__init__()
        self.proj = nn.Sequential(*proj_stem)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


class SimpleTokenizer(object):
    def __init__(self, bpe_path, context_length=77):
        with gzip.open(bpe_path) as handle:
            self.merges = handle.read().decode("utf-8").split("\n")[1:]
        self.context_length = context_length

    def __call__(self, text):
        return [self.merges.index(w) if w in self.merges else 0 for w in text.split()]
