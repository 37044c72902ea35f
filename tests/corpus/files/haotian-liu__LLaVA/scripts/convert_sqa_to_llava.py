# Stand-in for haotian-liu/LLaVA:scripts/convert_sqa_to_llava.py - hand-written for the osai-scan corpus, not copied.
import json
import os

import fire


def convert_to_llava(base_dir, split):
    split_ids = json.load(open(os.path.join(base_dir, "pid_splits.json")))[split]
    problems = json.load(open(os.path.join(base_dir, "problems.json")))
    records = []
    for pid in split_ids:
        p = problems[pid]
        records.append({"id": pid, "conversations": [
            {"from": "human", "value": p["question"] + "\n<image>"},
            {"from": "gpt", "value": p["choices"][p["answer"]]}]})
    with open(os.path.join(base_dir, f"llava_{split}.json"), "w") as f:
        json.dump(records, f, indent=2)


if __name__ == "__main__":
    fire.Fire(convert_to_llava)
