# Stand-in for facebookresearch/DiT:sample_ddp.py - hand-written for the osai-scan corpus, not copied.
import argparse
import os

import numpy as np
import torch
import torch.distributed as dist
from diffusers.models import AutoencoderKL
from PIL import Image

from diffusion import create_diffusion
from download import find_model
from models import DiT_models


def create_npz_from_sample_folder(sample_dir, num=50_000):
    samples = np.stack([np.asarray(Image.open(f"{sample_dir}/{i:06d}.png")) for i in range(num)])
    np.savez(f"{sample_dir}.npz", arr_0=samples)


def main(args):
    torch.set_grad_enabled(False)
    dist.init_process_group("nccl")
    rank = dist.get_rank()
    device = rank % torch.cuda.device_count()
    model = DiT_models[args.model](input_size=args.image_size // 8).to(device)
    model.load_state_dict(find_model(args.ckpt))
    model.eval()
    diffusion = create_diffusion(str(args.num_sampling_steps))
    vae = AutoencoderKL.from_pretrained("stabilityai/sd-vae-ft-ema").to(device)
    os.makedirs(args.sample_dir, exist_ok=True)
    for i in range(rank, args.num_fid_samples, dist.get_world_size()):
        z = torch.randn(1, 4, args.image_size // 8, args.image_size // 8, device=device)
        y = torch.randint(0, 1000, (1,), device=device)
        sample = diffusion.p_sample_loop(model.forward, z.shape, z, clip_denoised=False,
                                         model_kwargs=dict(y=y), progress=False, device=device)
        img = vae.decode(sample / 0.18215).sample
        img = ((img + 1) * 127.5).clamp(0, 255).permute(0, 2, 3, 1).to("cpu", dtype=torch.uint8).numpy()[0]
        Image.fromarray(img).save(f"{args.sample_dir}/{i:06d}.png")
    dist.barrier()
    if rank == 0:
        create_npz_from_sample_folder(args.sample_dir, args.num_fid_samples)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="DiT-XL/2")
    parser.add_argument("--image-size", type=int, default=256)
    parser.add_argument("--num-fid-samples", type=int, default=50_000)
    parser.add_argument("--num-sampling-steps", type=int, default=250)
    parser.add_argument("--sample-dir", default="samples")
    parser.add_argument("--ckpt", default="DiT-XL-2-256x256.pt")
    main(parser.parse_args())
