# Stand-in for THUDM/ChatGLM-6B:ptuning/main.py - hand-written for the osai-scan corpus, not copied.

import datasets


def fit(trainer):
    trainer.train()


def main(args=None):
    pass


if __name__ == "__main__":
    main()


def load(name):
    return datasets.load_dataset(name, split="train")
