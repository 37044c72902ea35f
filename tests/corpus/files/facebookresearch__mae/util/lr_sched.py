# Stand-in for facebookresearch/mae:util/lr_sched.py - hand-written for the osai-scan corpus, not copied.
import math


def adjust_learning_rate(optimizer, epoch, args):
    """Linear warmup, then half-cycle cosine decay of the learning rate."""
    if epoch < args.warmup_epochs:
        lr = args.lr * epoch / args.warmup_epochs
    else:
        progress = (epoch - args.warmup_epochs) / (args.epochs - args.warmup_epochs)
        lr = args.min_lr + (args.lr - args.min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress))
    for group in optimizer.param_groups:
        group["lr"] = lr * group.get("lr_scale", 1.0)
    return lr
