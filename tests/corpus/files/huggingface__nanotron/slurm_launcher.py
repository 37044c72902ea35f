#!/usr/bin/env python3
# Stand-in for huggingface/nanotron:slurm_launcher.py - hand-written for the osai-scan corpus, not copied.
import argparse
import subprocess

from nanotron.config import AdamWOptimizerArgs, Config, LRSchedulerArgs, OptimizerArgs, TokensArgs


def create_nanotron_config(args):
    return Config(
        optimizer=OptimizerArgs(
            optimizer_factory=AdamWOptimizerArgs(adam_beta1=0.9, adam_beta2=0.95),
            learning_rate_scheduler=LRSchedulerArgs(learning_rate=args.lr, lr_warmup_steps=args.warmup_steps),
            weight_decay=0.1,
        ),
        tokens=TokensArgs(sequence_length=4096, micro_batch_size=args.mbs, train_steps=args.steps),
    )


def create_slurm_script(config_path, nodes):
    return (
        f"#!/bin/bash\n#SBATCH --nodes={nodes}\n#SBATCH --gres=gpu:8\n"
        f"srun torchrun --nnodes={nodes} --nproc_per_node=8 run_train.py --config-file {config_path}\n"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--run_name", required=True)
    parser.add_argument("--nodes", type=int, default=1)
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--warmup_steps", type=int, default=1000)
    parser.add_argument("--mbs", type=int, default=2)
    parser.add_argument("--steps", type=int, default=10000)
    args = parser.parse_args()
    config = create_nanotron_config(args)
    config.save_as_yaml(f"{args.run_name}.yaml")
    with open(f"{args.run_name}.slurm", "w") as f:
        f.write(create_slurm_script(f"{args.run_name}.yaml", args.nodes))
    subprocess.run(["sbatch", f"{args.run_name}.slurm"], check=True)


if __name__ == "__main__":
    main()
