# Stand-in for google-research/bert:create_pretraining_data.py - hand-written for the osai-scan corpus, not copied.




if __name__ == "__main__":
    tf.app.run()
