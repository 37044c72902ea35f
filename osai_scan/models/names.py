"""File names that text cannot carry as they are: the escaped form and the exact bytes.

A POSIX file name is bytes. One that is not valid UTF-8 reaches Python as a ``str`` holding
``surrogateescape`` code points (byte ``0xff`` is ``"\\udcff"``), which no UTF-8 writer accepts;
one holding a newline or a tab breaks every line-oriented format. ``lossless_names`` rewrites a
finished ``Report`` so that every string in it is valid UTF-8 and no file name spans lines:

- the **escaped form** of a name replaces each byte that is not UTF-8 by ``\\xNN`` (Python's
  ``backslashreplace`` of the raw bytes), each control character by ``\\n``, ``\\t``, ``\\r``
  or ``\\xNN`` and a backslash by ``\\\\``; other lone surrogates (a Hub listing can send them)
  become ``\\uXXXX``. Escaping a backslash too keeps two names from ever sharing a form (a
  literal ``\\xff.py`` is ``\\\\xff.py``);
- the file's ``path_base64`` holds its exact bytes (standard base64), so the name is never lost.
  A file without ``path_base64`` is named exactly by its ``path``.

The escaped form is applied to every string of the report that holds such a name (finding
messages, reasons, examples) and to stray surrogates anywhere else, so all formats agree.
"""

from __future__ import annotations

import base64
import dataclasses
import re
from enum import Enum
from typing import Any, TypeVar

_T = TypeVar("_T")

#: Characters that need the escaped form: lone surrogates, C0/DEL/C1 control characters, and the
#: backslash itself (so that the escaped form reads back one way only).
_NEEDS_ESCAPE = re.compile("[\ud800-\udfff\x00-\x1f\x7f-\x9f\\\\]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\\": "\\\\"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    if 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"
    return _NAMED.get(char, f"\\x{code:02x}")


def escaped_name(name: str) -> str:
    """The escaped form of a file name (itself when it needs none)."""
    return _NEEDS_ESCAPE.sub(_escape_char, name)


def escape_surrogates(text: str) -> str:
    """``text`` with every lone surrogate in the escaped form (``\\xNN`` for a surrogate-escaped byte)."""
    return _SURROGATE.sub(_escape_char, text)


def name_bytes(name: str) -> bytes:
    """The exact bytes of a file name as the file system (or the Hub listing) gave it."""
    try:
        return name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate outside U+DC80..U+DCFF: only a JSON listing can send one
        return name.encode("utf-8", "surrogatepass")


def needs_escape(name: str) -> bool:
    """True when a name is not valid UTF-8, or holds a control character or a backslash."""
    return _NEEDS_ESCAPE.search(name) is not None


def name_base64(name: str) -> str:
    """The exact bytes of a file name in standard base64."""
    return base64.b64encode(name_bytes(name)).decode("ascii")


def name_from_base64(data: str) -> str:
    """The file name (surrogate-escaped ``str``) of a ``path_base64`` value.

    Raises:
        ValueError: not base64.
    """
    return base64.b64decode(data, validate=True).decode("utf-8", "surrogateescape")


class _Rewriter:
    """Replaces every raw name by its escaped form inside strings, and stray surrogates anywhere."""

    def __init__(self, names: list[str]) -> None:
        self._names = sorted(names, key=len, reverse=True)  # the longest first: a name may hold another
        self._pattern = re.compile("|".join(re.escape(n) for n in self._names)) if names else None

    def text(self, value: str) -> str:
        if self._pattern is not None:
            value = self._pattern.sub(lambda m: escaped_name(m.group()), value)
        return _SURROGATE.sub(_escape_char, value)

    def value(self, value: Any) -> Any:
        if isinstance(value, Enum):
            return value
        if isinstance(value, str):
            return self.text(value) if (self._pattern is not None or _SURROGATE.search(value)) else value
        if isinstance(value, tuple):
            items = tuple(self.value(v) for v in value)
            return value if all(a is b for a, b in zip(items, value)) else items
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {}
            for f in dataclasses.fields(value):
                old = getattr(value, f.name)
                new = self.value(old)
                if new is not old:
                    changes[f.name] = new
            if "path" in changes and getattr(value, "path_base64", "") is None:
                changes["path_base64"] = name_base64(value.path)  # type: ignore[attr-defined]
            return dataclasses.replace(value, **changes) if changes else value
        return value


def _strings_need_rewrite(value: Any) -> bool:
    if isinstance(value, Enum):
        return False
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, tuple):
        return any(_strings_need_rewrite(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(_strings_need_rewrite(getattr(value, f.name)) for f in dataclasses.fields(value))
    return False


def lossless_names(report: _T) -> _T:
    """``report`` with every file name in its escaped form (and ``path_base64`` set where it differs).

    Returns the same object when no name needs it and no string holds a surrogate (the usual case).
    """
    files = getattr(report, "files", ())
    names = [f.path for f in files if needs_escape(f.path)]
    if not names and not _strings_need_rewrite(report):
        return report
    return _Rewriter(names).value(report)  # type: ignore[no-any-return]


__all__ = ["escape_surrogates", "escaped_name", "lossless_names", "name_base64", "name_bytes", "name_from_base64", "needs_escape"]
