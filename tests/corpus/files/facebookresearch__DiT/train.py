# Stand-in for facebookresearch/DiT:train.py - hand-written for the osai-scan corpus, not copied.
import argparse
from copy import deepcopy

import torch
import torch.distributed as dist
from diffusers.models import AutoencoderKL
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader
from torch.utils.data.distributed import DistributedSampler
from torchvision import transforms
from torchvision.datasets import ImageFolder

from diffusion import create_diffusion
from models import DiT_models


@torch.no_grad()
def update_ema(ema_model, model, decay=0.9999):
    for p_ema, p in zip(ema_model.parameters(), model.parameters()):
        p_ema.mul_(decay).add_(p.data, alpha=1 - decay)


def main(args):
    dist.init_process_group("nccl")
    device = dist.get_rank() % torch.cuda.device_count()
    model = DiT_models[args.model](input_size=args.image_size // 8, num_classes=1000)
    ema = deepcopy(model).to(device)
    model = DDP(model.to(device), device_ids=[device])
    diffusion = create_diffusion(timestep_respacing="")
    vae = AutoencoderKL.from_pretrained("stabilityai/sd-vae-ft-ema").to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0)
    transform = transforms.Compose([transforms.RandomHorizontalFlip(), transforms.ToTensor(),
                                    transforms.Normalize([0.5] * 3, [0.5] * 3)])
    dataset = ImageFolder(args.data_path, transform=transform)
    loader = DataLoader(dataset, batch_size=args.global_batch_size // dist.get_world_size(),
                        sampler=DistributedSampler(dataset), drop_last=True)
    train_steps = 0
    for epoch in range(args.epochs):
        for x, y in loader:
            with torch.no_grad():
                x = vae.encode(x.to(device)).latent_dist.sample().mul_(0.18215)
            t = torch.randint(0, diffusion.num_timesteps, (x.shape[0],), device=device)
            loss = diffusion.training_losses(model, x, t, dict(y=y.to(device)))["loss"].mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            update_ema(ema, model.module)
            train_steps += 1
            if train_steps % args.ckpt_every == 0 and dist.get_rank() == 0:
                torch.save({"model": model.module.state_dict(), "ema": ema.state_dict(), "opt": opt.state_dict()},
                           f"checkpoints/{train_steps:07d}.pt")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-path", required=True)
    parser.add_argument("--model", default="DiT-XL/2")
    parser.add_argument("--image-size", type=int, default=256)
    parser.add_argument("--epochs", type=int, default=1400)
    parser.add_argument("--global-batch-size", type=int, default=256)
    parser.add_argument("--ckpt-every", type=int, default=50_000)
    main(parser.parse_args())
