# Stand-in for microsoft/LoRA:examples/NLG/src/gpt2_beam.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
