# Stand-in for databrickslabs/dolly:train_dolly.py - hand-written for the osai-scan corpus, not copied.
# Databricks notebook source
import os
from datetime import datetime

from training.consts import DEFAULT_INPUT_MODEL, SUGGESTED_INPUT_MODELS
from training.trainer import load_training_dataset, load_tokenizer

dbutils.widgets.combobox("input_model", DEFAULT_INPUT_MODEL, SUGGESTED_INPUT_MODELS, "input_model")
dbutils.widgets.combobox("gpu_family", "a100", ["v100", "a10", "a100"])

# COMMAND ----------
input_model = dbutils.widgets.get("input_model")
local_output_dir = os.path.join(os.path.expanduser("~"), "dolly_training", f"dolly__{datetime.now():%Y-%m-%dT%H:%M:%S}")
deepspeed_config = os.path.join(os.getcwd(), "config", f"{dbutils.widgets.get('gpu_family')}_config.json")

# COMMAND ----------
!deepspeed --module training.trainer \
    --input-model {input_model} \
    --deepspeed {deepspeed_config} \
    --epochs 2 \
    --local-output-dir {local_output_dir} \
    --per-device-train-batch-size 6 \
    --lr 5e-6

# COMMAND ----------
from training.generate import generate_response, load_model_tokenizer_for_generate

model, tokenizer = load_model_tokenizer_for_generate(local_output_dir)
print(generate_response("Write a tweet announcing a new open model.", model=model, tokenizer=tokenizer))
