# Stand-in for openai/improved-diffusion:scripts/image_nll.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
