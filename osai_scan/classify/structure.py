"""What a Python file does, from its syntax tree: the facts ``python`` rule conditions test.

The source is parsed with ``ast.parse`` only (never compiled, imported or run). Only files a
rule asks about are parsed, after that rule's path conditions and literal prefilter hold, and
only their head (``CLASSIFY_HEAD_BYTES``): a file cut short is parsed up to its last complete
top-level statement.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

from ..ruleset import PythonCondition

#: Source longer than this (characters) is not parsed: its conditions fail.
PYTHON_MAX_CHARS = 1024 * 1024
_MAIN_TEST = re.compile(r"""__name__\s*==\s*['"]__main__['"]|['"]__main__['"]\s*==\s*__name__""")
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


@dataclass(frozen=True, slots=True)
class PythonFacts:
    """Names found in one Python file (lowercased dotted names).

    Attributes:
        bases: the bases of its classes, each class also inheriting the bases of the classes
            of the same file it derives from.
        calls: every call's callee.
        loop_calls: callees of calls inside a ``for``/``while`` loop.
        main_calls: callees of calls in the ``__main__`` block and in the functions of the
            file that block calls by name.
    """

    bases: frozenset[str]
    calls: frozenset[str]
    loop_calls: frozenset[str]
    main_calls: frozenset[str]


def dotted(node: ast.AST) -> str:
    """The dotted name of a callee or base as written (``torch.nn.Module``, ``Trainer().train``)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return dotted(node.func) + "()"
    if isinstance(node, ast.Subscript):
        return dotted(node.value)
    return "?"


def _parse(text: str) -> ast.Module | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SyntaxWarning for odd escapes in scanned code
        try:
            return ast.parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            pass
        # A head cut short: keep the complete top-level statements (up to the last line that
        # starts at column 0 with a statement keyword or name).
        lines = text.splitlines(keepends=True)
        for end in range(len(lines) - 1, 0, -1):
            if lines[end][:1].isalpha() or lines[end].startswith("@"):
                try:
                    return ast.parse("".join(lines[:end]))
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    return None
    return None


def _calls_in(node: ast.AST, out: set[str]) -> None:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call):
            out.add(dotted(sub.func).lower())


def _is_main_test(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and _MAIN_TEST.search(ast.unparse(node.test)) is not None


def python_facts(text: str) -> PythonFacts | None:
    """The structural facts of Python source ``text``; None when it is too long or does not parse."""
    if len(text) > PYTHON_MAX_CHARS:
        return None
    tree = _parse(text)
    if tree is None:
        return None
    direct: dict[str, set[str]] = {}
    calls: set[str] = set()
    loop_calls: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            direct.setdefault(node.name.lower(), set()).update(dotted(b).lower() for b in node.bases)
        elif isinstance(node, ast.Call):
            calls.add(dotted(node.func).lower())
        elif isinstance(node, _LOOPS):
            _calls_in(node, loop_calls)
    bases: set[str] = set()
    for name in direct:
        seen, stack = {name}, [name]
        while stack:
            for base in direct.get(stack.pop(), ()):
                bases.add(base)
                if base in direct and base not in seen:
                    seen.add(base)
                    stack.append(base)
    functions = {n.name.lower(): n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    main_calls: set[str] = set()
    for node in tree.body:
        if _is_main_test(node):
            for stmt in node.body:
                _calls_in(stmt, main_calls)
    for name in [c for c in main_calls if c in functions]:
        _calls_in(functions[name], main_calls)
    return PythonFacts(bases=frozenset(bases), calls=frozenset(calls), loop_calls=frozenset(loop_calls),
                       main_calls=frozenset(main_calls))


@lru_cache(maxsize=1024)
def _glob(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


def _first(names: frozenset[str], patterns: tuple[str, ...]) -> str | None:
    if not patterns:
        return None
    matcher = _glob(patterns)
    return min((n for n in names if matcher.match(n)), default=None)


def check(condition: PythonCondition, facts: PythonFacts) -> list[str] | None:
    """The evidence for each part of ``condition`` that ``facts`` satisfy; None when one fails."""
    evidence = []
    for label, patterns, names in (("class base", condition.bases, facts.bases),
                                   ("call in a loop", condition.loop_calls, facts.loop_calls),
                                   ("call", condition.calls, facts.calls),
                                   ("call under __main__", condition.main_calls, facts.main_calls)):
        if not patterns:
            continue
        hit = _first(names, patterns)
        if hit is None:
            return None
        evidence.append(f"{label} '{hit}'")
    return evidence


def holds_any(condition: PythonCondition, facts: PythonFacts) -> str | None:
    """The first part of ``condition`` that ``facts`` satisfy (for ``not_python``), else None."""
    for label, patterns, names in (("class base", condition.bases, facts.bases),
                                   ("call in a loop", condition.loop_calls, facts.loop_calls),
                                   ("call", condition.calls, facts.calls),
                                   ("call under __main__", condition.main_calls, facts.main_calls)):
        hit = _first(names, patterns)
        if hit is not None:
            return f"{label} '{hit}'"
    return None
