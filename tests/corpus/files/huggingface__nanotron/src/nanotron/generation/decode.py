# Stand-in for huggingface/nanotron:src/nanotron/generation/decode.py - hand-written for the osai-scan corpus, not copied.
import dataclasses

import torch


@dataclasses.dataclass
class GenerationInput:
    text: str


@dataclasses.dataclass
class GenerationOutput:
    input_ids: torch.Tensor
    generation_ids: torch.Tensor


@torch.inference_mode()
def decode_tokenized(input_ids, model, max_new_tokens=128, sampler=None):
    generated = input_ids
    for _ in range(max_new_tokens):
        logits = model.model(generated)[:, -1, :]
        next_token = logits.argmax(-1, keepdim=True) if sampler is None else sampler(logits)
        generated = torch.cat([generated, next_token], dim=-1)
    return GenerationOutput(input_ids=input_ids, generation_ids=generated)


def decode_text(inputs, model, tokenizer=None, max_new_tokens=128):
    for item in inputs:
        ids = torch.tensor([tokenizer.encode(item.text)]) if tokenizer else torch.tensor([[1]])
        yield decode_tokenized(ids, model, max_new_tokens=max_new_tokens)
