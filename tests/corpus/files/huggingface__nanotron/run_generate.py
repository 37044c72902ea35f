# Stand-in for huggingface/nanotron:run_generate.py - hand-written for the osai-scan corpus, not copied.
import argparse
from pathlib import Path

import torch

from nanotron.config import get_config_from_file
from nanotron.generation.decode import GenerationInput, decode_text
from nanotron.models.llama import LlamaForTraining
from nanotron.serialize.weights import load_weights


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ckpt-path", type=Path, required=True)
    parser.add_argument("--max-new-tokens", type=int, default=128)
    args = parser.parse_args()
    config = get_config_from_file(args.ckpt_path / "config.yaml")
    model = LlamaForTraining(config.model.model_config)
    load_weights(model, root_folder=args.ckpt_path / "model")
    model.eval()
    with torch.inference_mode():
        for output in decode_text([GenerationInput(text="The capital of France is")], model=model, max_new_tokens=args.max_new_tokens):
            print(output.generation_ids)


if __name__ == "__main__":
    main()
