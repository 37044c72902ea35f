# Stand-in for openai/guided-diffusion:scripts/image_nll.py - hand-written for the osai-scan corpus, not copied.
import argparse

import numpy as np
import torch as th

from guided_diffusion import dist_util, logger
from guided_diffusion.script_util import (
    model_and_diffusion_defaults, create_model_and_diffusion, add_dict_to_argparser, args_to_dict)

from guided_diffusion.image_datasets import load_data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_path", default="")
    parser.add_argument("--data_dir", default="")
    parser.add_argument("--num_samples", type=int, default=1000)
    add_dict_to_argparser(parser, model_and_diffusion_defaults())
    args = parser.parse_args()
    dist_util.setup_dist()
    logger.configure()
    model, diffusion = create_model_and_diffusion(**args_to_dict(args, model_and_diffusion_defaults().keys()))
    model.load_state_dict(dist_util.load_state_dict(args.model_path, map_location="cpu"))
    model.eval()
    data = load_data(data_dir=args.data_dir, batch_size=8, image_size=args.image_size, deterministic=True)
    bpds = []
    with th.no_grad():
        for _ in range(args.num_samples // 8):
            batch, _ = next(data)
            bpds.append(diffusion.calc_bpd_loop(model, batch)["total_bpd"].mean().item())
    logger.log(f"bits/dim: {np.mean(bpds)}")


if __name__ == "__main__":
    main()
