# Stand-in for EleutherAI/gpt-neox:deepy.py - hand-written for the osai-scan corpus, not copied.
# hands the parsed run arguments to the DeepSpeed launcher, which starts the training workers
import deepspeed.launcher.runner


def main(args=None):
    deepspeed.launcher.runner.main(args or [])


if __name__ == "__main__":
    main()
