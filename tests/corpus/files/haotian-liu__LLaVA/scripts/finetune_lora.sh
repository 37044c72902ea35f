#!/bin/bash
# Stand-in for haotian-liu/LLaVA:scripts/finetune_lora.sh - hand-written for the osai-scan corpus, not copied.
deepspeed llava/train/train_mem.py \
    --deepspeed ./scripts/zero2.json \
    --lora_enable True \
    --model_name_or_path ./checkpoints/vicuna-7b \
    --data_path ./playground/data/llava_instruct_80k.json \
    --output_dir ./checkpoints/llava-finetune_lora \
    --num_train_epochs 1 \
    --per_device_train_batch_size 16 \
    --learning_rate 2e-5 \
    --lr_scheduler_type "cosine"
