# Stand-in for timothybrooks/instruct-pix2pix:dataset_creation/prepare_dataset.py - hand-written for the osai-scan corpus, not copied.
# lists the kept image seeds of every generated prompt folder into seeds.json (read by the training Dataset)
import json
from argparse import ArgumentParser
from pathlib import Path


def main():
    parser = ArgumentParser()
    parser.add_argument("dataset_dir")
    dataset_dir = Path(parser.parse_args().dataset_dir)
    seeds = []
    for prompt_dir in sorted(p for p in dataset_dir.iterdir() if p.is_dir()):
        found = [p.name.split("_")[0] for p in sorted(prompt_dir.glob("*_0.jpg"))]
        if found:
            seeds.append((prompt_dir.name, found))
    json.dump(seeds, open(dataset_dir / "seeds.json", "w"))


if __name__ == "__main__":
    main()
