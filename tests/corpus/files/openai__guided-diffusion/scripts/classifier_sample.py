# Stand-in for openai/guided-diffusion:scripts/classifier_sample.py - hand-written for the osai-scan corpus, not copied.
import argparse

import numpy as np
import torch as th

from guided_diffusion import dist_util, logger
from guided_diffusion.script_util import (
    model_and_diffusion_defaults, create_model_and_diffusion, add_dict_to_argparser, args_to_dict)

import torch.nn.functional as F

from guided_diffusion.script_util import create_classifier


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_path", default="")
    parser.add_argument("--classifier_path", default="")
    parser.add_argument("--classifier_scale", type=float, default=1.0)
    add_dict_to_argparser(parser, model_and_diffusion_defaults())
    args = parser.parse_args()
    dist_util.setup_dist()
    logger.configure()
    model, diffusion = create_model_and_diffusion(**args_to_dict(args, model_and_diffusion_defaults().keys()))
    model.load_state_dict(dist_util.load_state_dict(args.model_path, map_location="cpu"))
    classifier = create_classifier(args.image_size)
    classifier.load_state_dict(dist_util.load_state_dict(args.classifier_path, map_location="cpu"))
    model.eval()
    classifier.eval()

    def cond_fn(x, t, y=None):
        with th.enable_grad():
            x_in = x.detach().requires_grad_(True)
            log_probs = F.log_softmax(classifier(x_in, t), dim=-1)
            selected = log_probs[range(len(log_probs)), y.view(-1)]
            return th.autograd.grad(selected.sum(), x_in)[0] * args.classifier_scale

    classes = th.randint(0, 1000, (16,))
    sample = diffusion.p_sample_loop(model, (16, 3, args.image_size, args.image_size),
                                     cond_fn=cond_fn, model_kwargs={"y": classes})
    np.savez("samples.npz", sample.cpu().numpy(), classes.numpy())


if __name__ == "__main__":
    main()
