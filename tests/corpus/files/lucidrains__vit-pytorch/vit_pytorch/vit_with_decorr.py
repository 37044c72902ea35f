# Stand-in for lucidrains/vit-pytorch:vit_pytorch/vit_with_decorr.py - hand-written for the osai-scan corpus, not copied.

from somewhere import Module


class Block(Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        return x


def main(args=None):
    pass


if __name__ == "__main__":
    main()
