# Stand-in for openai/guided-diffusion:scripts/super_res_train.py - hand-written for the osai-scan corpus, not copied.
import argparse

from guided_diffusion import dist_util, logger
from guided_diffusion.image_datasets import load_data
from guided_diffusion.script_util import (
    model_and_diffusion_defaults, create_model_and_diffusion, add_dict_to_argparser, args_to_dict)
from guided_diffusion.train_util import TrainLoop

import torch.nn.functional as F


def load_superres_data(data_dir, batch_size, large_size, small_size):
    for large_batch, model_kwargs in load_data(data_dir=data_dir, batch_size=batch_size, image_size=large_size):
        model_kwargs["low_res"] = F.interpolate(large_batch, small_size, mode="area")
        yield large_batch, model_kwargs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", default="")
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--batch_size", type=int, default=1)
    parser.add_argument("--small_size", type=int, default=64)
    add_dict_to_argparser(parser, model_and_diffusion_defaults())
    args = parser.parse_args()
    dist_util.setup_dist()
    logger.configure()
    model, diffusion = create_model_and_diffusion(**args_to_dict(args, model_and_diffusion_defaults().keys()))
    data = load_superres_data(args.data_dir, args.batch_size, args.image_size, args.small_size)
    TrainLoop(model=model, diffusion=diffusion, data=data, batch_size=args.batch_size, lr=args.lr).run_loop()


if __name__ == "__main__":
    main()
