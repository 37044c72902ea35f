# Stand-in for facebookresearch/audiocraft:audiocraft/optim/dadam.py - hand-written for the osai-scan corpus, not copied.




class Helper(torch.optim.Optimizer):
    pass
