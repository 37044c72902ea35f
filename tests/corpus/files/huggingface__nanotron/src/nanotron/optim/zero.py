# Stand-in for huggingface/nanotron:src/nanotron/optim/zero.py - hand-written for the osai-scan corpus, not copied.
import torch


class ZeroDistributedOptimizer(torch.optim.Optimizer):
    """Shards optimizer states across data-parallel ranks (ZeRO-1)."""

    def __init__(self, params, lr=1e-3, dp_rank=0, dp_size=1):
        super().__init__(params, {"lr": lr})
        self.inner = torch.optim.AdamW(self.param_groups, lr=lr)
        self.dp_rank, self.dp_size = dp_rank, dp_size

    def step(self, closure=None):
        loss = self.inner.step(closure)
        return loss

    def zero_grad(self, set_to_none=True):
        self.inner.zero_grad(set_to_none=set_to_none)
