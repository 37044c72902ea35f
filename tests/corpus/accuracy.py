"""Measure the classifier on the labelled corpus (``make accuracy``).

Every row of ``corpus.tsv`` is classified with the rules in force, exactly as a scan would
classify it: the path is the repo-relative path of the row, and content conditions read the
row's hand-written stand-in under ``files/`` when there is one (a row without a stand-in has
no readable content, so only its path can decide). The report gives per-component precision
and recall, overall accuracy, and every mislabelled path with the rule that fired.

The corpus is split by repository (``split.tsv``, decided by ``part_of``: a hash of the repository
name, never by how the classifier does on it) into a ``tuning`` part, which rules may be written
against, and a ``held-out`` part, which they may not; both are scored.

With ``--real DIR`` (a folder holding real checkouts, one per corpus repository, named like the
stand-in folders: ``owner__name``), the rows of every repository present there are also
classified from the real files, exactly as ``osai-scan classify`` would (real inventory for
``sibling`` conditions, real heads for content): the figure that counts, since stand-ins are
written by hand and miss what real files hold.

Run ``python -m tests.corpus.accuracy [--rules DIR] [--real DIR] [--check]``; ``--check`` exits 1
when the targets (``TARGET_ACCURACY``, ``TARGET_RECALL``) are not met by either part.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from osai_scan.classify import Classifier, Explanation
from osai_scan.classify.usage import is_user
from osai_scan.constants import CLASSIFY_HEAD_BYTES
from osai_scan.models import Component, FileEntry
from osai_scan.ruleset import ComponentRule, load_rules

HERE = Path(__file__).resolve().parent
CORPUS_TSV = HERE / "corpus.tsv"
SPLIT_TSV = HERE / "split.tsv"
STAND_INS = HERE / "files"
TUNING = "tuning"
HELD_OUT = "held-out"
#: A repository of batch N is held out when the first byte of sha256(SPLIT_SALT + repo) is below
#: HELD_OUT_BELOW[N]: about a third of batch 1 (the repositories the rules were first written
#: against) and three quarters of batch 2 (added later, never seen by the rules).
SPLIT_SALT = "osai-scan corpus split:"
HELD_OUT_BELOW = {1: 86, 2: 192, 3: 128}

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


def part_of(repo: str, batch: int) -> str:
    """The part (``tuning`` or ``held-out``) a repository of ``batch`` belongs to, by hash only.

    Raises:
        ValueError: the batch is unknown.
    """
    if batch not in HELD_OUT_BELOW:
        raise ValueError(f"unknown corpus batch {batch!r}")
    first = hashlib.sha256((SPLIT_SALT + repo).encode("utf-8")).digest()[0]
    return HELD_OUT if first < HELD_OUT_BELOW[batch] else TUNING


def load_split(path: Path = SPLIT_TSV) -> dict[str, str]:
    """Read ``split.tsv`` (``repo	batch	part``) and check every part against ``part_of``.

    Raises:
        ValueError: a malformed row, or a part that is not the one the hash rule gives.
    """
    return {repo: part for repo, (_, part) in load_split_batches(path).items()}


def load_split_batches(path: Path = SPLIT_TSV) -> dict[str, tuple[int, str]]:
    """``load_split`` with each repository's batch: ``{repo: (batch, part)}``."""
    parts = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if next(reader) != ["repo", "batch", "part"]:
            raise ValueError(f"{path}: unexpected header")
        for number, fields in enumerate(reader, 2):
            if len(fields) != 3 or not fields[1].isdigit():
                raise ValueError(f"{path}:{number}: expected repo, batch number and part")
            repo, batch, part = fields[0], int(fields[1]), fields[2]
            if part != part_of(repo, batch):
                raise ValueError(f"{path}:{number}: {repo} is {part!r} but the hash rule puts it in "
                                 f"{part_of(repo, batch)!r}")
            parts[repo] = (batch, part)
    return parts


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
    by_repo: dict[str, list[Row]] = {}
    for row in rows:
        by_repo.setdefault(row.repo, []).append(row)
    found: dict[tuple[str, str], Explanation] = {}
    for repo, repo_rows in by_repo.items():
        stand_ins = {row.path: row for row in repo_rows}

        def read(path: str, stand_ins=stand_ins) -> bytes | None:
            return _read_head(stand_ins[path])(path) if path in stand_ins else None

        classifier = Classifier(rules, read, inventories[repo])
        entries = [FileEntry(path=row.path, size=row.stand_in.stat().st_size if row.stand_in.is_file() else 0)
                   for row in repo_rows]
        # A row without a stand-in is decided by its path (README): only rows with one may change
        # in the second pass, whose users are the other rows of the sample.
        content_rows = {row.path for row in repo_rows if row.stand_in.is_file()}
        labels = classifier.refine(entries, {e.path: classifier.explain(e) for e in entries}, only=content_rows)
        found.update({(repo, path): explanation for path, explanation in labels.items()})
    outcomes = []
    for row in rows:
        explanation = found[(row.repo, row.path)]
        label = explanation.classification
        outcomes.append(Outcome(row=row, predicted=label.component, rule=label.rule, evidence=explanation.evidence))
    return outcomes


def real_folder(real: Path, repo: str) -> Path:
    """Where the real checkout of ``repo`` sits under ``real`` (``owner__name``)."""
    return real / repo.replace("/", "__")


def classify_real(rows: list[Row], rules: tuple[ComponentRule, ...], real: Path) -> tuple[list[Outcome], list[Row]]:
    """Classify the rows of every repository checked out under ``real`` from its real files.

    Each checkout is listed and read as ``osai-scan classify`` would (its inventory feeds
    ``sibling`` conditions, its heads the content conditions). Returns the outcomes of the rows
    whose file is in the checkout, and the rows whose file is not (a snapshot lacks files of
    4 MiB and more and LFS objects): those are not scored.
    """
    from osai_scan.inventory import build_inventory
    from osai_scan.sources import open_source

    by_repo: dict[str, list[Row]] = {}
    for row in rows:
        by_repo.setdefault(row.repo, []).append(row)
    outcomes: list[Outcome] = []
    missing: list[Row] = []
    for repo, repo_rows in by_repo.items():
        folder = real_folder(real, repo)
        if not folder.is_dir():
            continue
        source = open_source(str(folder))
        entries = {e.path: e for e in build_inventory(source)}
        def leading(path: str, size: int, source=source) -> bytes | None:
            try:
                return source.read(path, size, 0)
            except OSError:
                return None
        classifier = Classifier(rules, source.head, list(entries), leading)
        wanted = {row.path for row in repo_rows}
        # The second pass needs the labels of every file that imports or runs another, and
        # relabels them all as a scan would (a helper's label follows its users' new labels).
        first = {path: classifier.explain(entry) for path, entry in entries.items() if path in wanted or is_user(path)}
        labels = classifier.refine(list(entries.values()), first)
        for row in repo_rows:
            entry = entries.get(row.path)
            if entry is None:
                missing.append(row)
                continue
            explanation = labels[row.path]
            label = explanation.classification
            outcomes.append(Outcome(row=row, predicted=label.component, rule=label.rule,
                                    evidence=explanation.evidence))
    return outcomes, missing


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


def split_rows(rows: list[Row], parts: dict[str, str]) -> dict[str, list[Row]]:
    """The rows of each part.

    Raises:
        ValueError: a corpus repository is missing from the split.
    """
    unknown = sorted({r.repo for r in rows} - set(parts))
    if unknown:
        raise ValueError(f"{SPLIT_TSV.name}: no part for {', '.join(unknown)}")
    out: dict[str, list[Row]] = {TUNING: [], HELD_OUT: []}
    for row in rows:
        out[parts[row.repo]].append(row)
    return out


def _summary(name: str, outcomes: list[Outcome]) -> str:
    scores = score(outcomes)
    repos = len({o.row.repo for o in outcomes})
    correct = sum(o.correct for o in outcomes)
    failures = scores.failures()
    return (f"{name:<34} {scores.accuracy:>6.1%} ({correct}/{len(outcomes)} rows, {repos} repositories)"
            f"  targets {'met' if not failures else 'NOT met: ' + '; '.join(failures)}")


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy report; with ``--check`` exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", action="append", type=Path, default=[], help="extra rules folder (repeatable)")
    parser.add_argument("--real", type=Path, default=None,
                        help="folder of real checkouts (owner__name per corpus repository) to classify too")
    parser.add_argument("--check", action="store_true", help="exit 1 when the targets are not met")
    args = parser.parse_args(argv)
    rules = load_rules(args.rules).component_rules
    batches = {repo: batch for repo, (batch, _) in load_split_batches().items()}
    parts = split_rows(load_corpus(), load_split())
    summaries = []

    def by_batch(name: str, outcomes: list[Outcome]) -> list[str]:
        # the held-out figure of the batches added after the first rules says most
        return [_summary(f"  {name}, batch {b}", [o for o in outcomes if batches[o.row.repo] == b])
                for b in sorted({batches[o.row.repo] for o in outcomes})]
    failed = False
    for part in (TUNING, HELD_OUT):
        outcomes = classify_rows(parts[part], rules)
        print(f"== stand-ins, {part} part ==")
        print(format_report(outcomes, score(outcomes)))
        print()
        summaries.append(_summary(f"stand-ins {part}", outcomes))
        summaries.extend(by_batch(f"stand-ins {part}", outcomes))
        failed = failed or bool(score(outcomes).failures())
    if args.real is not None:
        if not args.real.is_dir():
            parser.error(f"--real {args.real}: not a folder")
        for part in (TUNING, HELD_OUT):
            outcomes, missing = classify_real(parts[part], rules, args.real)
            print(f"== real checkouts under {args.real}, {part} part ==")
            print(format_report(outcomes, score(outcomes)))
            print(f"rows whose file is not in the checkout (not scored): {len(missing)}")
            print()
            summaries.append(_summary(f"real {part}", outcomes) + f", {len(missing)} rows absent")
            summaries.extend(by_batch(f"real {part}", outcomes))
    print("== summary ==")
    print("\n".join(summaries))
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
