# Stand-in for google/flax:examples/lm1b/main.py - hand-written for the osai-scan corpus, not copied.




def fit(trainer):
    train.train_and_evaluate()


if __name__ == "__main__":
    app.run()
