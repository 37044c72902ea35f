# Stand-in for haotian-liu/LLaVA:llava/train/train.py - hand-written for the osai-scan corpus, not copied.
import json
from dataclasses import dataclass, field

import transformers
from torch.utils.data import Dataset

from llava.train.llava_trainer import LLaVATrainer
from llava.model import LlavaLlamaForCausalLM


@dataclass
class TrainingArguments(transformers.TrainingArguments):
    model_max_length: int = field(default=2048)


class LazySupervisedDataset(Dataset):
    def __init__(self, data_path, tokenizer):
        self.items = json.load(open(data_path))
        self.tokenizer = tokenizer

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


def train(attn_implementation=None):
    parser = transformers.HfArgumentParser((TrainingArguments,))
    (training_args,) = parser.parse_args_into_dataclasses()
    model = LlavaLlamaForCausalLM.from_pretrained("lmsys/vicuna-7b-v1.5",
                                                  attn_implementation=attn_implementation)
    tokenizer = transformers.AutoTokenizer.from_pretrained("lmsys/vicuna-7b-v1.5")
    dataset = LazySupervisedDataset("llava_v1_5_mix665k.json", tokenizer)
    trainer = LLaVATrainer(model=model, tokenizer=tokenizer, args=training_args,
                           train_dataset=dataset)
    trainer.train()
    trainer.save_state()


if __name__ == "__main__":
    train()
