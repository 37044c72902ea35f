# Stand-in for huggingface/nanotron:examples/mamba/run_generate.py - hand-written for the osai-scan corpus, not copied.
import argparse
from pathlib import Path

import torch

from config import MambaModelConfig
from mamba import MambaForTraining


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ckpt-path", type=Path, required=True)
    args = parser.parse_args()
    model = MambaForTraining(MambaModelConfig())
    model.load_state_dict(torch.load(args.ckpt_path / "model.pt"))
    model.eval()
    with torch.inference_mode():
        print(model.generate(torch.tensor([[1, 2, 3]]), max_new_tokens=64))


if __name__ == "__main__":
    main()
