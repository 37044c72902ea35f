# Stand-in for ultralytics/yolov5:utils/augmentations.py - hand-written for the osai-scan corpus, not copied.
import random

import numpy as np


def augment_hsv(im, hgain=0.5, sgain=0.5, vgain=0.5):
    r = np.random.uniform(-1, 1, 3) * [hgain, sgain, vgain] + 1
    return (im * r).astype(im.dtype)


def random_perspective(im, targets=(), degrees=10, translate=0.1, scale=0.1):
    return im, targets


def mixup(im, labels, im2, labels2):
    r = np.random.beta(32.0, 32.0)
    return (im * r + im2 * (1 - r)).astype(np.uint8), np.concatenate((labels, labels2), 0)


def copy_paste(im, labels, segments, p=0.5):
    if random.random() < p:
        return im, labels, segments
    return im, labels, segments


def letterbox(im, new_shape=(640, 640)):
    return im
