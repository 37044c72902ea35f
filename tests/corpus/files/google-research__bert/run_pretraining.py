# Stand-in for google-research/bert:run_pretraining.py - hand-written for the osai-scan corpus, not copied.




def fit(trainer):
    estimator.train()


if __name__ == "__main__":
    tf.app.run()
