# Stand-in for EleutherAI/gpt-neox:megatron/optimizers.py - hand-written for the osai-scan corpus, not copied.




class Helper(Optimizer):
    pass
