"""osai-scan: is this AI system Open Source AI, and what is the evidence?"""

from __future__ import annotations

from .models import Report, VerdictStatus
from .pipeline import ScanOptions, scan

__all__ = ["Report", "ScanOptions", "VerdictStatus", "scan"]
