# Stand-in for allenai/open-instruct:decontamination/search.py - hand-written for the osai-scan corpus, not copied.
# finds training examples that overlap evaluation sets, to decontaminate the training mixture
import argparse

from datasets import load_dataset
from elasticsearch import Elasticsearch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train_dataset_names", nargs="+", required=True)
    parser.add_argument("--eval_dataset", default="gsm8k")
    parser.add_argument("--decontaminate", action="store_true")
    args = parser.parse_args()
    es = Elasticsearch("http://localhost:9200")
    test = load_dataset(args.eval_dataset, "main", split="test")
    for name in args.train_dataset_names:
        train = load_dataset(name, split="train")
        hits = set()
        for ex in test:
            res = es.search(index=name.lower(), query={"match_phrase": {"text": ex["question"]}})
            hits.update(h["_id"] for h in res["hits"]["hits"])
        if args.decontaminate:
            train = train.filter(lambda _, i: str(i) not in hits, with_indices=True)
            train.push_to_hub(name + "-decontaminated")


if __name__ == "__main__":
    main()
