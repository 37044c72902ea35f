# Stand-in for tatsu-lab/stanford_alpaca:generate_instruction.py - hand-written for the osai-scan corpus, not copied.
"""self-instruct style generation via api"""
import json
import random
from openai import OpenAI
import utils  # the batch-completion helpers (the real script imports them)

client = OpenAI()
seeds = [json.loads(l) for l in open("seed_tasks.jsonl")]
template = open("prompt.txt").read()

with open("generated_instructions.jsonl", "a") as out:
    for _ in range(100):
        demos = random.sample(seeds, 3)
        prompt = template + "".join(f"{i + 1}. {d['instruction']}\n" for i, d in enumerate(demos))
        resp = client.completions.create(model="gpt-3.5-turbo-instruct", prompt=prompt,
                                         max_tokens=1024, temperature=1.0)
        for line in resp.choices[0].text.split("\n"):
            if line.strip():
                out.write(json.dumps({"instruction": line.strip(), "source": "machine"}) + "\n")
