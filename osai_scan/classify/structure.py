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
from functools import lru_cache

from ..ruleset import PythonCondition

#: Source longer than this (characters) is not parsed: its conditions fail.
PYTHON_MAX_CHARS = 1024 * 1024
_MAIN_TEST = re.compile(r"""__name__\s*==\s*['"]__main__['"]|['"]__main__['"]\s*==\s*__name__""")
_LOOPS = (ast.For, ast.AsyncFor, ast.While)


class PythonFacts:
    """Names found in one Python file (lowercased dotted names), each set computed when first asked.

    Attributes:
        bases: the bases of its classes, each class also inheriting the bases of the classes
            of the same file it derives from (read from the class statements only).
        calls: every call's callee.
        loop_calls: callees of calls inside a ``for``/``while`` loop.
        main_calls: callees of calls in the ``__main__`` block and in the functions of the
            file that block calls by name.
    """

    def __init__(self, tree: ast.Module) -> None:
        self._tree = tree
        self._bases: frozenset[str] | None = None
        self._calls: tuple[frozenset[str], frozenset[str]] | None = None
        self._main: frozenset[str] | None = None

    @property
    def bases(self) -> frozenset[str]:
        if self._bases is None:
            direct: dict[str, set[str]] = {}
            stack: list[ast.AST] = list(self._tree.body)
            while stack:  # class statements, also inside if/try/class bodies (not inside functions)
                node = stack.pop()
                if isinstance(node, ast.ClassDef):
                    direct.setdefault(node.name.lower(), set()).update(dotted(b).lower() for b in node.bases)
                    stack.extend(node.body)
                elif isinstance(node, (ast.If, ast.Try, ast.With)):
                    stack.extend(node.body)
                    stack.extend(getattr(node, "orelse", ()))
                    for handler in getattr(node, "handlers", ()):
                        stack.extend(handler.body)
            bases: set[str] = set()
            for name in direct:
                seen, todo = {name}, [name]
                while todo:
                    for base in direct.get(todo.pop(), ()):
                        bases.add(base)
                        if base in direct and base not in seen:
                            seen.add(base)
                            todo.append(base)
            self._bases = frozenset(bases)
        return self._bases

    def _scan_calls(self) -> tuple[frozenset[str], frozenset[str]]:
        if self._calls is None:
            calls: set[str] = set()
            loop_calls: set[str] = set()
            _scan(self._tree, calls, loop_calls)
            self._calls = frozenset(calls), frozenset(loop_calls)
        return self._calls

    @property
    def calls(self) -> frozenset[str]:
        return self._scan_calls()[0]

    @property
    def loop_calls(self) -> frozenset[str]:
        return self._scan_calls()[1]

    @property
    def main_calls(self) -> frozenset[str]:
        if self._main is None:
            tree = self._tree
            functions = {n.name.lower(): n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
            main_calls: set[str] = set()
            for node in tree.body:
                if _is_main_test(node):
                    for stmt in node.body:  # type: ignore[attr-defined]
                        _calls_in(stmt, main_calls)
            for name in [c for c in main_calls if c in functions]:
                _calls_in(functions[name], main_calls)
            self._main = frozenset(main_calls)
        return self._main


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


def _scan(tree: ast.Module, calls: set[str], loop_calls: set[str]) -> None:
    """One pass over the tree: every call, and the calls inside loops."""
    stack: list[tuple[ast.AST, bool]] = [(tree, False)]
    while stack:
        node, in_loop = stack.pop()
        kind = type(node)
        if kind is ast.Call:
            name = dotted(node.func).lower()  # type: ignore[attr-defined]
            calls.add(name)
            if in_loop:
                loop_calls.add(name)
        child_in_loop = in_loop or kind in _LOOPS
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                stack.extend((item, child_in_loop) for item in value if isinstance(item, ast.AST))
            elif isinstance(value, ast.AST):
                stack.append((value, child_in_loop))


def _is_main_test(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and _MAIN_TEST.search(ast.unparse(node.test)) is not None


def python_facts(text: str) -> PythonFacts | None:
    """The structural facts of Python source ``text``; None when it is too long or does not parse."""
    if len(text) > PYTHON_MAX_CHARS:
        return None
    tree = _parse(text)
    if tree is None:
        return None
    return PythonFacts(tree)


@lru_cache(maxsize=1024)
def _glob(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns))


def _first(names: frozenset[str], patterns: tuple[str, ...]) -> str | None:
    if not patterns:
        return None
    matcher = _glob(patterns)
    return min((n for n in names if matcher.match(n)), default=None)


_PARTS = (("class base", "bases"), ("call in a loop", "loop_calls"), ("call", "calls"),
          ("call under __main__", "main_calls"))


def check(condition: PythonCondition, facts: PythonFacts) -> list[str] | None:
    """The evidence for each part of ``condition`` that ``facts`` satisfy; None when one fails."""
    evidence = []
    for label, field in _PARTS:
        patterns = getattr(condition, field)
        if not patterns:
            continue
        hit = _first(getattr(facts, field), patterns)
        if hit is None:
            return None
        evidence.append(f"{label} '{hit}'")
    return evidence


def holds_any(condition: PythonCondition, facts: PythonFacts) -> str | None:
    """The first part of ``condition`` that ``facts`` satisfy (for ``not_python``), else None."""
    for label, field in _PARTS:
        patterns = getattr(condition, field)
        if patterns:
            hit = _first(getattr(facts, field), patterns)
            if hit is not None:
                return f"{label} '{hit}'"
    return None
