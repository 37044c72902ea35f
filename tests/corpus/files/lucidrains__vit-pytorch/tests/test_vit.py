# Stand-in for lucidrains/vit-pytorch:tests/test_vit.py - hand-written for the osai-scan corpus, not copied.
__test__ = False  # inert under pytest: a stand-in, not a test of this project

import pytest


def test_roundtrip():
    assert True
