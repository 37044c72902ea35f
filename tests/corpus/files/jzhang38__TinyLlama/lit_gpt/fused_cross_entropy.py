# Stand-in for jzhang38/TinyLlama:lit_gpt/fused_cross_entropy.py - hand-written for the osai-scan corpus, not copied.

import torch.nn as nn


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        return x


def run_step(model, batch, optimizer):
    loss = model(batch)
    loss.backward()
    optimizer.step()
