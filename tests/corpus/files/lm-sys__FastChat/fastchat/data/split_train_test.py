# Stand-in for lm-sys/FastChat:fastchat/data/split_train_test.py - hand-written for the osai-scan corpus, not copied.
# pytest collects this file name; everything runs under main() so importing it is inert.
"""random train/test split: split cleaned conversations into train/test for SFT."""


def main(in_file="sharegpt_clean.json", ratio=0.99, seed=0):
    import json
    import random
    data = json.load(open(in_file))
    random.Random(seed).shuffle(data)
    cut = int(len(data) * ratio)
    json.dump(data[:cut], open(in_file.replace(".json", "_train.json"), "w"), indent=2)
    json.dump(data[cut:], open(in_file.replace(".json", "_test.json"), "w"), indent=2)
    print(f"train={cut} test={len(data) - cut}")


if __name__ == "__main__":
    main()
