# Stand-in for CompVis/stable-diffusion:ldm/modules/image_degradation/bsrgan.py - hand-written for the osai-scan corpus, not copied.
"""synthesize degraded LR/HR training pairs"""
import random
import cv2
import numpy as np


def degradation_pipeline(hr, sf=4):
    """Create a (low-res, high-res) pair for super-resolution training."""
    img = cv2.GaussianBlur(hr, (0, 0), random.uniform(0.1, 2.8))
    img = cv2.resize(img, (hr.shape[1] // sf, hr.shape[0] // sf), interpolation=cv2.INTER_AREA)
    img = img + np.random.normal(0, random.uniform(1, 25) / 255.0, img.shape)
    ok, enc = cv2.imencode(".jpg", (img.clip(0, 1) * 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, 60])
    lq = cv2.imdecode(enc, cv2.IMREAD_UNCHANGED) / 255.0
    return {"lr": lq.astype(np.float32), "hr": hr.astype(np.float32)}
