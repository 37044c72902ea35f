# Stand-in for openai/guided-diffusion:guided_diffusion/fp16_util.py - hand-written for the osai-scan corpus, not copied.
import torch as th
import torch.nn as nn


def convert_module_to_f16(layer):
    if isinstance(layer, (nn.Conv1d, nn.Conv2d, nn.Conv3d)):
        layer.weight.data = layer.weight.data.half()


def make_master_params(params):
    master = nn.Parameter(th.cat([p.detach().float().view(-1) for p in params]))
    master.requires_grad = True
    return [master]


class MixedPrecisionTrainer:
    def __init__(self, model, use_fp16=False, initial_lg_loss_scale=20.0):
        self.model = model
        self.use_fp16 = use_fp16
        self.model_params = list(model.parameters())
        self.master_params = make_master_params(self.model_params) if use_fp16 else self.model_params
        self.lg_loss_scale = initial_lg_loss_scale

    def zero_grad(self):
        for p in self.model_params:
            p.grad = None

    def backward(self, loss):
        if self.use_fp16:
            (loss * 2 ** self.lg_loss_scale).backward()
        else:
            loss.backward()

    def optimize(self, opt):
        opt.step()
        return True
