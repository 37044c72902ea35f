# Stand-in for snakers4/silero-vad:tuning/tune.py - hand-written for the osai-scan corpus, not copied.




def train(args=None):
    pass


if __name__ == "__main__":
    train()
