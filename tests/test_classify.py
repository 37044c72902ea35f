"""The classifier's conditions (content, keys, siblings, notebooks) and rule parsing."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from osai_scan.classify.signals import Signal, required_literals
from osai_scan.classify import KEYS_MAX_BYTES, Classifier, key_paths, notebook_source
from osai_scan.errors import RuleError
from osai_scan.models import Component, FileEntry, LfsPointer
from osai_scan.ruleset import ComponentRule, RuleSet, load_rules


def rules_from(tmp_path: Path, text: str) -> tuple[ComponentRule, ...]:
    """Parse a components.yaml holding only ``text`` (no built-in rules)."""
    folder = tmp_path / f"rules{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    (folder / "components.yaml").write_text(text, encoding="utf-8")
    return RuleSet([folder]).component_rules


def classifier(rules: tuple[ComponentRule, ...], files: dict[str, str | bytes]) -> Classifier:
    def read(path: str) -> bytes | None:
        data = files.get(path)
        return data.encode() if isinstance(data, str) else data
    return Classifier(rules, read, list(files))


def label(clf: Classifier, path: str, size: int = 10) -> tuple[str, str]:
    result = clf.classify(FileEntry(path=path, size=size))
    return result.component.value, result.rule


ONE_RULE = """rules:
  - id: t.rule
    component: training-code
    reason: test rule
    match:
{match}
"""


def one(tmp_path: Path, match: str) -> tuple[ComponentRule, ...]:
    return rules_from(tmp_path, ONE_RULE.format(match="\n".join("      " + line for line in match.splitlines())))


# --- content ---------------------------------------------------------------------------------

def test_min_matches_counts_distinct_patterns(tmp_path: Path) -> None:
    rules = one(tmp_path, "ext: [py]\nmin_matches: 2\ncontent: ['^lr\\s*=', '^batch_size\\s*=', '^max_iters\\s*=']")
    clf = classifier(rules, {"a.py": "lr = 1\nbatch_size = 2\n", "b.py": "lr = 1\nlr = 2\n", "c.txt": "lr = 1\n"})
    assert label(clf, "a.py") == ("training-code", "t.rule")
    assert label(clf, "b.py") == ("other", "fallback.other")
    assert label(clf, "c.txt") == ("other", "fallback.other")


def test_not_content_vetoes_a_rule(tmp_path: Path) -> None:
    rules = one(tmp_path, "ext: [py]\ncontent: ['\\.generate\\(']\nnot_content: ['\\.backward\\(']")
    clf = classifier(rules, {"infer.py": "model.generate(x)\n", "both.py": "model.generate(x)\nloss.backward()\n"})
    assert label(clf, "infer.py")[1] == "t.rule"
    assert label(clf, "both.py")[1] == "fallback.other"


def test_lines_per_match_needs_the_subject_throughout_a_long_file(tmp_path: Path) -> None:
    rules = one(tmp_path, "ext: [py]\ncontent: ['training']\nlines_per_match: 10")
    short = "# training helpers\nx = 1\n"
    long_once = "# training helpers\n" + "x = 1\n" * 50
    long_often = ("# training step\n" + "x = 1\n" * 8) * 6
    clf = classifier(rules, {"short.py": short, "once.py": long_once, "often.py": long_often})
    assert label(clf, "short.py")[1] == "t.rule"
    assert label(clf, "once.py")[1] == "fallback.other"
    assert label(clf, "often.py")[1] == "t.rule"


def test_content_is_never_read_for_lfs_pointers_or_unreadable_files(tmp_path: Path) -> None:
    rules = one(tmp_path, "ext: [py]\ncontent: ['.']")
    reads: list[str] = []

    def read(path: str) -> bytes | None:
        reads.append(path)
        return None

    clf = Classifier(rules, read)
    lfs = FileEntry(path="big.py", size=10, lfs=LfsPointer(oid="0" * 64, size=10))
    assert clf.classify(lfs).rule == "fallback.other"
    assert clf.classify(FileEntry(path="gone.py", size=1)).rule == "fallback.other"
    assert clf.classify(FileEntry(path="notes.md", size=1)).rule == "fallback.other"
    assert reads == ["gone.py"], "only a file whose path conditions hold is read, and never an LFS pointer"


def test_explain_names_the_matching_line(tmp_path: Path) -> None:
    rules = one(tmp_path, "ext: [py, ipynb]\ncontent: ['loss\\.backward\\(\\)', 'optimizer\\.step\\(\\)']")
    clf = classifier(rules, {"t.py": "import torch\n\nloss.backward()\noptimizer.step()\n"})
    explanation = clf.explain(FileEntry(path="t.py", size=60))
    assert explanation.evidence == "content 'loss.backward()' (line 3) and 1 more signal(s)"
    assert explanation.classification.reason == "test rule"


# --- notebooks -------------------------------------------------------------------------------

def _notebook(cells: list[tuple[str, str]], outputs: str = "") -> str:
    return json.dumps({"cells": [
        {"cell_type": kind, "metadata": {}, "source": [line + "\n" for line in src.splitlines()],
         "outputs": [{"output_type": "stream", "name": "stdout", "text": [outputs]}] if kind == "code" else []}
        for kind, src in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def test_notebooks_are_searched_in_their_cells_never_their_outputs(tmp_path: Path) -> None:
    rules = one(tmp_path, "ext: [ipynb]\ncontent: ['\\.backward\\(']")
    trains = _notebook([("markdown", "# fine-tune"), ("code", "loss.backward()")])
    prints = _notebook([("code", "print(log)")], outputs="step 1: loss.backward() done")
    clf = classifier(rules, {"a.ipynb": trains, "b.ipynb": prints})
    assert label(clf, "a.ipynb")[1] == "t.rule"
    assert label(clf, "b.ipynb")[1] == "fallback.other"
    evidence = clf.explain(FileEntry(path="a.ipynb", size=len(trains))).evidence
    assert evidence == "content '.backward(' (cell source line 2)"


def test_a_truncated_notebook_still_gives_its_cell_sources() -> None:
    text = _notebook([("markdown", "# title"), ("code", "trainer.train()"), ("code", "x = 1")], outputs="noise")
    cut = text[: text.index("x = 1") + 3]
    with pytest.raises(ValueError):
        json.loads(cut)
    source = notebook_source(cut)
    assert "# title" in source and "trainer.train()" in source and "noise" not in source
    assert notebook_source(text) == "# title\ntrainer.train()\nx = 1"


# --- keys ------------------------------------------------------------------------------------

def test_key_paths_of_json_yaml_and_record_lists() -> None:
    assert key_paths("c.json", '{"model": {"target": "x", "params": {"a": {"deep": 1}}}}') == frozenset(
        {"model", "model.target", "model.params", "model.params.a"})
    assert key_paths("c.yaml", "Learning_Rate: 1\ndata:\n  batch_size: 2\n") == frozenset(
        {"learning_rate", "data", "data.batch_size"})
    assert key_paths("d.json", '[1, {"instruction": "a", "output": "b"}]') == frozenset({"instruction", "output"})
    assert key_paths("d.jsonl", '\n{"messages": []}\n{"other": 1}\n') == frozenset({"messages"})
    assert key_paths("x.yaml", "a: [unclosed") is None
    assert key_paths("x.json", "[1, 2]") is None
    assert key_paths("x.txt", "a: 1") is None


def test_yaml_is_parsed_safely() -> None:
    """A Python tag is refused by the safe loader: nothing is constructed or executed."""
    assert key_paths("evil.yaml", "a: !!python/object/apply:os.system ['echo pwned']\n") is None


def test_keys_star_stays_in_one_level_and_double_star_crosses(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, """rules:
  - id: t.top
    component: data
    reason: top-level prompt key
    match: {ext: [yaml], keys: ["*prompt*"]}
  - id: t.deep
    component: code
    reason: nested learning rate, no data section
    match: {ext: [yaml], keys: ["**.learning_rate"], not_keys: [data]}
""")
    clf = classifier(rules, {
        "a.yaml": "system_prompt: hi\n",
        "b.yaml": "ui:\n  system_prompt: hi\n",
        "c.yaml": "train:\n  opt:\n    learning_rate: 1\n",
        "d.yaml": "data: {}\ntrain:\n  learning_rate: 1\n",
    })
    assert label(clf, "a.yaml") == ("data", "t.top")
    assert label(clf, "b.yaml") == ("other", "fallback.other")
    assert label(clf, "c.yaml") == ("code", "t.deep")
    assert label(clf, "d.yaml") == ("other", "fallback.other")
    assert clf.explain(FileEntry(path="c.yaml", size=30)).evidence == "keys train.opt.learning_rate"


def test_keys_are_not_parsed_above_the_size_limit(tmp_path: Path) -> None:
    rules = one(tmp_path, "ext: [json]\nkeys: [learning_rate]")
    clf = classifier(rules, {"c.json": '{"learning_rate": 1}'})
    assert label(clf, "c.json", size=20)[1] == "t.rule"
    clf.forget("c.json")
    assert label(clf, "c.json", size=KEYS_MAX_BYTES + 1)[1] == "fallback.other"


# --- siblings and names ----------------------------------------------------------------------

def test_sibling_templates(tmp_path: Path) -> None:
    rules = one(tmp_path, "name: ['test_*']\nsibling: ['train_{rest}']")
    clf = classifier(rules, {"test_gpt2.c": "", "train_gpt2.c": "", "test_all.py": "", "sub/test_gpt2.c": ""})
    assert label(clf, "test_gpt2.c")[1] == "t.rule"
    assert label(clf, "test_all.py")[1] == "fallback.other"
    assert label(clf, "sub/test_gpt2.c")[1] == "fallback.other", "the sibling must be in the same folder"
    assert clf.explain(FileEntry(path="test_gpt2.c", size=1)).evidence == "next to 'train_gpt2.c'"
    stem = one(tmp_path, "ext: [json]\nsibling: ['{stem}.py']")
    clf = classifier(stem, {"pkg/english.json": "{}", "pkg/english.py": "", "pkg/other.json": "{}"})
    assert label(clf, "pkg/english.json")[1] == "t.rule"
    assert label(clf, "pkg/other.json")[1] == "fallback.other"


def test_without_an_inventory_no_sibling_condition_holds(tmp_path: Path) -> None:
    rules = one(tmp_path, "sibling: ['*']")
    assert Classifier(rules, lambda p: b"").classify(FileEntry(path="a.py", size=1)).rule == "fallback.other"


def test_not_name_excludes_names(tmp_path: Path) -> None:
    rules = one(tmp_path, "dir: [scripts]\nnot_name: ['*.*']")
    clf = classifier(rules, {"scripts/setup": "", "scripts/setup.py": ""})
    assert label(clf, "scripts/setup")[1] == "t.rule"
    assert label(clf, "scripts/setup.py")[1] == "fallback.other"


# --- rule parsing ----------------------------------------------------------------------------

@pytest.mark.parametrize(("match", "message"), [
    ("content: ['a']\nmin_matches: 2", "'min_matches' must be between 1 and the number of content patterns (1)"),
    ("content: ['a']\nmin_matches: x", "'min_matches' must be a non-negative integer"),
    ("lines_per_match: 10", "'lines_per_match' must be a positive integer and needs 'content'"),
    ("not_content: ['(']", "bad not_content regex '('"),
    ("top_level: maybe", "'top_level' must be true or false"),
    ("keyz: [a]", "unknown match key(s) ['keyz'] in rule 't.rule'"),
])
def test_bad_conditions_are_rule_errors_with_file_and_line(tmp_path: Path, match: str, message: str) -> None:
    with pytest.raises(RuleError) as info:
        one(tmp_path, match)
    assert message in str(info.value)
    assert "components.yaml:2:" in str(info.value)


def test_built_in_rules_parse_and_ids_are_unique() -> None:
    rules = load_rules().component_rules
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    assert all(r.reason and r.component in Component for r in rules)
    by_id = {r.id: r for r in rules}
    assert by_id["training-code.training-talk"].lines_per_match
    assert by_id["model.architecture-config"].keys and by_id["model.architecture-config"].not_keys


def test_user_rules_replace_by_id_and_go_before_or_after(tmp_path: Path) -> None:
    (tmp_path / "components.yaml").write_text("""rules:
  - id: model.weights
    component: training-data
    reason: our .pt files are cached batches
    match: {ext: [pt]}
  - id: local.after-readme
    after: documentation.readme
    component: code
    reason: a generated file
    match: {name: [gen_*.md]}
""", encoding="utf-8")
    rules = load_rules([tmp_path]).component_rules
    ids = [r.id for r in rules]
    assert ids.index("local.after-readme") == ids.index("documentation.readme") + 1
    clf = classifier(rules, {"batches/x.pt": b"", "gen_api.md": ""})
    assert label(clf, "batches/x.pt") == ("training-data", "model.weights")
    assert label(clf, "gen_api.md") == ("code", "local.after-readme")


# --- the literal prefilter -------------------------------------------------------------------

@pytest.mark.parametrize(("pattern", "literals"), [
    (r"\brequests\.post\(", ("requests.post(",)),
    (r"(?i)(?<![\w.])(training|fine-?tuning)\b", ("training", "tuning")),
    (r"[A-Za-z_.]*Trainer\(", ("Trainer(",)),
    (r"\A#!", None),
    (r"(?i)\bSFT\b", ("sft",)),
])
def test_required_literals(pattern: str, literals: tuple[str, ...] | None) -> None:
    assert required_literals(re.compile(pattern, re.MULTILINE)) == literals


def test_prefilter_never_changes_a_search_result() -> None:
    patterns = [rule_pattern for rule in load_rules().component_rules for rule_pattern in rule.content + rule.not_content]
    words = ["loss.backward()", "Training", "trainer.train()", "optimizer step", "fine-tuning", "SFT", "import x",
             "requests.post(", "generate(", "np.memmap(f, mode='w+')", "x", "\n", " ", "-", "_backward(", "#!"]
    rng = random.Random(5)
    for _ in range(200):
        text = "".join(rng.choice(words) + rng.choice([" ", "\n", ""]) for _ in range(rng.randint(1, 30)))
        for pattern in patterns:
            plain = pattern.search(text)
            fast = Signal.of(pattern).search(text, text.lower())
            assert (plain is None) == (fast is None), (pattern.pattern, text)
