#!/bin/bash
# Stand-in for cloneofsimo/lora:training_scripts/run_lorpt.sh - hand-written for the osai-scan corpus, not copied.
export MODEL_NAME="some-org/sd-base"
export INSTANCE_DIR="./data_example_text"
export OUTPUT_DIR="./output_example_lorpt"

accelerate launch train_lora_w_ti.py \
  --pretrained_model_name_or_path=$MODEL_NAME \
  --instance_data_dir=$INSTANCE_DIR \
  --output_dir=$OUTPUT_DIR \
  --train_text_encoder \
  --train_batch_size=1 \
  --learning_rate=1e-5 \
  --learning_rate_ti=5e-4 \
  --max_train_steps=4000 \
  --placeholder_token="<tok>" \
  --save_steps=500
