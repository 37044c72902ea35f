# Stand-in for facebookresearch/demucs:demucs/api.py - hand-written for the osai-scan corpus, not copied.




class Helper(Exception):
    pass


def main(args=None):
    pass


if __name__ == "__main__":
    main()
