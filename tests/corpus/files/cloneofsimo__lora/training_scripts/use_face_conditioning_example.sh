#!/bin/bash
# Stand-in for cloneofsimo/lora:training_scripts/use_face_conditioning_example.sh - hand-written for the osai-scan corpus, not copied.
export MODEL_NAME="some-org/sd-base"
export INSTANCE_DIR="./data/data_captioned"
export OUTPUT_DIR="./exps/face_captioned"

lora_pti \
  --pretrained_model_name_or_path=$MODEL_NAME \
  --instance_data_dir=$INSTANCE_DIR \
  --output_dir=$OUTPUT_DIR \
  --train_text_encoder \
  --train_batch_size=1 \
  --learning_rate_unet=1e-4 \
  --learning_rate_ti=5e-4 \
  --max_train_steps_ti=500 \
  --max_train_steps_tuning=1000 \
  --use_face_segmentation_condition \
  --lora_rank=8
