# Stand-in for google-research/bert:run_classifier.py - hand-written for the osai-scan corpus, not copied.




class Helper(DataProcessor):
    pass


def fit(trainer):
    estimator.train()


if __name__ == "__main__":
    tf.app.run()
