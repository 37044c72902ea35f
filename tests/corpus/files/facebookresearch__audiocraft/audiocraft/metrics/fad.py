# Stand-in for facebookresearch/audiocraft:audiocraft/metrics/fad.py - hand-written for the osai-scan corpus, not copied.




class Helper(torchmetrics.Metric):
    pass
