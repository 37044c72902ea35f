# Stand-in for openai/improved-diffusion:datasets/lsun_bedroom.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
