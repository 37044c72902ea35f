# Stand-in for openai/guided-diffusion:scripts/super_res_sample.py - hand-written for the osai-scan corpus, not copied.
import argparse

import numpy as np
import torch as th

from guided_diffusion import dist_util, logger
from guided_diffusion.script_util import (
    model_and_diffusion_defaults, create_model_and_diffusion, add_dict_to_argparser, args_to_dict)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_path", default="")
    parser.add_argument("--base_samples", default="", help="npz of low-resolution samples")
    add_dict_to_argparser(parser, model_and_diffusion_defaults())
    args = parser.parse_args()
    dist_util.setup_dist()
    logger.configure()
    model, diffusion = create_model_and_diffusion(**args_to_dict(args, model_and_diffusion_defaults().keys()))
    model.load_state_dict(dist_util.load_state_dict(args.model_path, map_location="cpu"))
    model.eval()
    low_res = th.from_numpy(np.load(args.base_samples)["arr_0"]).float().permute(0, 3, 1, 2) / 127.5 - 1
    with th.no_grad():
        sample = diffusion.p_sample_loop(model, (low_res.shape[0], 3, args.image_size, args.image_size),
                                         model_kwargs={"low_res": low_res})
    np.savez("super_res_samples.npz", sample.cpu().numpy())


if __name__ == "__main__":
    main()
