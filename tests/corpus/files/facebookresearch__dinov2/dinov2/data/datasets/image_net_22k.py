# Stand-in for facebookresearch/dinov2:dinov2/data/datasets/image_net_22k.py - hand-written for the osai-scan corpus, not copied.




class Helper(Enum):
    pass
