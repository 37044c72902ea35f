# Stand-in for lllyasviel/ControlNet:annotator/uniformer/mmcv/runner/optimizer/default_constructor.py - hand-written for the osai-scan corpus, not copied.
# builds the optimizer of a training runner with per-parameter lr / weight-decay multipliers
import torch


class DefaultOptimizerConstructor:
    def __init__(self, optimizer_cfg, paramwise_cfg=None):
        self.optimizer_cfg = optimizer_cfg
        self.paramwise_cfg = paramwise_cfg or {}
        self.base_lr = optimizer_cfg.get("lr")
        self.base_wd = optimizer_cfg.get("weight_decay", 0)

    def add_params(self, params, module):
        for name, param in module.named_parameters():
            group = {"params": [param], "lr": self.base_lr}
            if "norm" in name:
                group["weight_decay"] = self.base_wd * self.paramwise_cfg.get("norm_decay_mult", 1.0)
            params.append(group)

    def __call__(self, model):
        cfg = dict(self.optimizer_cfg)
        optimizer_cls = getattr(torch.optim, cfg.pop("type"))
        params = []
        self.add_params(params, model)
        return optimizer_cls(params, **cfg)
