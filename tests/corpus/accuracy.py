"""Measure the classifier on the labelled corpus (``make accuracy``).

Every row of ``corpus.tsv`` is classified with the rules in force, exactly as a scan would
classify it: the path is the repo-relative path of the row, and content conditions read the
row's hand-written stand-in under ``files/`` when there is one (a row without a stand-in has
no readable content, so only its path can decide). The report gives per-component precision
and recall, overall accuracy, and every mislabelled path with the rule that fired.

Run ``python -m tests.corpus.accuracy [--rules DIR] [--check]``; ``--check`` exits 1 when the
targets (``TARGET_ACCURACY``, ``TARGET_RECALL``) are not met.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from osai_scan.classify import Classifier
from osai_scan.constants import CLASSIFY_HEAD_BYTES
from osai_scan.models import Component, FileEntry
from osai_scan.ruleset import ComponentRule, load_rules

HERE = Path(__file__).resolve().parent
CORPUS_TSV = HERE / "corpus.tsv"
STAND_INS = HERE / "files"

#: Overall accuracy the classifier must reach on the corpus.
TARGET_ACCURACY = 0.97
#: Recall each of these components must reach on the corpus.
TARGET_RECALL = {Component.MODEL: 0.95, Component.TRAINING_CODE: 0.95}


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One labelled corpus path."""

    repo: str
    commit: str
    path: str
    label: Component
    reason: str

    @property
    def stand_in(self) -> Path:
        """Where the row's stand-in file would be (it exists only for content-dependent rows)."""
        return STAND_INS / self.repo.replace("/", "__") / self.path


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What the classifier said about one row."""

    row: Row
    predicted: Component
    rule: str
    evidence: str | None = None

    @property
    def correct(self) -> bool:
        """True when the predicted label is the corpus label."""
        return self.predicted is self.row.label


@dataclass(frozen=True, slots=True, kw_only=True)
class Scores:
    """Per-component precision/recall and overall accuracy."""

    accuracy: float
    precision: dict[Component, float]
    recall: dict[Component, float]
    support: dict[Component, int]
    predicted: dict[Component, int]

    def failures(self) -> list[str]:
        """Targets not met, one line each (empty when all hold)."""
        out = []
        if self.accuracy < TARGET_ACCURACY:
            out.append(f"overall accuracy {self.accuracy:.1%} < {TARGET_ACCURACY:.0%}")
        for component, target in TARGET_RECALL.items():
            if self.recall[component] < target:
                out.append(f"{component.value} recall {self.recall[component]:.1%} < {target:.0%}")
        return out


def load_corpus(path: Path = CORPUS_TSV) -> list[Row]:
    """Read ``corpus.tsv`` (tab-separated, header row, no quoting).

    Raises:
        ValueError: a row has the wrong number of fields or an unknown label.
    """
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != ["repo", "commit", "path", "label", "reason"]:
            raise ValueError(f"{path}: unexpected header {header}")
        for number, fields in enumerate(reader, 2):
            if len(fields) != 5:
                raise ValueError(f"{path}:{number}: expected 5 tab-separated fields, got {len(fields)}")
            repo, commit, file_path, label, reason = fields
            try:
                component = Component(label)
            except ValueError:
                raise ValueError(f"{path}:{number}: unknown label {label!r}") from None
            rows.append(Row(repo=repo, commit=commit, path=file_path, label=component, reason=reason))
    return rows


def _read_head(row: Row):
    def read(path: str) -> bytes | None:
        try:
            with row.stand_in.open("rb") as handle:
                return handle.read(CLASSIFY_HEAD_BYTES)
        except OSError:
            return None
    return read


def classify_rows(rows: list[Row], rules: tuple[ComponentRule, ...]) -> list[Outcome]:
    """Classify every row as a scan would, reading stand-ins for content conditions.

    The inventory a row's classifier sees (for ``sibling`` conditions) is the corpus rows of
    the same repository: a sample of its tree, never more than the real tree holds.
    """
    inventories: dict[str, list[str]] = {}
    for row in rows:
        inventories.setdefault(row.repo, []).append(row.path)
    outcomes = []
    for row in rows:
        size = row.stand_in.stat().st_size if row.stand_in.is_file() else 0
        classifier = Classifier(rules, _read_head(row), inventories[row.repo])
        explanation = classifier.explain(FileEntry(path=row.path, size=size))
        label = explanation.classification
        outcomes.append(Outcome(row=row, predicted=label.component, rule=label.rule, evidence=explanation.evidence))
    return outcomes


def score(outcomes: list[Outcome]) -> Scores:
    """Compute accuracy and per-component precision and recall."""
    support = {c: 0 for c in Component}
    predicted = {c: 0 for c in Component}
    hits = {c: 0 for c in Component}
    for outcome in outcomes:
        support[outcome.row.label] += 1
        predicted[outcome.predicted] += 1
        if outcome.correct:
            hits[outcome.row.label] += 1
    return Scores(
        accuracy=sum(hits.values()) / len(outcomes) if outcomes else 0.0,
        precision={c: hits[c] / predicted[c] if predicted[c] else 0.0 for c in Component},
        recall={c: hits[c] / support[c] if support[c] else 0.0 for c in Component},
        support=support,
        predicted=predicted,
    )


def format_report(outcomes: list[Outcome], scores: Scores) -> str:
    """The table and the list of mislabelled paths, as printed by ``make accuracy``."""
    lines = [f"{'component':<15} {'precision':>9} {'recall':>7} {'rows':>5} {'predicted':>9}"]
    for component in Component:
        lines.append(f"{component.value:<15} {scores.precision[component]:>9.1%} {scores.recall[component]:>7.1%} "
                     f"{scores.support[component]:>5} {scores.predicted[component]:>9}")
    correct = sum(o.correct for o in outcomes)
    lines.append(f"overall accuracy {scores.accuracy:.1%} ({correct}/{len(outcomes)})")
    wrong = [o for o in outcomes if not o.correct]
    lines.append("")
    lines.append(f"mislabelled paths ({len(wrong)}): expected -> predicted [rule]")
    for o in sorted(wrong, key=lambda o: (o.row.label.value, o.row.repo, o.row.path)):
        lines.append(f"  {o.row.repo}  {o.row.path}: {o.row.label.value} -> {o.predicted.value} [{o.rule}]"
                     + (f" {o.evidence}" if o.evidence else ""))
        lines.append(f"      corpus reason: {o.row.reason}")
    failures = scores.failures()
    lines.append("")
    lines.append("targets: " + ("met" if not failures else "NOT met: " + "; ".join(failures)))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy report; with ``--check`` exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", action="append", type=Path, default=[], help="extra rules folder (repeatable)")
    parser.add_argument("--check", action="store_true", help="exit 1 when the targets are not met")
    args = parser.parse_args(argv)
    outcomes = classify_rows(load_corpus(), load_rules(args.rules).component_rules)
    scores = score(outcomes)
    print(format_report(outcomes, scores))
    return 1 if args.check and scores.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
