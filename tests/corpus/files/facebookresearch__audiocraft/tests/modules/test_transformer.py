# Stand-in for facebookresearch/audiocraft:tests/modules/test_transformer.py - hand-written for the osai-scan corpus, not copied.
__test__ = False  # inert under pytest: a stand-in, not a test of this project

import pytest


def run(model, loader, optimizer):
    for batch in loader:
        loss = model(batch)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def test_roundtrip():
    assert True
