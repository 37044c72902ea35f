# Stand-in for google/flax:examples/lm1b/train_test.py - hand-written for the osai-scan corpus, not copied.
__test__ = False  # inert under pytest: a stand-in, not a test of this project

import unittest


class Helper(absltest.TestCase):
    pass


def fit(trainer):
    train.train_and_evaluate()


def test_roundtrip():
    assert True


def main(args=None):
    pass


if __name__ == "__main__":
    main()
