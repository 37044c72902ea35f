# Stand-in for google-research/bert:extract_features.py - hand-written for the osai-scan corpus, not copied.




if __name__ == "__main__":
    tf.app.run()
