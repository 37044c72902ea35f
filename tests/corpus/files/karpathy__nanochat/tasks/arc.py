# Stand-in for karpathy/nanochat:tasks/arc.py - hand-written for the osai-scan corpus, not copied.
"""dataset wrapper for eval task"""
from datasets import load_dataset


class Task:
    """A dataset of conversations plus an evaluation criterion."""

    def __init__(self, split="train"):
        self.ds = load_dataset("openai/gsm8k", "main", split=split)

    def __len__(self):
        return len(self.ds)

    def get_example(self, i):
        row = self.ds[i]
        return {"messages": [{"role": "user", "content": row["question"]},
                              {"role": "assistant", "content": row["answer"]}]}

    def evaluate(self, conversation, completion):
        return int(completion.strip().split()[-1] == conversation["messages"][1]["content"].split()[-1])
