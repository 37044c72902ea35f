# Stand-in for facebookresearch/demucs:tools/export.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
