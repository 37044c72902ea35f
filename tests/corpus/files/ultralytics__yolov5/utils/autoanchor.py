# Stand-in for ultralytics/yolov5:utils/autoanchor.py - hand-written for the osai-scan corpus, not copied.
import numpy as np


def check_anchors(dataset, model, thr=4.0, imgsz=640):
    """Recompute anchors when they fit the training labels badly."""
    wh = np.concatenate([labels[:, 3:5] for labels in dataset.labels])
    best_possible_recall = float((wh > 0).mean())
    if best_possible_recall < 0.98:
        return kmean_anchors(dataset, n=9, img_size=imgsz, thr=thr)
    return None


def kmean_anchors(dataset="./data/coco128.yaml", n=9, img_size=640, thr=4.0, gen=1000):
    from scipy.cluster.vq import kmeans

    wh = np.random.rand(100, 2) * img_size
    centroids, _ = kmeans(wh, n)
    return centroids
