# Stand-in for karpathy/nanochat:scripts/tok_eval.py - hand-written for the osai-scan corpus, not copied.
"""tokenizer compression eval"""
import json
import sys
import torch
from checkpoint_manager import load_model   # checkpoint written by the training run

model, tokenizer = load_model(sys.argv[1], phase="eval")
model.eval()
examples = [json.loads(l) for l in open("eval_bundle/hellaswag.jsonl")]
correct = 0
with torch.no_grad():
    for ex in examples:
        scores = []
        for choice in ex["endings"]:
            ids = torch.tensor([tokenizer.encode(ex["ctx"] + " " + choice)])
            loss = model(ids[:, :-1], targets=ids[:, 1:])
            scores.append(-loss.item())
        correct += int(max(range(len(scores)), key=scores.__getitem__) == ex["label"])
print(json.dumps({"step_checkpoint": sys.argv[1], "accuracy": correct / len(examples)}))
