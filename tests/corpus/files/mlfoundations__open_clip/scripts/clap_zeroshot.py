# Stand-in for mlfoundations/open_clip:scripts/clap_zeroshot.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
