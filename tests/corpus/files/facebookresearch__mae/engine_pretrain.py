# Stand-in for facebookresearch/mae:engine_pretrain.py - hand-written for the osai-scan corpus, not copied.
import torch

import util.lr_sched as lr_sched


def train_one_epoch(model, data_loader, optimizer, device, epoch, loss_scaler, args):
    model.train(True)
    for step, (samples, _) in enumerate(data_loader):
        lr_sched.adjust_learning_rate(optimizer, step / len(data_loader) + epoch, args)
        with torch.cuda.amp.autocast():
            loss, _, _ = model(samples.to(device), mask_ratio=args.mask_ratio)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
