"""``classify_target``: the first three stages only (sources, inventory, classify), for ``osai-scan classify``."""

from __future__ import annotations

from pathlib import Path

from ..classify.classifier import Classifier, Explanation
from ..inventory import build_inventory
from ..models import FileEntry
from ..ruleset import load_rules
from ..sources import HubOptions, Source, open_source
from .source import leading


def classify_target(target: str | Source, rules_dirs: tuple[Path, ...], revision: str | None = None,
                    hub: HubOptions | None = None) -> tuple[dict[str, object], list[tuple[FileEntry, Explanation]]]:
    """Classify every file of ``target`` with the rules in force.

    Args:
        target: a folder, ``hf:ORG/NAME[@REV]``, a Hub URL or an opened Source (as for ``scan``).
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
    source = target if isinstance(target, Source) else open_source(target, revision, hub)
    entries = build_inventory(source)
    classifier = Classifier(rules.component_rules, source.head, [e.path for e in entries], leading(source))
    first = {}
    for entry in entries:
        first[entry.path] = classifier.explain(entry)
        classifier.forget(entry.path)
    labels = classifier.refine(entries, first)
    out = [(entry, labels[entry.path]) for entry in entries]
    info = source.describe()
    described = {"kind": info.kind, "name": info.name, "revision": info.revision, "commit": info.commit,
                 "rules_digest": rules.digest}
    return described, out


__all__ = ["Explanation", "classify_target"]
