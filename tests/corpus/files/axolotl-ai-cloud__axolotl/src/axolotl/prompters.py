# Stand-in for axolotl-ai-cloud/axolotl:src/axolotl/prompters.py - hand-written for the osai-scan corpus, not copied.
"""format instruction examples for tokenization"""
IGNORE_INDEX = -100


class ChatTemplateStrategy:
    """Turns a conversation row into input_ids/labels for supervised fine-tuning."""

    def __init__(self, tokenizer, train_on_inputs=False, sequence_len=2048):
        self.tokenizer, self.train_on_inputs, self.sequence_len = tokenizer, train_on_inputs, sequence_len

    def tokenize_prompt(self, row):
        input_ids, labels = [], []
        for turn in row["messages"]:
            ids = self.tokenizer.encode(f"<|{turn['role']}|>\n{turn['content']}\n", add_special_tokens=False)
            input_ids += ids
            trainable = turn["role"] == "assistant" or self.train_on_inputs
            labels += ids if trainable else [IGNORE_INDEX] * len(ids)
        return {"input_ids": input_ids[:self.sequence_len], "labels": labels[:self.sequence_len],
                 "attention_mask": [1] * min(len(input_ids), self.sequence_len)}
