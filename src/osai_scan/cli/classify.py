"""``osai-scan classify``: every file's label, the rule that chose it and why.

It runs only the first stages of a scan (source, inventory, classify) with the same rules a
scan uses, so a user can see why a file got its label and fix it with ``--rules DIR``
without touching code. It never loads ScanCode.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from ..classify import Classifier, Explanation
from ..inventory import build_inventory
from ..models import Component, FileEntry
from ..rules import load_rules
from ..sources import HubOptions
from ._common import emit, open_target

#: Version of the JSON written by ``classify --format json``.
CLASSIFY_SCHEMA = "osai-scan/classify/1"
_COMPONENTS = tuple(c.value for c in Component)


def classify_target(target: str, rules_dirs: tuple[Path, ...], revision: str | None = None,
                    hub: HubOptions | None = None) -> tuple[dict[str, object], list[tuple[FileEntry, Explanation]]]:
    """Classify every file of ``target`` with the rules in force.

    Args:
        target: a folder, ``hf:ORG/NAME[@REV]`` or a Hub URL (as for ``scan``).
        rules_dirs: user rules folders merged over the built-in rules.
        revision: the Hub revision (Hub targets only).
        hub: token and download caps for Hub targets.

    Returns:
        The target description (kind, name, rules digest) and one (entry, explanation) per file,
        sorted by path.

    Raises:
        TargetNotFoundError: the target does not exist or is not a folder.
        UsageError: a Hub target or revision that cannot be used.
        RuleError: a rules file is invalid.
        SourceError: the target cannot be listed (for instance a Hub error).
    """
    rules = load_rules(rules_dirs)
    source = open_target(target, revision, hub)
    entries = build_inventory(source)
    classifier = Classifier(rules.component_rules, source.head, [e.path for e in entries])
    out = []
    for entry in entries:
        out.append((entry, classifier.explain(entry)))
        classifier.forget(entry.path)
    info = source.describe()
    described = {"kind": info.kind, "name": info.name, "revision": info.revision, "commit": info.commit,
                 "rules_digest": rules.digest}
    return described, out


def _as_json(described: dict[str, object], rows: list[tuple[FileEntry, Explanation]]) -> str:
    files = []
    for entry, explanation in rows:
        label = explanation.classification
        files.append({"path": entry.path, "component": label.component.value, "rule": label.rule,
                      "reason": label.reason, "evidence": explanation.evidence})
    summary = Counter(f["component"] for f in files)
    doc = {"schema": CLASSIFY_SCHEMA, "target": described, "files": files,
           "summary": {c: summary[c] for c in _COMPONENTS if summary[c]}}
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _as_table(rows: list[tuple[FileEntry, Explanation]]) -> str:
    if not rows:
        return "(no files)\n"
    labels = [(x.classification.component.value, x.classification.rule, e.path,
               x.classification.reason + (f" [{x.evidence}]" if x.evidence else "")) for e, x in rows]
    widths = [max(len(head), *(len(row[i]) for row in labels)) for i, head in enumerate(("COMPONENT", "RULE", "PATH"))]
    lines = []
    for component, rule, path, why in [("COMPONENT", "RULE", "PATH", "WHY"), *labels]:
        lines.append(f"{component:<{widths[0]}}  {rule:<{widths[1]}}  {path:<{widths[2]}}  {why}")
    return "\n".join(lines) + "\n"


@click.command(name="classify")
@click.argument("target", default=".")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path),
              help="Folder of rules files that add to or override the built-in rules (repeatable).")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
              help="Output format.")
@click.option("--only", "only", multiple=True, type=click.Choice(_COMPONENTS),
              help="Show only files with this label (repeatable).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the output to this file instead of standard output.")
@click.option("--revision", help="Hub branch, tag or commit (Hub targets; default: main).")
@click.option("--token", help="Hugging Face token for gated or private repos (default: HF_TOKEN or the cached login).")
def classify_command(target: str, rules_dirs: tuple[Path, ...], fmt: str, only: tuple[str, ...],
                     output: Path | None, revision: str | None, token: str | None) -> None:
    """Show the label of every file of TARGET (a folder, hf:ORG/NAME[@REVISION] or a Hub URL),
    the rule that chose it and why.

    Labels come from the same ordered rules a scan uses (first match wins). To change a
    label, put a components.yaml in a folder and pass it with --rules: a rule with an
    existing id replaces it, a new rule takes precedence (or goes where before:/after: says).
    """
    described, rows = classify_target(target, rules_dirs, revision, HubOptions(token=token or None))
    if only:
        rows = [(e, x) for e, x in rows if x.classification.component.value in only]
    text = _as_json(described, rows) if fmt == "json" else _as_table(rows)
    emit(text, output, "the labels")
    counts = Counter(x.classification.component.value for _, x in rows)
    click.echo("osai-scan: " + ", ".join(f"{counts[c]} {c}" for c in _COMPONENTS if counts[c])
               + f" ({len(rows)} files)", err=True)
