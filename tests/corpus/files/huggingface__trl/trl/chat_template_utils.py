# Stand-in for huggingface/trl:trl/chat_template_utils.py - hand-written for the osai-scan corpus, not copied.
"""patch tokenizer chat template for training"""
from contextlib import contextmanager


def apply_chat_template(example, tokenizer):
    """Render conversation columns to text before tokenizing the training set."""
    if "messages" in example:
        return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}
    return {"prompt": example["prompt"], "completion": example["completion"]}


def pack_dataset(dataset, seq_length):
    """Concatenate tokenized examples into fixed-length blocks for training."""
    def _pack(batch):
        ids = sum(batch["input_ids"], [])
        return {"input_ids": [ids[i:i + seq_length] for i in range(0, len(ids), seq_length)]}
    return dataset.map(_pack, batched=True, remove_columns=dataset.column_names)


@contextmanager
def unwrap_model_for_generation(model, accelerator):
    """Gather sharded params so rollouts can be generated mid-training."""
    yield accelerator.unwrap_model(model)
