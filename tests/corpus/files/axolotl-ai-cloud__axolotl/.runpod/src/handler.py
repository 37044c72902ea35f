# Stand-in for axolotl-ai-cloud/axolotl:.runpod/src/handler.py - hand-written for the osai-scan corpus, not copied.
"""serverless entry calling train()"""
import os
import yaml
from train import train   # project-local wrapper around the training CLI


def handler(job):
    cfg = job["input"]["args"]
    os.makedirs("/runpod-volume/configs", exist_ok=True)
    path = "/runpod-volume/configs/run.yaml"
    with open(path, "w") as f:
        yaml.safe_dump(cfg, f)
    train(config=path, output_dir=cfg.get("output_dir", "./outputs"))
    return {"status": "trained", "output_dir": cfg.get("output_dir")}
