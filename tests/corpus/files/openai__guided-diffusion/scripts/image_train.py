# Stand-in for openai/guided-diffusion:scripts/image_train.py - hand-written for the osai-scan corpus, not copied.
import argparse

from guided_diffusion import dist_util, logger
from guided_diffusion.image_datasets import load_data
from guided_diffusion.script_util import (
    model_and_diffusion_defaults, create_model_and_diffusion, add_dict_to_argparser, args_to_dict)
from guided_diffusion.train_util import TrainLoop


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", default="")
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--batch_size", type=int, default=1)
    add_dict_to_argparser(parser, model_and_diffusion_defaults())
    args = parser.parse_args()
    dist_util.setup_dist()
    logger.configure()
    model, diffusion = create_model_and_diffusion(**args_to_dict(args, model_and_diffusion_defaults().keys()))
    model.to(dist_util.dev())
    data = load_data(data_dir=args.data_dir, batch_size=args.batch_size, image_size=args.image_size)
    TrainLoop(model=model, diffusion=diffusion, data=data, batch_size=args.batch_size, lr=args.lr).run_loop()


if __name__ == "__main__":
    main()
