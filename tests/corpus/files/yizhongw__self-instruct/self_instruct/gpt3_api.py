# Stand-in for yizhongw/self-instruct:self_instruct/gpt3_api.py - hand-written for the osai-scan corpus, not copied.
"""batched completion api wrapper"""
import json
import time
from openai import OpenAI

_client = OpenAI()


def batch_complete(prompts, model="gpt-3.5-turbo-instruct", max_tokens=512, retries=3):
    for attempt in range(retries):
        try:
            res = _client.completions.create(model=model, prompt=prompts, max_tokens=max_tokens)
            return [c.text for c in res.choices]
        except Exception:
            time.sleep(2 ** attempt)
    raise RuntimeError("completion failed")


def read_json(path):
    with open(path) as f:
        return json.load(f)


def write_json(obj, path):
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)
