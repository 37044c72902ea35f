# Stand-in for databrickslabs/dolly:training/generate.py - hand-written for the osai-scan corpus, not copied.
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer, Pipeline

from .consts import END_KEY, PROMPT_FOR_GENERATION_FORMAT, RESPONSE_KEY


def load_model_tokenizer_for_generate(pretrained_model_name_or_path):
    tokenizer = AutoTokenizer.from_pretrained(pretrained_model_name_or_path, padding_side="left")
    model = AutoModelForCausalLM.from_pretrained(pretrained_model_name_or_path, device_map="auto")
    return model, tokenizer


class InstructionTextGenerationPipeline(Pipeline):
    def _sanitize_parameters(self, **kwargs):
        return {}, kwargs, {}

    def preprocess(self, instruction_text):
        prompt = PROMPT_FOR_GENERATION_FORMAT.format(instruction=instruction_text)
        return {"input_ids": self.tokenizer(prompt, return_tensors="pt").input_ids}

    def _forward(self, model_inputs, **generate_kwargs):
        with torch.no_grad():
            return {"generated_sequence": self.model.generate(input_ids=model_inputs["input_ids"], **generate_kwargs)}

    def postprocess(self, model_outputs):
        text = self.tokenizer.decode(model_outputs["generated_sequence"][0], skip_special_tokens=False)
        return [{"generated_text": text.split(RESPONSE_KEY)[-1].split(END_KEY)[0].strip()}]


def generate_response(instruction, *, model, tokenizer, **kwargs):
    generation_pipeline = InstructionTextGenerationPipeline(model=model, tokenizer=tokenizer, **kwargs)
    return generation_pipeline(instruction, max_new_tokens=256)[0]["generated_text"]
