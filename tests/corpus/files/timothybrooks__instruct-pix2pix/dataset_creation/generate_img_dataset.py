# Stand-in for timothybrooks/instruct-pix2pix:dataset_creation/generate_img_dataset.py - hand-written for the osai-scan corpus, not copied.
# renders each caption pair into an image pair with Stable Diffusion (shared attention maps), keeps pairs passing CLIP filters
import argparse
import json
from pathlib import Path

import torch
from omegaconf import OmegaConf

from ldm.util import instantiate_from_config
from metrics.clip_similarity import ClipSimilarity


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out_dir", required=True)
    parser.add_argument("--prompts_file", required=True)
    parser.add_argument("--ckpt", default="stable_diffusion/models/ldm/stable-diffusion-v1/base.ckpt")
    parser.add_argument("--clip-threshold", type=float, default=0.2)
    args = parser.parse_args()
    model = instantiate_from_config(OmegaConf.load("stable_diffusion/configs/stable-diffusion/v1-inference.yaml").model)
    model.load_state_dict(torch.load(args.ckpt)["state_dict"], strict=False)
    clip_similarity = ClipSimilarity().cuda()
    for i, line in enumerate(open(args.prompts_file)):
        prompt = json.loads(line)
        out = Path(args.out_dir) / f"{i:07d}"
        out.mkdir(parents=True, exist_ok=True)
        images = model.sample_pair(prompt["input"], prompt["output"])
        sim_0, sim_1, sim_dir, sim_image = clip_similarity(images[0], images[1], [prompt["input"]], [prompt["output"]])
        if sim_dir >= args.clip_threshold:
            json.dump(prompt, open(out / "prompt.json", "w"))


if __name__ == "__main__":
    main()
