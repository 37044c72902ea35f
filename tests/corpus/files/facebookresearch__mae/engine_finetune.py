# Stand-in for facebookresearch/mae:engine_finetune.py - hand-written for the osai-scan corpus, not copied.
import math

import torch

import util.lr_sched as lr_sched
import util.misc as misc


def train_one_epoch(model, criterion, data_loader, optimizer, device, epoch, loss_scaler, args):
    model.train(True)
    for step, (samples, targets) in enumerate(data_loader):
        lr_sched.adjust_learning_rate(optimizer, step / len(data_loader) + epoch, args)
        samples, targets = samples.to(device), targets.to(device)
        with torch.cuda.amp.autocast():
            loss = criterion(model(samples), targets)
        if not math.isfinite(loss.item()):
            raise SystemExit("loss is not finite")
        loss_scaler(loss, optimizer, parameters=model.parameters())
        optimizer.zero_grad()


@torch.no_grad()
def evaluate(data_loader, model, device):
    model.eval()
    logger = misc.MetricLogger()
    for images, target in data_loader:
        output = model(images.to(device))
        logger.update(acc1=(output.argmax(-1) == target.to(device)).float().mean().item())
    return logger
