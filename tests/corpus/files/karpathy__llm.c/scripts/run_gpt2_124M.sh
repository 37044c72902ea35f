#!/bin/bash
# Stand-in for karpathy/llm.c:scripts/run_gpt2_124M.sh - hand-written for the osai-scan corpus, not copied.
# builds the CUDA training program and launches it on 8 GPUs with mpirun
make train_gpt2cu USE_CUDNN=1
out_dir="log_gpt2_124M"
mpirun -np 8 ./train_gpt2cu \
    -i "dev/data/shards/train_*.bin" \
    -o $out_dir
