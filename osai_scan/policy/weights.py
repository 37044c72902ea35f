"""Where the code fetches the weights from: Model references read statically from the text of
code, notebooks and docs (``rules/weights.yaml``; nothing is imported or run).

They tell an auditor where the weights of a repository that does not hold them are, and the
hints name the command that scans them (``osai-scan scan hf:ORG/NAME``). They carry no license:
the terms of weights published elsewhere are read where they are published.
"""

from __future__ import annotations

import fnmatch
from pathlib import PurePosixPath
from typing import Callable, Iterable

from ..models import Component, Reference, ReferenceKind
from ..ruleset import WeightSource

#: At most this many weight references are reported (the first, by path and line).
MAX_REFERENCES = 100


def weight_references(files: Iterable[tuple[str, Component]], read_text: Callable[[str, int], str | None],
                      sources: tuple[WeightSource, ...], components: tuple[Component, ...],
                      globs: tuple[str, ...], max_bytes: int) -> tuple[Reference, ...]:
    """Every place the code names where weights are fetched from, one reference per target.

    Args:
        files: the files of the target, as (path, component).
        read_text: a file's text read up to a number of bytes, or None when it cannot be read.
        sources: the patterns of ``weights.yaml``.
        components: only files with one of these labels are read.
        globs: only files whose name matches one of these are read.
        max_bytes: bytes read per file at most.
    """
    found: dict[str, Reference] = {}
    for path, component in sorted(files):
        name = PurePosixPath(path).name
        if component not in components or not any(fnmatch.fnmatch(name, g) for g in globs):
            continue
        text = read_text(path, max_bytes)
        if not text:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if len(line) > 10_000:
                continue
            for source in sources:
                for match in source.pattern.finditer(line):
                    target = match.group("url" if source.kind == "url" else "repo")
                    if target in found:
                        continue
                    url = (f"https://huggingface.co/{target}" if source.kind == "hub" else
                           f"https://github.com/{target}" if source.kind == "torch-hub" else target)
                    found[target] = Reference(
                        kind=ReferenceKind.WEIGHTS, id=target, component=Component.MODEL, name=target,
                        declared=None, expression=None, expression_spdx=None, source=f"{path}, line {number}",
                        matched_by=f"{source.id} at {path}:{number}", url=url,
                        detail=("a Hugging Face Hub model the code loads: scan it with "
                                f"osai-scan scan hf:{target}" if source.kind == "hub" else
                                "where the code fetches weights from (not downloaded by osai-scan)"))
                    if len(found) >= MAX_REFERENCES:
                        return tuple(found.values())
    return tuple(found.values())


__all__ = ["MAX_REFERENCES", "weight_references"]
