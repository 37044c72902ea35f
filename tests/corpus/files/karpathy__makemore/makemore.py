# Stand-in for karpathy/makemore:makemore.py - hand-written for the osai-scan corpus, not copied.

import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        return x

    def configure_optimizers(self, lr):
        return torch.optim.AdamW(self.parameters(), lr=lr)


def run(model, loader, optimizer):
    for batch in loader:
        loss = model(batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main(args=None):
    pass


if __name__ == "__main__":
    main()
