# Stand-in for timothybrooks/instruct-pix2pix:edit_cli.py - hand-written for the osai-scan corpus, not copied.
# edits one image with the released checkpoint
import argparse
import k_diffusion as K
import torch
from omegaconf import OmegaConf

from stable_diffusion.ldm.util import instantiate_from_config


def load_model_from_config(config, ckpt):
    model = instantiate_from_config(config.model)
    model.load_state_dict(torch.load(ckpt, map_location="cpu")["state_dict"], strict=False)
    return model.eval().cuda()


def edit(model, image, instruction, steps=50, text_cfg=7.5, image_cfg=1.5):
    wrap = K.external.CompVisDenoiser(model)
    with torch.no_grad(), torch.autocast("cuda"):
        cond = {"c_crossattn": [model.get_learned_conditioning([instruction])],
                "c_concat": [model.encode_first_stage(image).mode()]}
        sigmas = wrap.get_sigmas(steps)
        z = torch.randn_like(cond["c_concat"][0]) * sigmas[0]
        z = K.sampling.sample_euler_ancestral(wrap, z, sigmas, extra_args={"cond": cond})
        return model.decode_first_stage(z)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/generate.yaml")
    parser.add_argument("--ckpt", default="checkpoints/released.ckpt")
    parser.add_argument("--input", required=True)
    parser.add_argument("--edit", required=True)
    args = parser.parse_args()
    model = load_model_from_config(OmegaConf.load(args.config), args.ckpt)
    edit(model, args.input, args.edit)


if __name__ == "__main__":
    main()
