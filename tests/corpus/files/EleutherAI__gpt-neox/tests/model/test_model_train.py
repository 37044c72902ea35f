# Stand-in for EleutherAI/gpt-neox:tests/model/test_model_train.py - hand-written for the osai-scan corpus, not copied.
__test__ = False  # inert under pytest: a stand-in, not a test of this project

import unittest


def test_roundtrip():
    assert True
