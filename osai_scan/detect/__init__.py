"""Stage 4, detect: what each file's own content says about licenses, found by ScanCode.

``detector`` decides how to look at a file (text read whole, notebook source, weight header
only, skipped) and looks, exact matching first; ``unclear`` is the rule that escalates an
exact-only result to approximate matching; ``engine`` runs ScanCode in this process with a
per-file time budget (the index is loaded once, on first use); ``headers`` parses safetensors
and GGUF headers with bounded reads; ``workers`` detects a whole inventory (the cache first,
then ScanCode in-process or in forked workers); ``cache`` keeps detections in sqlite, keyed by
content id, ScanCode version and rules digest.

Takes in: the inventory, the classifications and a reader of the source. Hands on: one
``Detection`` per file (matches with rule id, score and lines; header metadata; status).

Nothing here imports ScanCode at module load: a re-scan answered from the cache never loads it.
"""

from __future__ import annotations

from .cache import CacheContext, DetectionCache
from .detector import Detector, Task
from .engine import ScancodeEngine
from .headers import HeaderError, read_gguf_header, read_safetensors_header
from .workers import ScanStats, default_jobs, detect_files

__all__ = ["CacheContext", "DetectionCache", "Detector", "HeaderError", "ScanStats", "ScancodeEngine", "Task",
           "default_jobs", "detect_files", "read_gguf_header", "read_safetensors_header"]
