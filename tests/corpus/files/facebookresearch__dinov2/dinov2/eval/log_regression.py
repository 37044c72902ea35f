# Stand-in for facebookresearch/dinov2:dinov2/eval/log_regression.py - hand-written for the osai-scan corpus, not copied.

import torch.nn as nn


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        return x


def fit(trainer):
    train_and_evaluate()


def main(args=None):
    pass


if __name__ == "__main__":
    main()
