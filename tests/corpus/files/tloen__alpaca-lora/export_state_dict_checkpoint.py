# Stand-in for tloen/alpaca-lora:export_state_dict_checkpoint.py - hand-written for the osai-scan corpus, not copied.
"""merge lora and dump state dict"""
import argparse
import torch
from peft import PeftModel
from transformers import AutoModelForCausalLM

p = argparse.ArgumentParser()
p.add_argument("--base", required=True)
p.add_argument("--adapter", required=True)
p.add_argument("--out", required=True)
a = p.parse_args()

base = AutoModelForCausalLM.from_pretrained(a.base, torch_dtype=torch.float16)
merged = PeftModel.from_pretrained(base, a.adapter).merge_and_unload()   # weight arithmetic only
merged.save_pretrained(a.out, safe_serialization=True, max_shard_size="5GB")
