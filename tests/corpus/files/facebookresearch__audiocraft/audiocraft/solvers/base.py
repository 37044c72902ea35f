# Stand-in for facebookresearch/audiocraft:audiocraft/solvers/base.py - hand-written for the osai-scan corpus, not copied.




class Helper(ABC):
    pass
