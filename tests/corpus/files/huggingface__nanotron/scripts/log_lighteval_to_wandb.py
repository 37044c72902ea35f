# Stand-in for huggingface/nanotron:scripts/log_lighteval_to_wandb.py - hand-written for the osai-scan corpus, not copied.
import argparse
import json
import os
from pathlib import Path

import wandb


def run(eval_path: Path):
    for step_dir in sorted(os.listdir(eval_path), key=int):
        for name in os.listdir(eval_path / step_dir):
            with open(eval_path / step_dir / name) as f:
                results = json.load(f)["results"]
            wandb.log({task: scores for task, scores in results.items()}, step=int(step_dir))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--eval-path", type=Path, required=True)
    parser.add_argument("--wandb-project", default="nanotron_evals")
    args = parser.parse_args()
    wandb.init(project=args.wandb_project)
    run(args.eval_path)
