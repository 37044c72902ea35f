# Stand-in for EleutherAI/gpt-neox:post-training/dpo_data.py - hand-written for the osai-scan corpus, not copied.

import datasets


def load(name):
    return datasets.load_dataset(name, split="train")
