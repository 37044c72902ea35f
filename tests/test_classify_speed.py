"""The literal prefilter of content rules never changes a classification."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from osai_scan.classify import _content_matches, _glob_any, required_literal
from osai_scan.rules import load_rules

SAMPLES = [
    "loss.backward()\noptimizer.step()\n",
    "trainer = SFTTrainer(model)\ntrainer.train()\n",
    "trainer = Trainer(model)\npreds = trainer.predict(x)\n",
    "grads = jax.value_and_grad(f)(x)\n",
    "notoptimizer.step(1)\n",
    "model.fit(x, y)\nwith tf.GradientTape() as tape:\n",
    "learning_rate: 0.1\n",
    '  "num_train_epochs": 3,\n',
    "print('hello')\n",
    "",
]


def test_required_literals() -> None:
    assert required_literal(re.compile(r"\boptimizer\.step\(")) == "optimizer.step("
    assert required_literal(re.compile(r"\b(a|b)?Trainer\((?!x)")) == "Trainer("
    assert required_literal(re.compile(r"(?i)learning_rate")) is None
    assert required_literal(re.compile(r"foo|bar")) is None


@pytest.mark.parametrize("text", SAMPLES)
def test_prefilter_agrees_with_plain_search(text: str) -> None:
    for rule in load_rules(()).component_rules:
        if rule.content:
            assert _content_matches(rule.content, text) == any(p.search(text) for p in rule.content), rule.id


def test_compiled_globs_agree_with_fnmatch() -> None:
    import fnmatch

    patterns = ("license", "license.*", "*-license", "[!a]*.md", "checkpoint-*")
    for name in ("license", "license.txt", "my-license", "b.md", "a.md", "checkpoint-12", "x"):
        assert _glob_any(name, patterns) == any(fnmatch.fnmatchcase(name, p) for p in patterns), name


def test_classification_of_the_example_is_unchanged(tmp_path: Path) -> None:
    from osai_scan.classify import Classifier
    from osai_scan.inventory import build_inventory
    from osai_scan.sources import open_source
    from tests.conftest import FIXTURES

    source = open_source(str(FIXTURES / "example"))
    labels = {e.path: Classifier(load_rules(()).component_rules, lambda p: source.read(p, 262144, 0)).classify(e)
              for e in build_inventory(source)}
    assert labels["train.py"].component.value == "training-code"
    assert labels["src/tinygpt/model.py"].component.value == "code"
