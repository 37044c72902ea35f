# Stand-in for ju-bezdek/conll2003-sk-ner:conll2003-sk-ner.py - hand-written for the osai-scan corpus, not copied.
"""datasets GeneratorBasedBuilder for NER splits"""
import json
import datasets

_URLS = {"train": "data/train.json", "validation": "data/valid.json", "test": "data/test.json"}


class NewsOrNer(datasets.GeneratorBasedBuilder):
    VERSION = datasets.Version("1.0.0")

    def _info(self):
        return datasets.DatasetInfo(features=datasets.Features({
            "id": datasets.Value("string"),
            "tokens": datasets.Sequence(datasets.Value("string")),
            "tags": datasets.Sequence(datasets.ClassLabel(names=["O", "B-PER", "I-PER", "B-LOC", "I-LOC"])),
        }))

    def _split_generators(self, dl_manager):
        files = dl_manager.download(_URLS)
        return [datasets.SplitGenerator(name=k, gen_kwargs={"path": v}) for k, v in files.items()]

    def _generate_examples(self, path):
        for i, ex in enumerate(json.load(open(path))):
            yield i, ex
