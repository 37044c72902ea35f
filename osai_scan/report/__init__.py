"""Stage 7, report: one module per format. JSON is the source of truth; the others are views.

A format only reads the ``Report`` it is given: it never computes a conclusion or reads a
file. A new format is a module here with a ``render_<format>(report) -> str`` function, added
to ``RENDERERS``.

Takes in: a ``Report``. Hands on: its text in one format (``RENDERERS[name](report)``).
"""

from __future__ import annotations

from typing import Callable

from ..models import Report
from .json import render_json
from .table import render_table

#: format name → renderer
RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": render_json,
    "table": render_table,
}

__all__ = ["RENDERERS", "render_json", "render_table"]
