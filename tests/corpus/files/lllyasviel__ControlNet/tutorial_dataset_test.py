# Stand-in for lllyasviel/ControlNet:tutorial_dataset_test.py - hand-written for the osai-scan corpus, not copied.
# loads one training example to check the Dataset before a training run
__test__ = False  # inert under pytest: a stand-in, not a test of this project

from tutorial_dataset import MyDataset


def main():
    dataset = MyDataset()
    print(len(dataset))
    item = dataset[10]
    print(item["txt"], item["jpg"].shape, item["hint"].shape)


if __name__ == "__main__":
    main()
