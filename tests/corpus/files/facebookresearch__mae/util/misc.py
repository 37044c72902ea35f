# Stand-in for facebookresearch/mae:util/misc.py - hand-written for the osai-scan corpus, not copied.
import os

import torch
import torch.distributed as dist


class MetricLogger:
    def __init__(self):
        self.meters = {}

    def update(self, **kwargs):
        self.meters.update(kwargs)


def init_distributed_mode(args):
    args.rank = int(os.environ.get("RANK", 0))
    dist.init_process_group(backend="nccl", world_size=args.world_size, rank=args.rank)


class NativeScalerWithGradNormCount:
    def __init__(self):
        self._scaler = torch.cuda.amp.GradScaler()

    def __call__(self, loss, optimizer, parameters=None, update_grad=True):
        self._scaler.scale(loss).backward()
        if update_grad:
            self._scaler.step(optimizer)
            self._scaler.update()


def save_model(args, epoch, model, model_without_ddp, optimizer, loss_scaler):
    torch.save({"model": model_without_ddp.state_dict(), "optimizer": optimizer.state_dict(),
                "epoch": epoch, "scaler": loss_scaler._scaler.state_dict()},
               os.path.join(args.output_dir, f"checkpoint-{epoch}.pth"))
