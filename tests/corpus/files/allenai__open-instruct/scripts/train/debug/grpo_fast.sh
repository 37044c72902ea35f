#!/bin/bash
# Stand-in for allenai/open-instruct:scripts/train/debug/grpo_fast.sh - hand-written for the osai-scan corpus, not copied.
set -euo pipefail

uv run open_instruct/grpo_fast.py \
    --dataset_mixer_list some-org/rlvr_gsm8k 64 \
    --model_name_or_path Some/Small-0.5B \
    --system_prompt_override_file scripts/train/qwen/math_system_prompt.txt \
    --apply_verifiable_reward true \
    --learning_rate 1e-6 \
    --per_device_train_batch_size 1 \
    --num_samples_per_prompt_rollout 4 \
    --total_episodes 128 \
    --deepspeed_stage 2
