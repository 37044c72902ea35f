# Stand-in for facebookresearch/audiocraft:tests/models/test_musicgen.py - hand-written for the osai-scan corpus, not copied.
__test__ = False  # inert under pytest: a stand-in, not a test of this project

import pytest


def sample(model, prompt):
    return model.generate(prompt, max_new_tokens=32)


def test_roundtrip():
    assert True
