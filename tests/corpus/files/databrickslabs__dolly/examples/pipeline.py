# Stand-in for databrickslabs/dolly:examples/pipeline.py - hand-written for the osai-scan corpus, not copied.
# Databricks notebook source
default_model = "databricks/dolly-v2-3b"
dbutils.widgets.text("input_model", default_model, "input_model")

# COMMAND ----------

from training.generate import InstructionTextGenerationPipeline, load_model_tokenizer_for_generate

model, tokenizer = load_model_tokenizer_for_generate(dbutils.widgets.get("input_model"))
generation_pipeline = InstructionTextGenerationPipeline(model=model, tokenizer=tokenizer)
for instruction in ["Give me three tips for learning to cook."]:
    for res in generation_pipeline(instruction, num_return_sequences=2):
        print(res["generated_text"])
