# Stand-in for facebookresearch/audiocraft:audiocraft/data/audio_dataset.py - hand-written for the osai-scan corpus, not copied.




class Helper(BaseInfo):
    pass


def main(args=None):
    pass


if __name__ == "__main__":
    main()
