# Stand-in for facebookresearch/DiT:sample.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch
from diffusers.models import AutoencoderKL
from torchvision.utils import save_image

from diffusion import create_diffusion
from download import find_model
from models import DiT_models


def main(args):
    torch.set_grad_enabled(False)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    latent_size = args.image_size // 8
    model = DiT_models[args.model](input_size=latent_size, num_classes=1000).to(device)
    model.load_state_dict(find_model(args.ckpt or f"DiT-XL-2-{args.image_size}x{args.image_size}.pt"))
    model.eval()
    diffusion = create_diffusion(str(args.num_sampling_steps))
    vae = AutoencoderKL.from_pretrained("stabilityai/sd-vae-ft-ema").to(device)
    y = torch.tensor([207, 360, 387, 974], device=device)
    z = torch.randn(len(y), 4, latent_size, latent_size, device=device)
    z, y = torch.cat([z, z], 0), torch.cat([y, torch.tensor([1000] * len(y), device=device)], 0)
    samples = diffusion.p_sample_loop(model.forward_with_cfg, z.shape, z, clip_denoised=False,
                                      model_kwargs=dict(y=y, cfg_scale=args.cfg_scale), device=device)
    samples = vae.decode(samples.chunk(2, dim=0)[0] / 0.18215).sample
    save_image(samples, "sample.png", nrow=4, normalize=True, value_range=(-1, 1))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="DiT-XL/2")
    parser.add_argument("--image-size", type=int, default=256)
    parser.add_argument("--cfg-scale", type=float, default=4.0)
    parser.add_argument("--num-sampling-steps", type=int, default=250)
    parser.add_argument("--ckpt", default=None)
    main(parser.parse_args())
