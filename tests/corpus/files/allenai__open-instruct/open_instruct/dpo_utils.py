# Stand-in for allenai/open-instruct:open_instruct/dpo_utils.py - hand-written for the osai-scan corpus, not copied.
# DPO experiment config, reference log-prob cache and the DPO loss used by the DPO trainers
import dataclasses

import torch
import torch.nn.functional as F


@dataclasses.dataclass
class DPOConfig:
    beta: float = 0.1
    learning_rate: float = 5e-7
    num_epochs: int = 1


def build_reference_logprobs_cache(ref_model, dataloader):
    cache = []
    with torch.no_grad():
        for batch in dataloader:
            cache.append(ref_model(**batch).logits.log_softmax(-1))
    return cache


def dpo_loss(policy_chosen, policy_rejected, ref_chosen, ref_rejected, beta=0.1):
    logits = (policy_chosen - ref_chosen) - (policy_rejected - ref_rejected)
    return -F.logsigmoid(beta * logits).mean()
