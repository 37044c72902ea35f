# Stand-in for google/flax:tests/linen/linen_linear_test.py - hand-written for the osai-scan corpus, not copied.
__test__ = False  # inert under pytest: a stand-in, not a test of this project

import torch.nn as nn
import unittest


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        return x


def test_shapes():
    assert Block(4).dim == 4


def main(args=None):
    pass


if __name__ == "__main__":
    main()
