# Stand-in for databrickslabs/dolly:test/test_trainer.py - hand-written for the osai-scan corpus, not copied.
__test__ = False  # inert under pytest: a stand-in, not a test of this project


def test_tokenizer():
    from training.trainer import load_tokenizer
    tokenizer = load_tokenizer()
    assert tokenizer.decode(tokenizer.encode("Hello there")) == "Hello there"


def test_load_training_dataset():
    from training.trainer import load_training_dataset
    assert load_training_dataset().num_rows > 10_000
