# Stand-in for openai/guided-diffusion:scripts/image_sample.py - hand-written for the osai-scan corpus, not copied.
import argparse

import numpy as np
import torch as th

from guided_diffusion import dist_util, logger
from guided_diffusion.script_util import (
    model_and_diffusion_defaults, create_model_and_diffusion, add_dict_to_argparser, args_to_dict)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_path", default="")
    parser.add_argument("--num_samples", type=int, default=100)
    parser.add_argument("--batch_size", type=int, default=16)
    add_dict_to_argparser(parser, model_and_diffusion_defaults())
    args = parser.parse_args()
    dist_util.setup_dist()
    logger.configure()
    model, diffusion = create_model_and_diffusion(**args_to_dict(args, model_and_diffusion_defaults().keys()))
    model.load_state_dict(dist_util.load_state_dict(args.model_path, map_location="cpu"))
    model.to(dist_util.dev()).eval()
    samples = []
    while len(samples) * args.batch_size < args.num_samples:
        with th.no_grad():
            sample = diffusion.p_sample_loop(model, (args.batch_size, 3, args.image_size, args.image_size))
        samples.append(((sample + 1) * 127.5).clamp(0, 255).to(th.uint8).cpu().numpy())
    np.savez("samples.npz", np.concatenate(samples)[: args.num_samples])


if __name__ == "__main__":
    main()
