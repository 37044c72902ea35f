#!/bin/bash
# Stand-in for cloneofsimo/lora:training_scripts/run_lora_db_unet_only.sh - hand-written for the osai-scan corpus, not copied.
export MODEL_NAME="some-org/sd-base"
export INSTANCE_DIR="./data_example"
export OUTPUT_DIR="./output_example"

accelerate launch train_lora_dreambooth.py \
  --pretrained_model_name_or_path=$MODEL_NAME \
  --instance_data_dir=$INSTANCE_DIR \
  --output_dir=$OUTPUT_DIR \
  --instance_prompt="style of <s>" \
  --train_batch_size=1 \
  --learning_rate=1e-4 \
  --max_train_steps=20000
