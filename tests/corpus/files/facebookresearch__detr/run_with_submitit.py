# Stand-in for facebookresearch/detr:run_with_submitit.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
