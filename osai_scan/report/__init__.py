"""Stage 7, report: one module per format. JSON is the source of truth; the others are views.

A format only reads the ``Report`` it is given: it never computes a conclusion or reads a
file. A new format is a module here with a ``render_<format>(report) -> str`` function, added
to ``RENDERERS`` and given a conventional file name in ``FILENAMES``. Formats that need a
heavy library (spdx-tools, spdx-python-model, cyclonedx-python-lib) import it when they render, not at import.
``load_report`` turns a saved JSON report back into the ``Report``.

Takes in: a ``Report``. Hands on: its text in one format (``RENDERERS[name](report)``).
"""

from __future__ import annotations

from typing import Callable

from ..models import Report
from .json import render_json
from .markdown import render_markdown
from .sarif import render_sarif
from .cyclonedx import render_cyclonedx
from .spdx import render_spdx
from .spdx3 import render_spdx3
from .html import render_html
from .mot import render_mot
from .load import ReportLoadError, load_report, report_from_data
from .table import render_table

#: format name → renderer
RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": render_json,
    "table": render_table,
    "markdown": render_markdown,
    "sarif": render_sarif,
    "cyclonedx-json": render_cyclonedx,
    "spdx-json": render_spdx,
    "spdx3-json": render_spdx3,
    "html": render_html,
    "mot-yaml": render_mot,
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

__all__ = ["FILENAMES", "RENDERERS", "ReportLoadError", "load_report", "render_cyclonedx", "render_html", "render_json", "render_markdown", "render_mot", "render_sarif", "render_spdx", "render_spdx3", "render_table",
           "report_from_data"]
