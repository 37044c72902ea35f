# Stand-in for openai/improved-diffusion:datasets/cifar10.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
