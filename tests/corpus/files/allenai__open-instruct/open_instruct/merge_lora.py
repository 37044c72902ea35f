# Stand-in for allenai/open-instruct:open_instruct/merge_lora.py - hand-written for the osai-scan corpus, not copied.
# merges a trained LoRA adapter into its base model and saves (optionally uploads) the merged weights
import argparse

import torch
from peft import PeftConfig, PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lora_model_name_or_path", required=True)
    parser.add_argument("--output_dir", required=True)
    args = parser.parse_args()
    cfg = PeftConfig.from_pretrained(args.lora_model_name_or_path)
    base = AutoModelForCausalLM.from_pretrained(cfg.base_model_name_or_path, torch_dtype=torch.bfloat16)
    merged = PeftModel.from_pretrained(base, args.lora_model_name_or_path).merge_and_unload()
    merged.save_pretrained(args.output_dir)
    AutoTokenizer.from_pretrained(cfg.base_model_name_or_path).save_pretrained(args.output_dir)


if __name__ == "__main__":
    main()
