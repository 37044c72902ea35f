"""The JSON report: ``models.to_dict`` with sorted keys, deterministic output."""

from __future__ import annotations

import json

from ..models import Report, to_dict


def report_dict(report: Report) -> dict[str, object]:
    """The report as JSON-ready data."""
    return to_dict(report)


def render_json(report: Report) -> str:
    """The report as indented JSON text, keys sorted."""
    return json.dumps(report_dict(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
