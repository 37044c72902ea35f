# Stand-in for allenai/open-instruct:scripts/data/sft/lima.py - hand-written for the osai-scan corpus, not copied.
# converts a public SFT dataset into chat "messages" and uploads the converted training set
import argparse

from datasets import load_dataset


def convert(example):
    turns = example["conversations"]
    roles = ["user", "assistant"]
    messages = [{"role": roles[i % 2], "content": t} for i, t in enumerate(turns)]
    return {"messages": messages[: len(messages) // 2 * 2]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--push_to_hub", action="store_true")
    parser.add_argument("--hf_entity", default=None)
    args = parser.parse_args()
    ds = load_dataset("GAIR/lima")["train"].map(convert, remove_columns=["conversations"])
    if args.push_to_hub:
        ds.push_to_hub(f"{args.hf_entity}/lima-converted")


if __name__ == "__main__":
    main()
