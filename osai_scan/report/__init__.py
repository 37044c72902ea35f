"""Stage 7, report: one module per format. JSON is the source of truth; the others are views.

A format only reads the ``Report`` it is given: it never computes a conclusion or reads a
file. A new format is a module here with a ``render_<format>(report) -> str`` function, named in
``_RENDERER_PATHS`` and given a conventional file name in ``FILENAMES``. A format's module is
imported the first time it is used (``RENDERERS[name]``, or ``from osai_scan.report import
render_<format>``): a scan that writes JSON imports no other format, and formats that need a
heavy library (spdx-tools, spdx-python-model, cyclonedx-python-lib) import it only when they
render. ``load_report`` turns a saved JSON report back into the ``Report``.

Takes in: a ``Report``. Hands on: its text in one format (``RENDERERS[name](report)``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from typing import Any

from ..models import Report
from .json import render_json
from .load import ReportLoadError, load_report, report_from_data

#: format name → (module of this package, its renderer)
_RENDERER_PATHS: dict[str, tuple[str, str]] = {
    "json": ("json", "render_json"),
    "table": ("table", "render_table"),
    "markdown": ("markdown", "render_markdown"),
    "sarif": ("sarif", "render_sarif"),
    "cyclonedx-json": ("cyclonedx", "render_cyclonedx"),
    "spdx-json": ("spdx", "render_spdx"),
    "spdx3-json": ("spdx3", "render_spdx3"),
    "html": ("html", "render_html"),
    "mot-yaml": ("mot", "render_mot"),
}

#: format name → the file name ``--output-dir`` writes it to
FILENAMES: dict[str, str] = {
    "json": "report.json",
    "table": "report.txt",
    "markdown": "report.md",
    "sarif": "report.sarif",
    "cyclonedx-json": "report.cdx.json",
    "spdx-json": "report.spdx.json",
    "spdx3-json": "report.spdx3.json",
    "html": "report.html",
    "mot-yaml": "report.mot.yml",
}


class _Renderers(Mapping[str, Callable[[Report], str]]):
    """Format name → renderer; a format's module is imported when its renderer is first looked up."""

    def __getitem__(self, name: str) -> Callable[[Report], str]:
        module, function = _RENDERER_PATHS[name]
        renderer: Callable[[Report], str] = getattr(import_module(f".{module}", __name__), function)
        return renderer

    def __iter__(self) -> Iterator[str]:
        return iter(_RENDERER_PATHS)

    def __len__(self) -> int:
        return len(_RENDERER_PATHS)


#: format name → renderer
RENDERERS: Mapping[str, Callable[[Report], str]] = _Renderers()
_LAZY = {function: module for module, function in _RENDERER_PATHS.values()}


def __getattr__(name: str) -> Any:
    """``render_<format>`` names, imported on first use."""
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FILENAMES", "RENDERERS", "ReportLoadError", "load_report", "render_cyclonedx", "render_html", "render_json",
           "render_markdown", "render_mot", "render_sarif", "render_spdx", "render_spdx3", "render_table",
           "report_from_data"]
