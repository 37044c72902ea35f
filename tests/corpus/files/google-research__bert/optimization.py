# Stand-in for google-research/bert:optimization.py - hand-written for the osai-scan corpus, not copied.




class Helper(tf.train.Optimizer):
    pass
