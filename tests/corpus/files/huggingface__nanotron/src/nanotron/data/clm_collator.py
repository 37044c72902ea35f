# Stand-in for huggingface/nanotron:src/nanotron/data/clm_collator.py - hand-written for the osai-scan corpus, not copied.
import dataclasses

import numpy as np
import torch


@dataclasses.dataclass
class DataCollatorForCLM:
    """Turns token sequences into training batches: inputs, shifted labels and loss masks."""

    sequence_length: int

    def __call__(self, examples):
        input_ids = np.vstack([ex["input_ids"] for ex in examples])
        return {
            "input_ids": torch.from_numpy(input_ids[:, :-1]),
            "input_mask": torch.ones(input_ids.shape[0], self.sequence_length, dtype=torch.bool),
            "label_ids": torch.from_numpy(input_ids[:, 1:]),
            "label_mask": torch.ones(input_ids.shape[0], self.sequence_length, dtype=torch.bool),
        }
