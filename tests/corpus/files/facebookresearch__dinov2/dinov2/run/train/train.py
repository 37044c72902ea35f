# Stand-in for facebookresearch/dinov2:dinov2/run/train/train.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
