# Stand-in for tatsu-lab/alpaca_eval:src/alpaca_eval/decoders/huggingface_local.py - hand-written for the osai-scan corpus, not copied.
# decodes prompts locally with a transformers text-generation pipeline (optional PEFT adapter)
import torch
import transformers
from peft import PeftModel
from torch.utils.data import Dataset
from transformers import AutoModelForCausalLM, AutoTokenizer


class ListDataset(Dataset):
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


def huggingface_local_completions(prompts, model_name, adapters_name=None, max_new_tokens=512, **kwargs):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    model = AutoModelForCausalLM.from_pretrained(model_name, torch_dtype=torch.bfloat16).eval()
    if adapters_name:
        model = PeftModel.from_pretrained(model, adapters_name)
    pipe = transformers.pipeline("text-generation", model=model, tokenizer=tokenizer)
    completions = []
    with torch.inference_mode():
        for out in pipe(ListDataset(prompts), max_new_tokens=max_new_tokens, return_full_text=False, **kwargs):
            completions.append(out[0]["generated_text"])
    return dict(completions=completions)
