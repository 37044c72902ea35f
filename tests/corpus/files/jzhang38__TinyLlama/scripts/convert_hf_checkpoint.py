# Stand-in for jzhang38/TinyLlama:scripts/convert_hf_checkpoint.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
