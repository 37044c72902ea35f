# Stand-in for facebookresearch/segment-anything:scripts/amg.py - hand-written for the osai-scan corpus, not copied.




def sample(model, prompt):
    return model.generate(prompt, max_new_tokens=32)


def main(args=None):
    pass


if __name__ == "__main__":
    main()
