# Stand-in for jzhang38/TinyLlama:sft/finetune.py - hand-written for the osai-scan corpus, not copied.

import datasets


class Helper(transformers.Seq2SeqTrainingArguments):
    pass


def fit(trainer):
    trainer.train()


def train(args=None):
    pass


if __name__ == "__main__":
    train()


def load(name):
    return datasets.load_dataset(name, split="train")
