"""Give every file exactly one label with the ordered rules of ``components.yaml``.

The first rule whose conditions all hold wins. Path conditions (name, path, extension,
folder, siblings) are checked first; content conditions read only the head of a file, and
only when the path conditions of that rule already hold. Nothing read is executed: source
text is searched with regular expressions, notebooks are reduced to the source of their
cells (never their outputs), and JSON/YAML configs are parsed with ``json`` and
``yaml.safe_load`` only, within a size limit.
"""

from __future__ import annotations

import fnmatch
import json
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable

import yaml

from ..models import Classification, Component, FileEntry
from ..ruleset import MAGIC_BYTES, ComponentRule
from .signals import Signal
from .structure import PythonFacts, check, holds_any, python_facts
from .usage import Usage, UsageGraph, is_user, references

#: Reads the first bytes of a file; returns None when the file cannot be read.
HeadReader = Callable[[str], "bytes | None"]
#: Reads the first ``n`` bytes of a file (for ``magic``); returns None when it cannot be read.
BytesReader = Callable[[str, int], "bytes | None"]

FALLBACK = Classification(
    component=Component.OTHER,
    rule="fallback.other",
    reason="no classification rule matched this file",
)

#: JSON and YAML larger than this are not parsed for their keys (the condition fails).
KEYS_MAX_BYTES = 256 * 1024
#: A notebook is read this far (its embedded outputs can push the later cells' source past the
#: usual head); only the source of its cells is searched.
NOTEBOOK_HEAD_BYTES = 4 * 1024 * 1024
#: At most this many key paths are collected from one document.
_MAX_KEY_PATHS = 4096
#: Key paths are collected this many levels deep (``a``, ``a.b``, ``a.b.c``).
_KEY_DEPTH = 3
_JSON_EXTS = (".json", ".jsonc", ".jsonl", ".ipynb")
_YAML_EXTS = (".yaml", ".yml")
#: A notebook cell's ``source``: a JSON string, or an array of JSON strings.
_NB_SOURCE = re.compile(r'"source"\s*:\s*(\[\s*(?:"(?:[^"\\]|\\.)*"\s*,?\s*)*\]|"(?:[^"\\]|\\.)*")')
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: The second pass relabels at most this many times over (a helper of a helper of ...).
_ROUNDS = 4


@dataclass(frozen=True, slots=True, kw_only=True)
class Explanation:
    """A label plus what made its rule fire (for ``osai-scan classify``).

    Attributes:
        classification: the label, rule id and the rule's reason.
        evidence: the content, key or sibling that satisfied the rule, when it has such a
            condition (e.g. ``content 'loss.backward(' (line 12)``); None for path-only rules.
    """

    classification: Classification
    evidence: str | None = None


def _ext_matches(name: str, exts: tuple[str, ...]) -> bool:
    return any(name.endswith("." + ext) for ext in exts)


@lru_cache(maxsize=2048)
def _globs(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


def _glob_any(value: str, patterns: tuple[str, ...]) -> bool:
    return _globs(patterns).match(value) is not None


@lru_cache(maxsize=4096)
def _signal(pattern: re.Pattern[str]) -> Signal:
    return Signal.of(pattern)


def notebook_source(text: str) -> str:
    """The source of every cell of a notebook (code and markdown), outputs left out.

    A notebook that does not parse (for instance because only its head was read) is
    reduced to the ``"source"`` fields found in the text, so outputs never count.
    """
    try:
        doc = json.loads(text)
    except ValueError:
        doc = None
    sources: list[object] = []
    if isinstance(doc, dict) and isinstance(doc.get("cells"), list):
        sources = [cell.get("source", "") if isinstance(cell, dict) else "" for cell in doc["cells"]]
    else:
        for match in _NB_SOURCE.finditer(text):
            try:
                sources.append(json.loads(match.group(1)))
            except ValueError:
                continue
    parts = ["".join(map(str, s)) if isinstance(s, list) else str(s) for s in sources]
    return "\n".join(part.rstrip("\n") for part in parts)


def _parse_document(path: str, text: str) -> Any:
    lower = path.lower()
    try:
        if lower.endswith(".jsonl"):
            first = next((line for line in text.splitlines() if line.strip()), "")
            return json.loads(first)
        if lower.endswith(_JSON_EXTS):
            return json.loads(text)
        if lower.endswith(_YAML_EXTS):
            return next(iter(yaml.load_all(text, Loader=_YAML_LOADER)), None)  # noqa: S506 - a safe loader
    except (ValueError, yaml.YAMLError, RecursionError):
        return None
    return None


def key_paths(path: str, text: str) -> frozenset[str] | None:
    """The key paths of a JSON/YAML document (``a``, ``a.b``, ... lowercased), or None.

    A top-level list stands for its records: the keys of its first mapping are used.
    Returns None when the file is not JSON/YAML or does not parse.
    """
    doc = _parse_document(path, text)
    if isinstance(doc, list):
        doc = next((item for item in doc if isinstance(item, dict)), None)
    if not isinstance(doc, dict):
        return None
    found: set[str] = set()
    stack: list[tuple[str, dict[Any, Any], int]] = [("", doc, 1)]
    while stack and len(found) < _MAX_KEY_PATHS:
        prefix, mapping, depth = stack.pop()
        for key, value in mapping.items():
            name = prefix + str(key).lower()
            found.add(name)
            if depth < _KEY_DEPTH and isinstance(value, dict):
                stack.append((name + ".", value, depth + 1))
    return frozenset(found)


@lru_cache(maxsize=512)
def _key_pattern(globs: tuple[str, ...]) -> re.Pattern[str]:
    """Key-path globs as one regex: ``*`` stays within one level, ``**`` crosses levels."""
    alternatives = []
    for glob in globs:
        out = [{"**": ".*", "*": "[^.]*", "?": "[^.]"}.get(t, re.escape(t)) for t in re.split(r"(\*\*|\*|\?)", glob)]
        alternatives.append("(?:" + "".join(out) + ")")
    return re.compile("(?:" + "|".join(alternatives) + r")\Z")


def _key_matches(key: str, globs: tuple[str, ...]) -> bool:
    return _key_pattern(globs).match(key) is not None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


class Classifier:
    """Applies an ordered rule list to files.

    Args:
        rules: the ordered classification rules.
        read_head: returns the first bytes of a file by path (for content and key conditions).
        paths: every path of the inventory, for ``sibling`` conditions (None: no sibling
            condition can hold).
        read_bytes: reads the first few bytes of a file for ``magic`` conditions (default: the
            head reader, cut); a remote source should pass a small ranged read here.
    """

    def __init__(self, rules: tuple[ComponentRule, ...], read_head: HeadReader,
                 paths: Iterable[str] | None = None, read_bytes: BytesReader | None = None) -> None:
        self.rules = rules
        self._read_head = read_head
        self._read_bytes = read_bytes
        self._magic: dict[str, bytes | None] = {}
        self._python: dict[str, PythonFacts | None] = {}
        self._raw: dict[str, bytes | None] = {}
        self._texts: dict[str, str | None] = {}
        self._folded: dict[str, str] = {}
        self._found: dict[str, dict[tuple[str, int], re.Match[str] | None]] = {}
        self._keys: dict[str, frozenset[str] | None] = {}
        self._folders: dict[str, set[str]] = {}
        self._paths = list(paths or ())
        self._refs: dict[str, frozenset[str]] = {}
        self._graph: Usage | None = None
        for path in self._paths:
            folder, _, name = path.lower().rpartition("/")
            self._folders.setdefault(folder, set()).add(name)

    # -- file content, read once per file ---------------------------------------------------

    def _head(self, path: str) -> bytes | None:
        if path not in self._raw:
            if self._read_bytes is not None and path.lower().endswith(".ipynb"):
                self._raw[path] = self._read_bytes(path, NOTEBOOK_HEAD_BYTES)  # outputs push cells far in
            else:
                self._raw[path] = self._read_head(path)
        return self._raw[path]

    def _text(self, path: str) -> str | None:
        if path not in self._texts:
            data = self._head(path)
            text = data.decode("utf-8", "replace") if data is not None else None
            if text is not None and path.lower().endswith(".ipynb"):
                text = notebook_source(text)
            if text is not None and path not in self._refs and is_user(path):
                self._refs[path] = references(path, text)  # kept after forget(): the second pass needs it
            self._texts[path] = text
        return self._texts[path]

    def _key_paths(self, entry: FileEntry) -> frozenset[str] | None:
        if entry.path not in self._keys:
            keys = None
            if entry.size <= KEYS_MAX_BYTES:
                data = self._head(entry.path)
                if data is not None and len(data) <= KEYS_MAX_BYTES:
                    keys = key_paths(entry.path, data.decode("utf-8", "replace"))
            self._keys[entry.path] = keys
        return self._keys[entry.path]

    # -- conditions ---------------------------------------------------------------------------

    def _path_conditions(self, rule: ComponentRule, entry: FileEntry, lower: str) -> bool:
        parts = lower.split("/")
        name = parts[-1]
        if rule.top_level is not None and rule.top_level != (len(parts) == 1):
            return False
        if rule.names and not _glob_any(name, rule.names):
            return False
        if rule.not_names and _glob_any(name, rule.not_names):
            return False
        if rule.exts and not _ext_matches(name, rule.exts):
            return False
        if rule.not_exts and _ext_matches(name, rule.not_exts):
            return False
        if rule.paths and not _glob_any(lower, rule.paths):
            return False
        if rule.dirs and not any(_glob_any(part, rule.dirs) for part in parts[:-1]):
            return False
        if rule.not_dirs and any(_glob_any(part, rule.not_dirs) for part in parts[:-1]):
            return False
        if rule.max_size is not None and entry.size > rule.max_size:
            return False
        return True

    def _sibling(self, rule: ComponentRule, lower: str) -> str | None:
        folder, _, name = lower.rpartition("/")
        stem = name.rsplit(".", 1)[0] if "." in name else name
        rest = re.split(r"[_-]", name, maxsplit=1)[-1]
        files = self._folders.get(folder, set())
        for template in rule.siblings:
            pattern = template.replace("{stem}", stem).replace("{rest}", rest)
            if not any(c in pattern for c in "*?["):
                hit = pattern if pattern in files and pattern != name else None
            else:
                matcher = _globs((pattern,))
                hit = min((o for o in files if o != name and matcher.match(o)), default=None)
            if hit is not None:
                return posixpath.join(folder, hit) if folder else hit
        return None

    def _search(self, path: str, text: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
        found = self._found.setdefault(path, {})
        key = (pattern.pattern, pattern.flags)
        if key not in found:
            if path not in self._folded:
                self._folded[path] = text.lower()
            found[key] = _signal(pattern).search(text, self._folded[path])
        return found[key]

    @staticmethod
    def _enough(rule: ComponentRule, text: str, folded: str, needed: int) -> bool:
        """True when the content patterns match at least ``needed`` times in all."""
        found = 0
        for pattern in rule.content:
            for _ in _signal(pattern).finditer(text, folded):
                found += 1
                if found >= needed:
                    return True
        return False

    def _content(self, rule: ComponentRule, entry: FileEntry) -> str | None | bool:
        """Check the content conditions: False when they fail, else the evidence (or None)."""
        if entry.lfs is not None or entry.problem is not None:
            return False
        text = self._text(entry.path)
        if text is None:
            return False
        if any(self._search(entry.path, text, p) for p in rule.not_content):
            return False
        if not rule.content:
            return None
        hits = [m for m in (self._search(entry.path, text, p) for p in rule.content) if m is not None]
        if len(hits) < rule.min_matches:
            return False
        if rule.lines_per_match and hits:
            needed = -(-(text.count("\n") + 1) // rule.lines_per_match)
            if not self._enough(rule, text, self._folded[entry.path], needed):
                return False
        first = min(hits, key=lambda m: m.start())
        shown = " ".join(first.group(0).split())[:60]
        more = f" and {len(hits) - 1} more signal(s)" if len(hits) > 1 else ""
        where = "cell source line" if entry.path.lower().endswith(".ipynb") else "line"
        return f"content '{shown}' ({where} {_line_of(text, first.start())}){more}"

    def _keys_condition(self, rule: ComponentRule, entry: FileEntry) -> str | None | bool:
        if entry.lfs is not None or entry.problem is not None:
            return False
        keys = self._key_paths(entry)
        if keys is None:
            return False
        if any(_key_matches(k, rule.not_keys) for k in keys):
            return False
        if not rule.keys:
            return None
        hits = sorted(k for k in keys if _key_matches(k, rule.keys))
        if not hits:
            return False
        return "keys " + ", ".join(hits[:4]) + (" ..." if len(hits) > 4 else "")

    def _leading_bytes(self, entry: FileEntry) -> bytes | None:
        if entry.path not in self._magic:
            data = self._raw.get(entry.path)
            if data is None:
                if self._read_bytes is not None:
                    data = self._read_bytes(entry.path, MAGIC_BYTES)
                else:
                    data = self._head(entry.path)
            self._magic[entry.path] = data[:MAGIC_BYTES] if data is not None else None
        return self._magic[entry.path]

    def _magic_condition(self, rule: ComponentRule, entry: FileEntry) -> str | None:
        if entry.problem is not None or entry.size == 0:
            return None
        data = self._leading_bytes(entry)
        if not data:
            return None
        for pattern in rule.magic:
            if pattern.match(data):
                return f"first bytes {data[:12]!r}"
        return None

    def _facts(self, entry: FileEntry) -> PythonFacts | None:
        if entry.path not in self._python:
            text = self._text(entry.path) if entry.lfs is None and entry.problem is None else None
            self._python[entry.path] = python_facts(text) if text is not None else None
        return self._python[entry.path]

    def _python_condition(self, rule: ComponentRule, entry: FileEntry) -> str | None | bool:
        """Check the ``python``/``not_python`` conditions: False when they fail, else the evidence."""
        facts = self._facts(entry)
        if facts is None:
            return False
        if rule.not_python is not None and holds_any(rule.not_python, facts) is not None:
            return False
        if rule.python is None:
            return None
        found = check(rule.python, facts)
        if found is None:
            return False
        return "structure: " + ", ".join(found)

    def _evidence(self, rule: ComponentRule, entry: FileEntry, lower: str,
                  labels: dict[str, Explanation] | None = None) -> tuple[bool, str | None]:
        if rule.needs_labels and labels is None:
            return False, None  # first pass: the labels of the other files are not known yet
        if not self._path_conditions(rule, entry, lower):
            return False, None
        evidence = []
        if rule.siblings:
            sibling = self._sibling(rule, lower)
            if sibling is None:
                return False, None
            evidence.append(f"next to '{sibling}'")
        if rule.keys or rule.not_keys:
            found = self._keys_condition(rule, entry)
            if found is False:
                return False, None
            if found:
                evidence.append(str(found))
        if rule.content or rule.not_content:
            found = self._content(rule, entry)
            if found is False:
                return False, None
            if found:
                evidence.append(str(found))
        if rule.python is not None or rule.not_python is not None:
            found = self._python_condition(rule, entry)
            if found is False:
                return False, None
            if found:
                evidence.append(str(found))
        if rule.magic:
            magic = self._magic_condition(rule, entry)
            if magic is None:
                return False, None
            evidence.append(magic)
        if labels is not None and rule.needs_labels:
            usage = self._usage_condition(rule, entry.path, labels)
            if usage is None:
                return False, None
            evidence.append(usage)
        return True, "; ".join(evidence) or None

    # -- second pass: conditions on the labels of the files a file uses or is used by ----------

    def _usage(self) -> Usage:
        if self._graph is None:
            for path in self._paths:
                if path not in self._refs and is_user(path):
                    self._text(path)  # records its references
                    self.forget(path)
            self._graph = Usage(UsageGraph(self._paths), self._refs)
        return self._graph

    def _usage_condition(self, rule: ComponentRule, path: str, labels: dict[str, Explanation]) -> str | None:
        def label_of(other: str) -> tuple[Component, str] | None:
            found = labels.get(other)
            return (found.classification.component, found.classification.rule) if found is not None else None
        return self._usage().evidence(rule, path, label_of)

    # -- public -------------------------------------------------------------------------------

    def explain(self, entry: FileEntry) -> Explanation:
        """Return the label of ``entry`` and what made its rule fire."""
        lower = entry.path.lower()
        for rule in self.rules:
            matched, evidence = self._evidence(rule, entry, lower)
            if matched:
                label = Classification(component=rule.component, rule=rule.id, reason=rule.reason)
                return Explanation(classification=label, evidence=evidence)
        return Explanation(classification=FALLBACK)

    def refine(self, entries: Iterable[FileEntry], labels: dict[str, Explanation],
               only: set[str] | None = None) -> dict[str, Explanation]:
        """The second pass: apply the rules that look at other files' labels (``used_by``, ``uses``).

        A file is relabelled when such a rule comes before the rule that labelled it and holds
        given the labels of the first pass; relabelling repeats (at most ``_ROUNDS`` times) so
        that a helper of a helper follows. ``only`` limits which files may change (the others
        still count as users). Returns the new labels (``labels`` is not changed).
        """
        order = {rule.id: number for number, rule in enumerate(self.rules)}
        later = [(number, rule) for number, rule in enumerate(self.rules) if rule.needs_labels]
        out = dict(labels)
        if not later:
            return out
        entries = [e for e in entries if e.path in out and (only is None or e.path in only)]
        for _ in range(_ROUNDS):
            changed = False
            for entry in entries:
                current = out[entry.path]
                position = order.get(current.classification.rule, len(self.rules))
                for number, rule in later:
                    if number >= position:
                        break
                    matched, evidence = self._evidence(rule, entry, entry.path.lower(), out)
                    self.forget(entry.path)
                    if matched:
                        if rule.id != current.classification.rule:
                            label = Classification(component=rule.component, rule=rule.id, reason=rule.reason)
                            out[entry.path] = Explanation(classification=label, evidence=evidence)
                            changed = True
                        break
            if not changed:
                break
        return out

    def classify(self, entry: FileEntry) -> Classification:
        """Return the label of ``entry``: the first matching rule, else ``other``."""
        return self.explain(entry).classification

    def forget(self, path: str) -> None:
        """Drop the cached content of ``path`` (call once the file is classified)."""
        self._raw.pop(path, None)
        self._texts.pop(path, None)
        self._folded.pop(path, None)
        self._keys.pop(path, None)
        self._found.pop(path, None)
        self._magic.pop(path, None)
        self._python.pop(path, None)
