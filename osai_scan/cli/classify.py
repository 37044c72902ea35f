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

from ..models import Component, FileEntry
from ..pipeline import Explanation, classify_target
from ..sources import HubOptions
from ._common import emit, open_target

#: Version of the JSON written by ``classify --format json``.
CLASSIFY_SCHEMA = "osai-scan/classify/1"
_COMPONENTS = tuple(c.value for c in Component)


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
    source = open_target(target, revision, HubOptions(token=token or None))
    described, rows = classify_target(source, rules_dirs)
    if only:
        rows = [(e, x) for e, x in rows if x.classification.component.value in only]
    text = _as_json(described, rows) if fmt == "json" else _as_table(rows)
    emit(text, output, "the labels")
    counts = Counter(x.classification.component.value for _, x in rows)
    click.echo("osai-scan: " + ", ".join(f"{counts[c]} {c}" for c in _COMPONENTS if counts[c])
               + f" ({len(rows)} files)", err=True)
