#!/bin/bash
# Stand-in for huggingface/diffusers:examples/cosmos/eval_lora.sh - hand-written for the osai-scan corpus, not copied.
# run eval script on trained adapter
set -e
CKPT=${1:-out/model_final}
python -m lm_eval --model hf --model_args pretrained=$CKPT --tasks hellaswag,arc_challenge --batch_size 16 \
    --output_path results/$(basename $CKPT)
