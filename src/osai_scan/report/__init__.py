"""Report formats. JSON is the source of truth; the others are views of the same Report."""

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
