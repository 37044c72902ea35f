# Stand-in for lm-sys/FastChat:fastchat/llm_judge/gen_model_answer.py - hand-written for the osai-scan corpus, not copied.
"""generate answers for benchmark questions"""
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "path/to/checkpoint"
tok = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForCausalLM.from_pretrained(model_id, torch_dtype=torch.float16).eval()

while True:
    prompt = input("> ")
    if prompt in ("exit", "quit"):
        break
    inputs = tok(prompt, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**inputs, max_new_tokens=256, temperature=0.7, do_sample=True)
    print(tok.decode(out[0][inputs["input_ids"].shape[1]:], skip_special_tokens=True))
