# Stand-in for UKPLab/sentence-transformers:sentence_transformers/util/hard_negatives.py - hand-written for the osai-scan corpus, not copied.
"""mine hard negatives for dataset"""
import os
import numpy as np
import tiktoken
from datasets import load_dataset

enc = tiktoken.get_encoding("cl100k_base")
ds = load_dataset("text", data_files={"train": "raw/*.txt"})["train"]
split = ds.train_test_split(test_size=0.01, seed=7)


def tokenize(example):
    ids = enc.encode_ordinary(example["text"]) + [enc.eot_token]
    return {"ids": ids, "len": len(ids)}


for name, part in {"train": split["train"], "val": split["test"]}.items():
    tok = part.map(tokenize, remove_columns=["text"])
    arr = np.memmap(os.path.join(os.path.dirname(__file__), f"{name}.bin"), dtype=np.uint32,
                    mode="w+", shape=(sum(tok["len"]),))
    idx = 0
    for ids in tok["ids"]:
        arr[idx:idx + len(ids)] = ids
        idx += len(ids)
    arr.flush()
