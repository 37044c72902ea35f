# Stand-in for openai/guided-diffusion:guided_diffusion/script_util.py - hand-written for the osai-scan corpus, not copied.
import argparse

from . import gaussian_diffusion as gd
from .respace import SpacedDiffusion, space_timesteps
from .unet import UNetModel, EncoderUNetModel


def model_and_diffusion_defaults():
    return dict(image_size=64, num_channels=128, num_res_blocks=2, diffusion_steps=1000,
                timestep_respacing="", use_fp16=False)


def create_model_and_diffusion(image_size, num_channels, num_res_blocks, diffusion_steps,
                               timestep_respacing, use_fp16):
    model = UNetModel(image_size=image_size, model_channels=num_channels, num_res_blocks=num_res_blocks)
    betas = [0.0001 + i * (0.02 - 0.0001) / diffusion_steps for i in range(diffusion_steps)]
    steps = space_timesteps(diffusion_steps, timestep_respacing or diffusion_steps)
    return model, SpacedDiffusion(steps, betas)


def create_classifier(image_size, classifier_width=128):
    return EncoderUNetModel(image_size=image_size, model_channels=classifier_width, out_channels=1000)


def add_dict_to_argparser(parser, default_dict):
    for k, v in default_dict.items():
        parser.add_argument(f"--{k}", default=v, type=type(v))


def args_to_dict(args, keys):
    return {k: getattr(args, k) for k in keys}
