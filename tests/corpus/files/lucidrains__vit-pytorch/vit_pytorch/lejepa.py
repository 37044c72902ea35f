# Stand-in for lucidrains/vit-pytorch:vit_pytorch/lejepa.py - hand-written for the osai-scan corpus, not copied.

from somewhere import Module
import torch


class Block(Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        return x

    def configure_optimizers(self, lr):
        return torch.optim.AdamW(self.parameters(), lr=lr)


def run_step(model, batch, optimizer):
    loss = model(batch)
    loss.backward()
    optimizer.step()


def main(args=None):
    pass


if __name__ == "__main__":
    main()
