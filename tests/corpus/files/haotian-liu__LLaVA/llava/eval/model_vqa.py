# Stand-in for haotian-liu/LLaVA:llava/eval/model_vqa.py - hand-written for the osai-scan corpus, not copied.
import argparse
import json

import torch

from llava.conversation import conv_templates
from llava.model.builder import load_pretrained_model


def eval_model(args):
    tokenizer, model, image_processor, _ = load_pretrained_model(args.model_path, None, "llava")
    questions = [json.loads(q) for q in open(args.question_file)]
    with open(args.answers_file, "w") as out:
        for q in questions:
            conv = conv_templates["llava_v1"].copy()
            conv.append_message(conv.roles[0], q["text"])
            input_ids = tokenizer(conv.get_prompt(), return_tensors="pt").input_ids
            with torch.inference_mode():
                output_ids = model.generate(input_ids, do_sample=False, max_new_tokens=1024)
            out.write(json.dumps({"question_id": q["question_id"],
                                  "text": tokenizer.decode(output_ids[0])}) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-path", default="liuhaotian/llava-v1.5-13b")
    parser.add_argument("--question-file")
    parser.add_argument("--answers-file")
    eval_model(parser.parse_args())
