"""``scan(targets, options)``: the one place where the stages meet.

``source`` takes one source through the stages up to attribution (``scan_source``) and builds
the report from the facts (``report_of``); ``system`` assembles an AI system from several sources
(``scan TARGET TARGET ...``, ``--follow``); ``classify`` runs the first three stages alone.

Takes in: a target (or an opened ``Source``), or a list of them for one AI system, and
``ScanOptions``. Hands on: the ``Report`` (``scan``), or the labels alone (``classify_target``).
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Sequence

from ..constants import SOURCE_DATE_EPOCH
from ..detect.engine import remove_scancode_temp_dir
from ..detect.workers import ScanStats, default_jobs
from ..models import Report
from ..sources import Source, open_source
from .classify import Explanation, classify_target
from .options import ENGINE as _ENGINE
from .options import ScanOptions, index_load_seconds, index_loaded, preload_index, rules_in_force
from .source import evaluate_profiles, report_of, scan_source
from .system import scan_system


def _generated_at() -> str | None:
    if SOURCE_DATE_EPOCH is None:
        return None
    return datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def scan(target: str | Source | Sequence[str | Source], options: ScanOptions | None = None) -> Report:
    """Scan ``target``: a folder path, ``hf:ORG/NAME[@REV]``, a Hub URL or an opened Source; or a
    list of them, judged as one AI system (every file keeps its source; one verdict per profile).

    Every profile in force is evaluated; ``options.profile`` decides the report's verdict. One
    target without ``options.follow`` (or with nothing to follow) gives the one-source report.
    In a system, a source that cannot be scanned makes the report incomplete and is named in
    ``sources`` and in a ``system.source-failed`` finding.

    Raises:
        TargetNotFoundError: a target does not exist or is not a folder.
        UsageError: a malformed Hub target, conflicting revisions, or no target.
        RuleError: a rules file is invalid or the profile is unknown.
        SourceError: a one-source scan's target cannot be listed; for Hub targets a HubError
            subclass (not found, gated, revision not found, rate limited, unavailable, download cap).
    """
    options = options or ScanOptions()
    stats = options.stats if options.stats is not None else ScanStats()
    start = time.perf_counter()
    rules = rules_in_force(options.rules_dirs)
    profile = rules.profile(options.profile)
    stats.timed("rules", start)
    targets = [target] if isinstance(target, (str, Source)) else list(target)
    if len(targets) != 1 or options.follow:
        return scan_system(targets, options, rules, profile, stats, _generated_at())
    only = targets[0]
    source = open_source(only, options.revision, options.hub, options.hash_weights) if isinstance(only, str) else only
    progress = options.progress or (lambda phase, done, total: None)
    scanned = scan_source(source, rules, options, stats, progress)
    part = scanned.part
    return report_of(part.facts(), part.declared, list(part.findings), rules=rules, profile=profile,
                     target=scanned.target, complete=scanned.complete, transfer=scanned.transfer,
                     generated_at=_generated_at())


__all__ = ["Explanation", "ScanOptions", "ScanStats", "classify_target", "default_jobs", "evaluate_profiles", "index_load_seconds",
           "index_loaded", "preload_index", "remove_scancode_temp_dir", "scan"]
