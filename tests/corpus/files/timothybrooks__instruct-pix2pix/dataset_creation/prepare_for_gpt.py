# Stand-in for timothybrooks/instruct-pix2pix:dataset_creation/prepare_for_gpt.py - hand-written for the osai-scan corpus, not copied.
# turns human-written (caption, instruction, edited caption) triples into prompt/completion pairs for GPT-3 fine-tuning
import json
from argparse import ArgumentParser

from generate_txt_dataset import DELIMITER_0, DELIMITER_1, STOP


def main(input_path, output_path):
    with open(input_path) as f, open(output_path, "w") as out:
        for line in f:
            row = json.loads(line)
            out.write(json.dumps(dict(prompt=row["input"] + DELIMITER_0,
                                      completion=row["edit"] + DELIMITER_1 + row["output"] + STOP)) + "\n")


if __name__ == "__main__":
    parser = ArgumentParser()
    parser.add_argument("--input-path", required=True)
    parser.add_argument("--output-path", required=True)
    args = parser.parse_args()
    main(args.input_path, args.output_path)
