# Stand-in for EleutherAI/gpt-neox:tools/ckpts/convert_hf_llama_to_neox.py - hand-written for the osai-scan corpus, not copied.




def main(args=None):
    pass


if __name__ == "__main__":
    main()
