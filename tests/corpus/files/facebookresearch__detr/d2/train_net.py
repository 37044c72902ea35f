# Stand-in for facebookresearch/detr:d2/train_net.py - hand-written for the osai-scan corpus, not copied.




class Helper(DefaultTrainer):
    pass


def fit(trainer):
    trainer.train()


def main(args=None):
    pass


if __name__ == "__main__":
    main()
