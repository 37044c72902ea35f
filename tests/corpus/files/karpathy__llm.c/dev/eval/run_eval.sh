#!/bin/bash
# Stand-in for karpathy/llm.c:dev/eval/run_eval.sh - hand-written for the osai-scan corpus, not copied.
# lm-eval-harness on trained ckpt
set -e
CKPT=${1:-out/model_final}
python -m lm_eval --model hf --model_args pretrained=$CKPT --tasks hellaswag,arc_challenge --batch_size 16 \
    --output_path results/$(basename $CKPT)
