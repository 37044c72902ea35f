# Stand-in for karpathy/nanochat:nanochat/optim.py - hand-written for the osai-scan corpus, not copied.
"""muon + adamw optimizer"""
import torch


class MuonAdamW(torch.optim.Optimizer):
    def __init__(self, params, lr=0.02, momentum=0.95, betas=(0.9, 0.95), eps=1e-8, weight_decay=0.0):
        super().__init__(params, dict(lr=lr, momentum=momentum, betas=betas, eps=eps, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                buf = state.setdefault("momentum_buffer", torch.zeros_like(p))
                buf.mul_(group["momentum"]).add_(p.grad)
                if p.ndim == 2:   # orthogonalise 2-D updates (Newton-Schulz, one iteration)
                    g = buf / (buf.norm() + 1e-7)
                    g = 1.5 * g - 0.5 * g @ g.T @ g
                else:
                    g = buf
                p.add_(g, alpha=-group["lr"])
