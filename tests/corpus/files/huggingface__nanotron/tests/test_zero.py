# Stand-in for huggingface/nanotron:tests/test_zero.py - hand-written for the osai-scan corpus, not copied.
import torch

from nanotron.optim.zero import ZeroDistributedOptimizer

__test__ = False


def check_zero_optimizer_matches_reference():
    model = torch.nn.Linear(8, 8)
    reference = torch.nn.Linear(8, 8)
    reference.load_state_dict(model.state_dict())
    optimizer = ZeroDistributedOptimizer(model.parameters(), lr=1e-3)
    reference_optimizer = torch.optim.AdamW(reference.parameters(), lr=1e-3)
    for _ in range(3):
        x = torch.randn(4, 8)
        for m, opt in ((model, optimizer), (reference, reference_optimizer)):
            loss = m(x).sum()
            loss.backward()
            opt.step()
            opt.zero_grad()
    for p, q in zip(model.parameters(), reference.parameters()):
        torch.testing.assert_close(p, q)


def main():
    check_zero_optimizer_matches_reference()


if __name__ == "__main__":
    main()
