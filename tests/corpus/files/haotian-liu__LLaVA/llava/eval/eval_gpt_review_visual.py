# Stand-in for haotian-liu/LLaVA:llava/eval/eval_gpt_review_visual.py - hand-written for the osai-scan corpus, not copied.
import argparse
import json

import openai


def get_eval(content, max_tokens):
    response = openai.ChatCompletion.create(
        model="gpt-4",
        messages=[{"role": "system", "content": "You are a helpful and precise assistant."},
                  {"role": "user", "content": content}],
        temperature=0.2, max_tokens=max_tokens)
    return response["choices"][0]["message"]["content"]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-q", "--question")
    parser.add_argument("-a", "--answer-list", nargs="+")
    parser.add_argument("-r", "--rule")
    parser.add_argument("-o", "--output")
    args = parser.parse_args()
    rules = json.load(open(args.rule))
    questions = [json.loads(line) for line in open(args.question)]
    answers = [[json.loads(line) for line in open(f)] for f in args.answer_list]
    with open(args.output, "w") as out:
        for q, a1, a2 in zip(questions, *answers):
            rule = rules[q["category"]]
            content = (f"[Question]\n{q['text']}\n\n[Assistant 1]\n{a1['text']}\n\n"
                       f"[Assistant 2]\n{a2['text']}\n\n[System]\n{rule['prompt']}\n\n")
            out.write(json.dumps({"question_id": q["question_id"],
                                  "content": get_eval(content, 1024)}) + "\n")
