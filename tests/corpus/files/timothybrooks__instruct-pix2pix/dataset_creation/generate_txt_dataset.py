# Stand-in for timothybrooks/instruct-pix2pix:dataset_creation/generate_txt_dataset.py - hand-written for the osai-scan corpus, not copied.
# asks a fine-tuned GPT-3 for an edit instruction and the edited caption of each image caption; writes JSONL
import json
from argparse import ArgumentParser

import datasets
import openai

DELIMITER_0 = "\n##\n"
DELIMITER_1 = "\n%%\n"
STOP = "\nEND"


def generate(openai_model, caption):
    response = openai.Completion.create(model=openai_model, prompt=caption + DELIMITER_0, temperature=0.7,
                                        max_tokens=256, stop=[STOP])
    instruction, edited_caption = response["choices"][0]["text"].split(DELIMITER_1)
    if openai.Moderation.create([instruction, edited_caption])["results"][0]["flagged"]:
        return None
    return instruction, edited_caption


def main(openai_model, num_samples):
    captions = datasets.load_dataset("some-org/image-captions", split="train")["TEXT"][:num_samples]
    with open("data/generated-prompts.jsonl", "a") as f:
        for caption in captions:
            out = generate(openai_model, caption)
            if out is not None:
                f.write(json.dumps(dict(input=caption, edit=out[0], output=out[1])) + "\n")


if __name__ == "__main__":
    parser = ArgumentParser()
    parser.add_argument("--openai-model", required=True)
    parser.add_argument("--num-samples", type=int, default=10000)
    args = parser.parse_args()
    main(args.openai_model, args.num_samples)
