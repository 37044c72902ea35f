# Stand-in for huggingface/nanotron:examples/doremi/doremi/loss.py - hand-written for the osai-scan corpus, not copied.
import torch
import torch.nn as nn


def compute_per_domain_loss(losses, domain_idxs, num_domains):
    per_domain = torch.zeros(num_domains)
    per_domain.scatter_add_(0, domain_idxs, losses)
    return per_domain


class DoReMiLossForProxyTraining(nn.Module):
    """Excess loss of the proxy over the reference model, used to update domain weights during proxy training."""

    def __init__(self, num_domains, step_size=1.0):
        super().__init__()
        self.num_domains, self.step_size = num_domains, step_size

    def forward(self, proxy_losses, ref_losses, domain_idxs, domain_weights):
        excess = torch.clamp(proxy_losses - ref_losses, min=0)
        per_domain = compute_per_domain_loss(excess, domain_idxs, self.num_domains)
        new_weights = torch.softmax(torch.log(domain_weights) + self.step_size * per_domain, dim=0)
        return (excess * new_weights[domain_idxs]).mean(), new_weights
