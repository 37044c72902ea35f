# Stand-in for facebookresearch/detr:datasets/coco.py - hand-written for the osai-scan corpus, not copied.




class Helper(torchvision.datasets.CocoDetection):
    pass
