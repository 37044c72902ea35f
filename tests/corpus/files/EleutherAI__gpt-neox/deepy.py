# Stand-in for EleutherAI/gpt-neox:deepy.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
