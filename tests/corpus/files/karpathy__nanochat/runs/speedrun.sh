#!/bin/bash
# Stand-in for karpathy/nanochat:runs/speedrun.sh - hand-written for the osai-scan corpus, not copied.
# speedrun pipeline
set -e
torchrun --standalone --nproc_per_node=8 train.py \
    --train_glob "shards/train_*.bin" \
    --val_glob "shards/val_*.bin" \
    --micro_batch 32 --seq_len 512 \
    --lr 0.0004 --warmup_steps 500 --weight_decay 0.05 \
    --max_steps 12000 --eval_every 500 \
    --out_dir runs/base
