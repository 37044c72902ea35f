"""The classifier on the labelled corpus (tests/corpus): the accuracy targets of issues 5 and 10.

The corpus is split by repository (``split.tsv``, a hash rule) into a tuning part and a held-out
part. Each part must reach 97% overall accuracy and 95% recall for ``model`` and
``training-code``. Until it does, the target test of a part is a strict expected failure (it
turns into a failure the day the target is met, so that the marker is removed) and a floor
test holds the figure measured when the part was last reviewed, so no rule change may lower it.
``make accuracy`` prints the details.
"""

from __future__ import annotations

import pytest

from osai_scan.models import Component
from osai_scan.ruleset import load_rules
from tests.corpus.accuracy import (
    HELD_OUT,
    SPLIT_TSV,
    STAND_INS,
    TARGET_ACCURACY,
    TARGET_RECALL,
    Outcome,
    Row,
    classify_rows,
    TUNING,
    classify_real,
    format_report,
    load_corpus,
    load_split,
    part_of,
    score,
    split_rows,
)

#: Accuracy of each part when the rules were last reviewed (2026-12-02, stand-ins): a floor.
#: Re-measured, rules unchanged, after the batch-3 rows (branches label3a, label3b, label3c) were added;
#: new repositories lower it, a rule change may not. Tuning raised to 1155/1204 by the rules written
#: from batch-3 tuning rows (data-module configs, LightningModule models).
FLOOR = {TUNING: 0.959, HELD_OUT: 0.914}
#: Whether each part meets the targets today (see the module docstring).
MEETS_TARGETS = {TUNING: False, HELD_OUT: False}


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return classify_rows(load_corpus(), load_rules().component_rules)


@pytest.fixture(scope="module")
def parts() -> dict[str, list[Outcome]]:
    rules = load_rules().component_rules
    return {part: classify_rows(rows, rules) for part, rows in split_rows(load_corpus(), load_split()).items()}


def test_the_split_follows_the_hash_rule_and_holds_out_enough() -> None:
    split = load_split()
    rows = load_corpus()
    assert set(split) == {r.repo for r in rows}, "every corpus repository has exactly one part"
    held_out = sorted(repo for repo, part in split.items() if part == HELD_OUT)
    assert len(held_out) >= 15
    assert split["karpathy/nanoGPT"] == part_of("karpathy/nanoGPT", 1) == TUNING
    assert split["google-research/bert"] == part_of("google-research/bert", 2) == HELD_OUT


def test_a_hand_moved_repository_is_refused(tmp_path) -> None:
    text = SPLIT_TSV.read_text(encoding="utf-8").replace("karpathy/nanoGPT\t1\ttuning", "karpathy/nanoGPT\t1\theld-out")
    (tmp_path / "split.tsv").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="karpathy/nanoGPT is 'held-out' but the hash rule puts it in 'tuning'"):
        load_split(tmp_path / "split.tsv")


@pytest.mark.parametrize("part", [TUNING, HELD_OUT])
def test_no_part_falls_below_its_floor(parts: dict[str, list[Outcome]], part: str) -> None:
    scores = score(parts[part])
    assert scores.accuracy >= FLOOR[part], format_report(parts[part], scores)


@pytest.mark.parametrize("part", [
    pytest.param(p, marks=[] if MEETS_TARGETS[p] else
                 pytest.mark.xfail(strict=True, reason=f"the {p} part is below the targets (see FLOOR)"))
    for p in (TUNING, HELD_OUT)])
def test_each_part_meets_the_targets(parts: dict[str, list[Outcome]], part: str) -> None:
    scores = score(parts[part])
    assert not scores.failures(), format_report(parts[part], scores)


def test_corpus_is_large_and_varied() -> None:
    rows = load_corpus()
    assert len(rows) >= 600
    assert len({r.repo for r in rows}) >= 20
    assert len({(r.repo, r.path) for r in rows}) == len(rows), "a (repo, path) pair is listed twice"
    assert all(r.reason.strip() for r in rows), "every row needs a one-line reason"
    assert {r.label for r in rows} == set(Component)


def test_stand_ins_belong_to_corpus_rows() -> None:
    rows = load_corpus()
    expected = {r.stand_in for r in rows}
    stray = [p for p in STAND_INS.rglob("*") if p.is_file() and p not in expected]
    assert not stray, f"stand-ins without a corpus row: {stray[:5]}"


def test_scoring_counts_precision_and_recall() -> None:
    def outcome(label: Component, predicted: Component) -> Outcome:
        row = Row(repo="r", commit="-", path="p", label=label, reason="x")
        return Outcome(row=row, predicted=predicted, rule="some.rule")

    scores = score([outcome(Component.MODEL, Component.MODEL), outcome(Component.MODEL, Component.CODE),
                    outcome(Component.CODE, Component.CODE), outcome(Component.LEGAL, Component.CODE)])
    assert scores.accuracy == 0.5
    assert scores.recall[Component.MODEL] == 0.5 and scores.precision[Component.MODEL] == 1.0
    assert scores.precision[Component.CODE] == pytest.approx(1 / 3) and scores.recall[Component.CODE] == 1.0
    assert scores.failures() == [f"overall accuracy 50.0% < {TARGET_ACCURACY:.0%}", "model recall 50.0% < 95%",
                                 "training-code recall 0.0% < 95%"]
    report = format_report([outcome(Component.MODEL, Component.CODE)], score([outcome(Component.MODEL, Component.CODE)]))
    assert "r  p: model -> code [some.rule]" in report and "targets: NOT met" in report


def test_a_broken_rule_set_fails_the_targets(tmp_path) -> None:
    """The check can fail: a user rule that labels every Python file as code sinks training-code recall."""
    (tmp_path / "components.yaml").write_text(
        "rules:\n  - id: local.all-python-is-code\n    component: code\n    reason: test\n    match: {ext: [py]}\n")
    scores = score(classify_rows(load_corpus(), load_rules([tmp_path]).component_rules))
    assert scores.recall[Component.TRAINING_CODE] < TARGET_RECALL[Component.TRAINING_CODE]


def test_rows_are_classified_without_content_when_there_is_no_stand_in() -> None:
    row = next(r for r in load_corpus() if r.path == "train_gpt2.py" and not r.stand_in.is_file())
    (outcome,) = classify_rows([row], load_rules().component_rules)
    assert outcome.predicted is Component.TRAINING_CODE and outcome.rule == "training-code.script-name"
    assert outcome.evidence is None


def test_real_checkouts_are_classified_from_their_files(tmp_path) -> None:
    """``--real DIR``: a checkout named owner__name is listed and read as a scan would."""
    rows = [r for r in load_corpus() if r.repo == "karpathy/nanoGPT" and r.path in ("model.py", "train.py", "README.md")]
    assert len(rows) == 3
    checkout = tmp_path / "karpathy__nanoGPT"
    checkout.mkdir()
    (checkout / "model.py").write_text(
        "import torch\nimport torch.nn as nn\n\n\nclass GPT(nn.Module):\n"
        "    def configure_optimizers(self, lr):\n        return torch.optim.AdamW(self.parameters(), lr=lr)\n")
    (checkout / "train.py").write_text("for it in range(10):\n    loss = model(x)\n    loss.backward()\n"
                                       "    optimizer.step()\n")
    outcomes, missing = classify_real(rows, load_rules().component_rules, tmp_path)
    assert {o.row.path: (o.predicted.value, o.rule) for o in outcomes} == {
        "model.py": ("code", "code.model-definition"), "train.py": ("training-code", "training-code.structure-loop")}
    assert [r.path for r in missing] == ["README.md"]
    assert classify_real(rows, load_rules().component_rules, tmp_path / "elsewhere") == ([], [])
