# Stand-in for google/flax:flax/training/train_state.py - hand-written for the osai-scan corpus, not copied.




class Helper(struct.PyTreeNode):
    pass
