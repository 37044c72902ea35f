"""Stage 3, classify: give every file exactly one label, and the rule that chose it.

``classifier`` applies the ordered rules of ``rules/components.yaml`` (first match wins: path
globs, extensions, directory names, sibling files, content signals in source files, notebooks
and JSON/YAML keys, the leading bytes of weight files); ``signals`` makes content search fast (a
regular expression is skipped when a literal it needs is absent); ``structure`` reads what a
Python file does from its syntax tree (class bases, calls in loops, trainer calls, the
``__main__`` block), parsed only for the rules that ask, never run.

Takes in: the inventory (``FileEntry`` tuple) and a head reader of the source. Hands on: one
``Classification`` (component, rule id, reason) per file.
"""

from __future__ import annotations

from .classifier import (
    KEYS_MAX_BYTES,
    Classifier,
    Explanation,
    key_paths,
    notebook_source,
)
from .signals import Signal, required_literals

__all__ = ["Classifier", "Explanation", "KEYS_MAX_BYTES", "Signal", "key_paths", "notebook_source", "required_literals"]
