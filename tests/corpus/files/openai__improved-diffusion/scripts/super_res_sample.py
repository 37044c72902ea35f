# Stand-in for openai/improved-diffusion:scripts/super_res_sample.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
