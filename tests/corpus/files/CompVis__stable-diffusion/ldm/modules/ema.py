# Stand-in for CompVis/stable-diffusion:ldm/modules/ema.py - hand-written for the osai-scan corpus, not copied.
"""EMA of parameters updated each training step"""
import torch


class EMA(torch.nn.Module):
    def __init__(self, model, decay=0.9999):
        super().__init__()
        self.decay = decay
        self.shadow = {k: v.detach().clone() for k, v in model.state_dict().items()}

    @torch.no_grad()
    def update(self, model):
        """Called after every optimizer.step() in the training loop."""
        for k, v in model.state_dict().items():
            self.shadow[k].mul_(self.decay).add_(v, alpha=1 - self.decay)
