# Stand-in for microsoft/LoRA:examples/NLG/src/optimizer.py - hand-written for the osai-scan corpus, not copied.




class Helper(Optimizer):
    pass
