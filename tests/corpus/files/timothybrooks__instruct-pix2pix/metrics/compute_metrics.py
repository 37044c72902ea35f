# Stand-in for timothybrooks/instruct-pix2pix:metrics/compute_metrics.py - hand-written for the osai-scan corpus, not copied.
# samples edits from a checkpoint over a range of guidance scales and plots CLIP similarity trade-offs
from argparse import ArgumentParser

import k_diffusion as K
import matplotlib.pyplot as plt
import torch
from omegaconf import OmegaConf

from clip_similarity import ClipSimilarity
from edit_dataset import EditDatasetEval
from stable_diffusion.ldm.util import instantiate_from_config


def compute_metrics(config, ckpt, scales=(1.0, 1.5, 2.0)):
    model = instantiate_from_config(OmegaConf.load(config).model)
    model.load_state_dict(torch.load(ckpt, map_location="cpu")["state_dict"], strict=False)
    model.eval().cuda()
    clip_similarity = ClipSimilarity().cuda()
    dataset = EditDatasetEval(path="data/edit-dataset", split="test")
    results = []
    with torch.no_grad():
        for scale in scales:
            sims = [clip_similarity(*model.edit(item["image_0"], item["edit"], image_cfg=scale)) for item in dataset]
            results.append(sum(s[2] for s in sims) / len(sims))
    plt.plot(scales, results)
    plt.savefig("plots/clip_direction.pdf")


if __name__ == "__main__":
    parser = ArgumentParser()
    parser.add_argument("--ckpt", required=True)
    parser.add_argument("--config", default="configs/generate.yaml")
    args = parser.parse_args()
    compute_metrics(args.config, args.ckpt)
