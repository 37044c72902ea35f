# Stand-in for UKPLab/sentence-transformers:sentence_transformers/data_collator.py - hand-written for the osai-scan corpus, not copied.
"""collate training batches with labels"""
from dataclasses import dataclass
import torch


@dataclass
class TrainingCollator:
    tokenize_fn: callable

    def __call__(self, features):
        batch = {}
        if "label" in features[0]:
            batch["label"] = torch.tensor([f["label"] for f in features])
        for column in ("anchor", "positive", "negative"):
            if column in features[0]:
                tok = self.tokenize_fn([f[column] for f in features])
                batch.update({f"{column}_{k}": v for k, v in tok.items()})
        return batch
