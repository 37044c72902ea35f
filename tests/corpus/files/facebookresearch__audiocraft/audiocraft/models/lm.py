# Stand-in for facebookresearch/audiocraft:audiocraft/models/lm.py - hand-written for the osai-scan corpus, not copied.




class Helper(StreamingModule):
    pass
