"""Which files of a repository use which: Python imports, and the scripts a shell file runs.

Read with regular expressions over the head of each file (the text the classifier reads
anyway); nothing is imported, compiled or run. A Python file ``a/b/c.py`` can be imported as
``a.b.c``, ``b.c`` or ``c`` (repositories run scripts from sub-folders and use ``src/``
layouts), so an absolute import is resolved to the file with that dotted tail, preferring one
in the importer's own folder, and left out when it stays ambiguous. Relative imports resolve
against the importer's package. A shell script (or a notebook's ``!python`` cell) that runs
``python x.py``, ``torchrun x.py`` or ``python -m pkg.mod`` uses that file.

The classifier's second pass (``Classifier.refine``) checks the ``used_by`` and ``uses``
conditions of ``components.yaml`` against this graph and the labels the other rules gave.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from typing import Callable, Iterable

from ..models import Component
from ..ruleset import ComponentRule

#: Extensions of files that can be imported (their dotted module names are indexed).
MODULE_EXTS = ("py",)
#: Extensions of files whose text is read for what they import or run.
USER_EXTS = ("py", "ipynb", "sh", "bash", "zsh", "slurm", "sbatch")

_IMPORT = re.compile(r"^[ \t]*import[ \t]+([\w. \t,]+)", re.MULTILINE)
_FROM = re.compile(r"^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)", re.MULTILINE)
_SCRIPT = re.compile(r"(?<![\w/.-])((?:\.{1,2}/)?[\w][\w/.-]*\.py)\b")
_MODULE_RUN = re.compile(r"\bpython[\d.]*[ \t]+(?:-[A-Za-z]+[ \t]+)*-m[ \t]+([\w.]+)")
_SHELL_EXTS = ("sh", "bash", "zsh", "slurm", "sbatch")


def _glob_any(value: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(value, p) for p in patterns)


def _ext(path: str) -> str:
    return path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""


def is_user(path: str) -> bool:
    """True when ``path`` may import or run other files (its text is read for that)."""
    return _ext(path) in USER_EXTS


def in_usage_graph(path: str) -> bool:
    """True when ``path`` may use or be used by other files (its label may depend on theirs)."""
    return _ext(path) in USER_EXTS or _ext(path) in MODULE_EXTS


def references(path: str, text: str) -> frozenset[str]:
    """What the file at ``path`` imports or runs, as unresolved references.

    ``m:a.b`` is an absolute module, ``p:folder/mod`` a module path from a relative import
    (without ``.py``), ``s:x/y.py`` a script a shell line runs.
    """
    ext = _ext(path)
    refs: set[str] = set()
    folder = posixpath.dirname(path)
    if ext in ("py", "ipynb"):
        for match in _IMPORT.finditer(text):
            for part in match.group(1).split(","):
                name = part.strip().split()[0] if part.strip() else ""
                if name and re.fullmatch(r"[\w.]+", name):
                    refs.add("m:" + name)
        for match in _FROM.finditer(text):
            dots, module, names = match.group(1), match.group(2), match.group(3)
            imported = [n.strip().split()[0] for n in names.strip("()").replace("\\\n", " ").split(",") if n.strip()]
            imported = [n for n in imported if re.fullmatch(r"\w+", n)]
            if dots:
                base = folder
                for _ in range(len(dots) - 1):
                    base = posixpath.dirname(base)
                stem = posixpath.join(base, *module.split(".")) if module else base
                if module:
                    refs.add("p:" + stem)
                refs.update("p:" + posixpath.join(stem, n) for n in imported)
            elif module:
                refs.add("m:" + module)
                refs.update(f"m:{module}.{n}" for n in imported)
    if ext in _SHELL_EXTS or ext == "ipynb":
        lines = text.splitlines() if ext != "ipynb" else [ln.lstrip()[1:] for ln in text.splitlines()
                                                         if ln.lstrip().startswith(("!", "%run"))]
        for line in lines:
            if line.lstrip().startswith("#"):
                continue
            refs.update("s:" + m.group(1) for m in _SCRIPT.finditer(line))
            refs.update("m:" + m.group(1) for m in _MODULE_RUN.finditer(line))
    return frozenset(refs)


class UsageGraph:
    """Resolves references to the files of an inventory.

    Args:
        paths: every path of the inventory.
    """

    def __init__(self, paths: Iterable[str]) -> None:
        self._paths = set(paths)
        self._by_tail: dict[str, list[str]] = {}
        self._by_stem: dict[str, str] = {}
        for path in self._paths:
            if _ext(path) not in MODULE_EXTS:
                continue
            stem = path[: -len(_ext(path)) - 1]
            if stem.endswith("/__init__") or stem == "__init__":
                stem = posixpath.dirname(stem)
            if not stem:
                continue
            self._by_stem.setdefault(stem, path)
            parts = stem.split("/")
            for start in range(len(parts)):
                self._by_tail.setdefault(".".join(parts[start:]), []).append(path)

    def resolve(self, user: str, ref: str) -> str | None:
        """The file ``ref`` (from ``references``) of the file ``user`` names, or None."""
        kind, _, value = ref.partition(":")
        folder = posixpath.dirname(user)
        if kind == "p":
            return self._by_stem.get(posixpath.normpath(value))
        if kind == "m":
            found = self._by_tail.get(value, [])
            if "." not in value:  # `import utils`: the script's own folder or the root, as Python finds it
                found = [p for p in found if posixpath.dirname(p) in (folder, "", "src")
                         or p.endswith("/__init__.py") and posixpath.dirname(posixpath.dirname(p)) in (folder, "", "src")]
            if len(found) == 1:
                return found[0]
            near = [p for p in found if posixpath.dirname(p) == folder
                    or posixpath.dirname(posixpath.dirname(p)) == folder and p.endswith("/__init__.py")]
            if len(near) == 1:
                return near[0]
            rooted = [p for p in found if p.replace("/", ".").startswith(value + ".")]
            return rooted[0] if len(rooted) == 1 else None
        if kind == "s":
            for candidate in (posixpath.normpath(posixpath.join(folder, value)), posixpath.normpath(value)):
                if candidate in self._paths:
                    return candidate
            tail = "/" + posixpath.normpath(value).lstrip("./")
            ends = [p for p in self._paths if p.endswith(tail)]
            return ends[0] if len(ends) == 1 else None
        return None

    def uses(self, user: str, refs: frozenset[str]) -> frozenset[str]:
        """The files of the inventory that ``user`` imports or runs (never itself)."""
        out = {self.resolve(user, ref) for ref in refs}
        out.discard(None)
        out.discard(user)
        return frozenset(out)  # type: ignore[arg-type]


class Usage:
    """Who uses whom in one inventory, and the ``used_by``/``uses`` conditions checked on it.

    Args:
        graph: resolves references to files.
        refs: the references of every file that imports or runs others (``references``).
    """

    def __init__(self, graph: UsageGraph, refs: dict[str, frozenset[str]]) -> None:
        self.uses = {user: graph.uses(user, found) for user, found in refs.items()}
        self.used_by: dict[str, set[str]] = {}
        for user, targets in self.uses.items():
            for target in targets:
                self.used_by.setdefault(target, set()).add(user)

    def evidence(self, rule: ComponentRule, path: str,
                 label_of: Callable[[str], tuple[Component, str] | None]) -> str | None:
        """What shows that the ``used_by`` and ``uses`` conditions of ``rule`` hold for ``path``;
        None when one fails (no file counts, or one of them has another label; with ``some``, none
        of them has one of the labels)."""
        evidence = []
        for condition, others, verb in ((rule.used_by, self.used_by.get(path, set()), "used by"),
                                        (rule.uses, self.uses.get(path, frozenset()), "uses")):
            if condition is None:
                continue
            counted = sorted(o for o in others if label_of(o) is not None
                             and not (condition.ignore and _glob_any(o.lower(), condition.ignore)))

            def has(other: str, condition=condition) -> bool:
                component, rule_id = label_of(other)  # type: ignore[misc]
                return component in condition.labels and (not condition.rules or _glob_any(rule_id, condition.rules))
            if condition.some:
                counted = [o for o in counted if has(o)]
            if not counted or not all(has(o) for o in counted):
                return None
            shown = ", ".join(counted[:3]) + (f" and {len(counted) - 3} more" if len(counted) > 3 else "")
            evidence.append(f"{verb} {shown} ({'' if condition.some else 'all '}{'/'.join(c.value for c in condition.labels)})")
        return "; ".join(evidence)
