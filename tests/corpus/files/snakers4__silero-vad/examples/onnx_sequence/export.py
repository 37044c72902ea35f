# Stand-in for snakers4/silero-vad:examples/onnx_sequence/export.py - hand-written for the osai-scan corpus, not copied.

import torch.nn as nn


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        return x


def main(args=None):
    pass


if __name__ == "__main__":
    main()
