# Stand-in for databrickslabs/dolly:examples/langchain.py - hand-written for the osai-scan corpus, not copied.
# Databricks notebook source
default_model = "databricks/dolly-v2-3b"
dbutils.widgets.text("input_model", default_model, "input_model")

# COMMAND ----------

from langchain import PromptTemplate, LLMChain
from langchain.llms import HuggingFacePipeline

from training.generate import InstructionTextGenerationPipeline, load_model_tokenizer_for_generate

model, tokenizer = load_model_tokenizer_for_generate(dbutils.widgets.get("input_model"))
hf_pipeline = HuggingFacePipeline(pipeline=InstructionTextGenerationPipeline(model=model, tokenizer=tokenizer))
prompt = PromptTemplate(input_variables=["instruction"], template="{instruction}")
llm_chain = LLMChain(llm=hf_pipeline, prompt=prompt)
print(llm_chain.predict(instruction="Name three uses of a paperclip."))
