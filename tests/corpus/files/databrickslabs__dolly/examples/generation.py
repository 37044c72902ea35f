# Stand-in for databrickslabs/dolly:examples/generation.py - hand-written for the osai-scan corpus, not copied.
# Databricks notebook source
default_model = "databricks/dolly-v2-3b"
dbutils.widgets.text("input_model", default_model, "input_model")

# COMMAND ----------

from training.generate import generate_response, load_model_tokenizer_for_generate

model, tokenizer = load_model_tokenizer_for_generate(dbutils.widgets.get("input_model"))
for instruction in ["Explain what a language model is.", "Write a haiku about autumn."]:
    print(generate_response(instruction, model=model, tokenizer=tokenizer))
