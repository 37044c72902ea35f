# Stand-in for facebookresearch/audiocraft:scripts/resample_dataset.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
