"""SPDX ids and ScanCode keys: one license, two names, and expressions written with either.

Mapping comes from license-expression's copy of the ScanCode LicenseDB index and ScanCode's
own license files (``ruleset.scancode_db``); no ScanCode index is loaded.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from license_expression import ExpressionError, Licensing

from ..ruleset.scancode_db import SYMBOL as _SYMBOL
from ..ruleset.scancode_db import scancode_license_info

#: The operators of a license expression (lowercase).
OPERATORS = frozenset({"and", "or", "with"})


@lru_cache(maxsize=1)
def _spdx_to_key() -> dict[str, str]:
    """SPDX id (lowercase) → ScanCode key, from license-expression's copy of the LicenseDB index."""
    import license_expression

    index = Path(license_expression.__file__).parent / "data" / "scancode-licensedb-index.json"
    mapping: dict[str, str] = {}
    for entry in json.loads(index.read_text(encoding="utf-8")):
        if entry.get("is_deprecated"):
            continue
        for spdx in [entry.get("spdx_license_key")] + list(entry.get("other_spdx_license_keys") or []):
            if spdx:
                mapping.setdefault(spdx.lower(), entry["license_key"])
    return mapping


def spdx_of_key(key: str) -> str:
    """The SPDX id of a ScanCode key (``LicenseRef-scancode-<key>`` when it has none)."""
    info = scancode_license_info(key)
    spdx = info.get("spdx_license_key") if info else None
    return str(spdx) if spdx else f"LicenseRef-scancode-{key}"


def key_of_spdx(spdx: str) -> str | None:
    """The ScanCode key for an SPDX id (or a ``LicenseRef-scancode-<key>``), None if unknown."""
    spdx = spdx.strip()
    if spdx.lower().startswith("licenseref-scancode-"):
        key = spdx[len("LicenseRef-scancode-"):].lower()
        return key if scancode_license_info(key) else None
    key = _spdx_to_key().get(spdx.lower())
    if key:
        return key
    return spdx.lower() if scancode_license_info(spdx.lower()) else None


def expression_to_spdx(expression: str | None) -> str | None:
    """Render a ScanCode key expression with SPDX ids."""
    if not expression:
        return None
    return _SYMBOL.sub(lambda m: m.group(0) if m.group(0).lower() in OPERATORS else spdx_of_key(m.group(0)),
                       expression)


#: ScanCode's key for an SPDX id it does not know (an SPDX-License-Identifier naming no license).
UNKNOWN_SPDX = "unknown-spdx"


def spdx_to_expression(spdx: str, resolve_ref: Callable[[str], str | None] | None = None
                       ) -> tuple[str | None, tuple[str, ...]]:
    """Convert an SPDX license expression (REUSE annotations) to a ScanCode key expression.

    Args:
        spdx: the SPDX expression, e.g. ``Apache-2.0 OR MIT``.
        resolve_ref: maps an id ScanCode does not know (a ``LicenseRef-...``) to an expression,
            e.g. the license detected in ``LICENSES/<id>.txt``; None when it cannot.

    Returns:
        (the expression, or None when the syntax is invalid; the ids that could not be
        resolved, which become ``unknown-spdx`` in the expression).
    """
    try:
        if Licensing().parse(spdx) is None:
            return None, ()
    except ExpressionError:
        return None, ()
    unresolved: list[str] = []

    def key(match: re.Match[str]) -> str:
        token = match.group(0)
        if token.lower() in OPERATORS:
            return token.upper()
        found = key_of_spdx(token) or (resolve_ref(token) if resolve_ref else None)
        if not found:
            unresolved.append(token)
            return UNKNOWN_SPDX
        return f"({found})" if " " in found else found

    return _SYMBOL.sub(key, spdx), tuple(unresolved)


_LICENSING = Licensing()


@lru_cache(maxsize=4096)
def _and_terms(expression: str) -> tuple[str, ...]:
    """The terms an expression ANDs together, nested ANDs flattened (``a AND (a AND b)`` → a, b);
    a choice (OR) stays one term, in parentheses. An expression that does not parse is one term."""
    try:
        parsed = _LICENSING.parse(expression)
    except (ExpressionError, TypeError, ValueError):
        return (f"({expression})" if " " in expression else expression,)
    if parsed is None:
        return ()
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, _LICENSING.AND):
            for arg in node.args:
                walk(arg)
        elif isinstance(node, _LICENSING.OR):
            out.append(f"({node.render('{symbol.key}')})")
        else:
            out.append(node.render("{symbol.key}"))  # type: ignore[attr-defined]

    walk(parsed)
    return tuple(out)


def and_expressions(expressions: Iterable[str]) -> str:
    """The AND of expressions, each term once (nested ANDs flattened, choices kept whole and in
    parentheses), in the order they come."""
    return " AND ".join(dict.fromkeys(term for e in expressions for term in _and_terms(e)))


def expression_keys(expression: str) -> tuple[str, ...]:
    """The license keys of an expression (exceptions included), sorted."""
    return tuple(sorted({m.group(0) for m in _SYMBOL.finditer(expression) if m.group(0).lower() not in OPERATORS}))


__all__ = ["OPERATORS", "UNKNOWN_SPDX", "and_expressions", "expression_keys", "expression_to_spdx", "key_of_spdx", "spdx_of_key", "spdx_to_expression"]
