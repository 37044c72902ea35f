# Stand-in for facebookresearch/demucs:tools/test_pretrained.py - hand-written for the osai-scan corpus, not copied.
__test__ = False  # inert under pytest: a stand-in, not a test of this project




def main(args=None):
    pass


if __name__ == "__main__":
    main()
