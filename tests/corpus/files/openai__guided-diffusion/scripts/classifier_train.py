# Stand-in for openai/guided-diffusion:scripts/classifier_train.py - hand-written for the osai-scan corpus, not copied.
import argparse

import torch as th
import torch.nn.functional as F
from torch.optim import AdamW

from guided_diffusion import dist_util, logger
from guided_diffusion.fp16_util import MixedPrecisionTrainer
from guided_diffusion.image_datasets import load_data
from guided_diffusion.resample import create_named_schedule_sampler
from guided_diffusion.script_util import create_classifier, create_model_and_diffusion, model_and_diffusion_defaults


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", default="")
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--iterations", type=int, default=150000)
    parser.add_argument("--batch_size", type=int, default=4)
    parser.add_argument("--image_size", type=int, default=64)
    args = parser.parse_args()
    dist_util.setup_dist()
    logger.configure()
    _, diffusion = create_model_and_diffusion(**model_and_diffusion_defaults())
    classifier = create_classifier(args.image_size)
    mp_trainer = MixedPrecisionTrainer(model=classifier)
    opt = AdamW(mp_trainer.master_params, lr=args.lr)
    sampler = create_named_schedule_sampler("uniform", diffusion)
    data = load_data(data_dir=args.data_dir, batch_size=args.batch_size, image_size=args.image_size, class_cond=True)
    for step in range(args.iterations):
        batch, extra = next(data)
        t, _ = sampler.sample(batch.shape[0], dist_util.dev())
        noisy = diffusion.q_sample(batch, t, th.randn_like(batch))
        loss = F.cross_entropy(classifier(noisy, t), extra["y"])
        mp_trainer.zero_grad()
        mp_trainer.backward(loss)
        mp_trainer.optimize(opt)
        if step % 10000 == 0:
            th.save(classifier.state_dict(), f"model{step:06d}.pt")


if __name__ == "__main__":
    main()
