# Stand-in for huggingface/nanotron:examples/llama/convert_hf_to_nanotron.py - hand-written for the osai-scan corpus, not copied.
from argparse import ArgumentParser
from pathlib import Path

import torch
from transformers import LlamaForCausalLM

from nanotron.config import LlamaConfig as NanotronLlamaConfig
from nanotron.models.llama import LlamaForTraining
from nanotron.serialize.weights import save_weights


def convert_hf_to_nt(model_hf, model_nt):
    with torch.no_grad():
        for name, param in model_nt.named_parameters():
            param.copy_(model_hf.state_dict()[name])


if __name__ == "__main__":
    parser = ArgumentParser()
    parser.add_argument("--checkpoint_path", type=Path, required=True)
    parser.add_argument("--save_path", type=Path, required=True)
    args = parser.parse_args()
    model_hf = LlamaForCausalLM.from_pretrained(args.checkpoint_path)
    model_nt = LlamaForTraining(NanotronLlamaConfig())
    convert_hf_to_nt(model_hf, model_nt)
    save_weights(model_nt, root_folder=args.save_path)
