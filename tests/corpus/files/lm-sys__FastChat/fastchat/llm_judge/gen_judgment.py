# Stand-in for lm-sys/FastChat:fastchat/llm_judge/gen_judgment.py - hand-written for the osai-scan corpus, not copied.
"""judge answers via api"""
import json
from openai import OpenAI

client = OpenAI()
judge = [json.loads(l) for l in open("data/judge_prompts.jsonl")][0]
answers = [json.loads(l) for l in open("model_answer/my-model.jsonl")]
with open("model_judgment/gpt-4_single.jsonl", "w") as out:
    for a in answers:
        msg = judge["prompt_template"].format(question=a["question"], answer=a["answer"])
        r = client.chat.completions.create(model="gpt-4", temperature=0,
                                           messages=[{"role": "system", "content": judge["system_prompt"]},
                                                     {"role": "user", "content": msg}])
        out.write(json.dumps({"question_id": a["question_id"], "judgment": r.choices[0].message.content}) + "\n")
