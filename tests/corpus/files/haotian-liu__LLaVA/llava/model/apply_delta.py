# Stand-in for haotian-liu/LLaVA:llava/model/apply_delta.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch
from transformers import AutoModelForCausalLM

from llava import LlavaLlamaForCausalLM


def apply_delta(base_path, target_path, delta_path):
    base = AutoModelForCausalLM.from_pretrained(base_path, torch_dtype=torch.float16)
    delta = LlavaLlamaForCausalLM.from_pretrained(delta_path, torch_dtype=torch.float16)
    base_state = base.state_dict()
    for name, param in delta.state_dict().items():
        if name in base_state:
            param.data += base_state[name]
    delta.save_pretrained(target_path)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-model-path")
    parser.add_argument("--target-model-path")
    parser.add_argument("--delta-path")
    args = parser.parse_args()
    apply_delta(args.base_model_path, args.target_model_path, args.delta_path)
