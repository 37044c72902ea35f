#!/bin/bash
# Stand-in for allenai/open-instruct:scripts/eval/gsm.sh - hand-written for the osai-scan corpus, not copied.
# GSM benchmark of a base checkpoint and of an instruction-tuned checkpoint, by inference
export CUDA_VISIBLE_DEVICES=0

python -m eval.gsm.run_eval \
    --data_dir data/eval/gsm/ \
    --save_dir results/gsm/base-cot \
    --model ../checkpoints/base \
    --n_shot 8 \
    --use_vllm

python -m eval.gsm.run_eval \
    --data_dir data/eval/gsm/ \
    --save_dir results/gsm/tuned-cot \
    --model ../checkpoints/tuned \
    --n_shot 8 \
    --use_chat_format \
    --use_vllm
