# Stand-in for young-geng/EasyLM:EasyLM/data.py - hand-written for the osai-scan corpus, not copied.
import json

import mlxu
import numpy as np
from datasets import load_dataset


class TextProcessor(object):
    def __init__(self, config, tokenizer):
        self.config, self.tokenizer = config, tokenizer

    def __call__(self, example):
        tokens = self.tokenizer.encode(example[self.config.fields])
        return tokens, [1] * len(tokens)


class HuggingfaceDataset(object):
    def __init__(self, config, tokenizer, text_processor):
        self.dataset = load_dataset(config.path, config.name, split=config.split, streaming=True)
        self.text_processor, self.seq_length, self.batch_size = text_processor, config.seq_length, config.batch_size

    def __iter__(self):
        buffer = []
        for example in self.dataset:
            tokens, _ = self.text_processor(example)
            buffer.extend(tokens)
            while len(buffer) > self.seq_length * self.batch_size + 1:
                chunk = np.array(buffer[: self.seq_length * self.batch_size + 1])
                buffer = buffer[self.seq_length * self.batch_size :]
                yield {"input_tokens": chunk[:-1].reshape(self.batch_size, -1), "target_tokens": chunk[1:].reshape(self.batch_size, -1)}


class JsonDataset(object):
    def __init__(self, config, tokenizer, text_processor):
        self.path, self.text_processor = config.path, text_processor

    def __iter__(self):
        with mlxu.open_file(self.path, "r") as fin:
            for line in fin:
                yield self.text_processor(json.loads(line))


class DatasetFactory(object):
    @classmethod
    def load_dataset(cls, config, tokenizer):
        processor = TextProcessor(config.text_processor, tokenizer)
        if config.type == "huggingface":
            return HuggingfaceDataset(config.huggingface_dataset, tokenizer, processor)
        return JsonDataset(config.json_dataset, tokenizer, processor)
