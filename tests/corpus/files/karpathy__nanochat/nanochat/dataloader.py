# Stand-in for karpathy/nanochat:nanochat/dataloader.py - hand-written for the osai-scan corpus, not copied.
"""stream token shards into training batches"""
import glob
import numpy as np
import torch


def training_batches(pattern, B, T, rank=0, world=1):
    shards = sorted(glob.glob(pattern))
    while True:
        for shard in shards[rank::world]:
            tokens = torch.from_numpy(np.load(shard).astype(np.int64))
            for i in range(0, len(tokens) - B * T - 1, B * T):
                buf = tokens[i:i + B * T + 1]
                yield buf[:-1].view(B, T), buf[1:].view(B, T)
