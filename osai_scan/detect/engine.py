"""ScanCode's license matching in this process, with a per-file time budget.

ScanCode is imported and its license index loaded only when a file really needs matching
(a cache miss): a re-scan answered from the cache never imports it. Each call gets a soft
deadline, which ScanCode checks between its matching steps and inside approximate matching,
and, where signals are usable (the main thread of a process), a hard limit enforced with
``SIGALRM`` in case ScanCode does not reach a checkpoint in time. A result obtained after
either limit is flagged ``partial``.
"""

from __future__ import annotations

import atexit
import gc
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

from ..constants import DETECT_DEADLINE_SECONDS
from ..errors import DetectorError

#: The hard limit is this many times the per-file budget (the soft deadline is the budget itself).
HARD_LIMIT_FACTOR = 2.0

#: A short text that exercises every matcher once, so lazily built structures exist before forking.
_WARM_UP_TEXT = ("SPDX-License-Identifier: MIT\nLicensed under the Apache License, Version 2.0\n"
                 "Permission is hereby granted, free of charge, to any person obtaining a copy\n")


class HardTimeout(Exception):
    """Raised inside ScanCode by the SIGALRM handler when a file overruns its hard limit."""


@dataclass(frozen=True, slots=True)
class EngineResult:
    """One ScanCode call's outcome.

    Attributes:
        data: ``scancode.api.get_licenses`` output (empty when the hard limit stopped the call).
        partial: the soft deadline passed or the hard limit stopped the call, so matches may be
            missing.
        stopped: the hard limit interrupted the call (``data`` is empty).
        seconds: wall time of the call.
    """

    data: dict[str, Any]
    partial: bool
    stopped: bool
    seconds: float


def _on_alarm(signum: int, frame: object) -> None:
    raise HardTimeout()


class ScancodeEngine:
    """ScanCode's license detection, in this process. The index loads on first use.

    Args:
        get_licenses: the detection function (``scancode.api.get_licenses`` when None);
            tests pass their own to exercise the time limits.
    """

    def __init__(self, get_licenses: Callable[..., dict[str, Any]] | None = None) -> None:
        self._get_licenses = get_licenses
        self._injected = get_licenses is not None
        self._kinds: dict[str, str] = {}
        self._warm = False
        self.load_seconds = 0.0

    @property
    def loaded(self) -> bool:
        """True once the license index is in memory (or a function was injected)."""
        return self._get_licenses is not None

    def load(self, *, warm_up: bool = True) -> None:
        """Import ScanCode, load its license index and, with ``warm_up``, warm it up (about 4 s and 1 GB).

        The index is unpickled with the garbage collector off and then frozen (``gc.freeze``):
        its millions of objects hold no garbage, and a collector tracking them while they are
        created, and at every later full collection, costs a third of the load and slows the
        matching. An exact match of a short text then builds what every first match needs. The
        approximate warm-up (``warm_up``) builds what approximate matching builds at its first
        use; it pays only before forking workers (they then share it) or in a process that will
        scan many targets, so a scan in one process skips it (its first approximate match does
        the same work).

        Raises:
            DetectorError: ScanCode is not installed or fails to load.
        """
        if self._get_licenses is None:
            start = time.perf_counter()
            try:
                from licensedcode.cache import get_index
                from scancode.api import get_licenses
            except ImportError as exc:  # pragma: no cover - ScanCode is a hard dependency
                raise DetectorError(f"ScanCode is not installed ({exc}).",
                                    hint="Reinstall osai-scan: pip install osai-scan.") from None
            collecting = gc.isenabled()
            gc.disable()
            try:
                index = get_index()
                self._kinds = {rule.identifier: _kind_of(rule) for rule in index.rules_by_rid}
            finally:
                gc.freeze()
                if collecting:
                    gc.enable()
            # an exact match imports and builds what every first match needs (the expression
            # tokenizer, packagedcode), so that no file's time budget pays for it
            get_licenses(location=None, query_string=_WARM_UP_TEXT, approximate=False)
            self._get_licenses = get_licenses
            self.load_seconds = time.perf_counter() - start
        if warm_up:
            self.warm_up()

    def warm_up(self) -> None:
        """Run one approximate match so that ScanCode builds its lazy structures now (once per process)."""
        if self._warm or self._injected or self._get_licenses is None:
            return
        start = time.perf_counter()
        self._get_licenses(location=None, query_string=_WARM_UP_TEXT, approximate=True)
        self._warm = True
        self.load_seconds += time.perf_counter() - start

    def rule_kind(self, identifier: str, matcher: str = "") -> str:
        """The kind of the ScanCode rule ``identifier``: ``text``, ``notice``, ``tag``,
        ``reference``, ``intro``, ``clue``, ``spdx-id`` (an SPDX-License-Identifier line, whose
        rules are synthetic) or ``unknown``."""
        if matcher == "1-spdx-id":
            return "spdx-id"
        return self._kinds.get(identifier, "unknown")

    def license_names(self, key: str) -> tuple[str, ...] | None:
        """The names ScanCode knows license ``key`` by (short name, name, SPDX ids), or None for
        a generic or unknown license, an unknown key, or an injected detection function."""
        if self._injected or self._get_licenses is None:
            return None
        from licensedcode.cache import get_licenses_db

        found = get_licenses_db().get(key)
        if found is None or found.is_generic or found.is_unknown:
            return None
        return tuple(n for n in (found.short_name, found.name, found.spdx_license_key, *found.other_spdx_license_keys)
                     if n)

    def prepare_fork(self) -> None:
        """Move every object alive now out of the garbage collector's reach before forking.

        Forked workers then share the index pages with the parent instead of copying them when
        the collector touches object headers (about 285 MB private per worker without this,
        133 MB with it).
        """
        gc.collect()
        gc.freeze()

    def legalese(self) -> tuple[dict[str, int], int]:
        """ScanCode's token dictionary and the number of ids that are license words (legalese).

        Raises:
            DetectorError: ScanCode is not installed or fails to load.
        """
        self.load(warm_up=False)
        if self._injected:
            return {}, 0
        from licensedcode.cache import get_index

        index = get_index()
        return index.dictionary, index.len_legalese

    def detect(self, *, location: str | None, text: str | None, approximate: bool,
               budget: float = DETECT_DEADLINE_SECONDS, started: float | None = None,
               diagnostics: bool = False) -> EngineResult:
        """Run ScanCode on a file (``location``) or on extracted text, within a time budget.

        Args:
            location: a file on disk, or None when ``text`` is given.
            text: the text to match, or None when ``location`` is given.
            approximate: use ScanCode's approximate (sequence) matching after exact matching.
            budget: seconds allowed for this file, counted from ``started``.
            started: ``time.monotonic()`` when work on the file began (now when None), so that
                several passes over one file share one budget.
            diagnostics: ask ScanCode for each detection's ``detection_log``.

        Returns:
            The result, flagged partial when a limit was reached.

        Raises:
            DetectorError: ScanCode is not installed or fails to load.
        """
        self.load(warm_up=False)
        assert self._get_licenses is not None
        begin = time.monotonic()
        started = begin if started is None else started
        left = max(budget - (begin - started), 0.0)
        deadline = time.time() + left  # ScanCode's deadline is an absolute time.time() value
        alarm = _can_alarm()
        previous = None
        if alarm:
            previous = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.0) + budget * (HARD_LIMIT_FACTOR - 1.0) + 1e-3)
        try:
            data = self._get_licenses(location=location, query_string=text, approximate=approximate,
                                      unknown_licenses=False, deadline=deadline, license_diagnostics=diagnostics)
            stopped = False
        except HardTimeout:
            data, stopped = {}, True
        finally:
            if alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        seconds = time.monotonic() - begin
        partial = stopped or time.time() > deadline
        return EngineResult(data=data, partial=partial, stopped=stopped, seconds=seconds)


_RULE_KINDS = ("text", "notice", "tag", "reference", "intro", "clue")


def _kind_of(rule: Any) -> str:
    return next((k for k in _RULE_KINDS if getattr(rule, f"is_license_{k}", False)), "unknown")


def remove_scancode_temp_dir() -> None:
    """Remove the empty ``scancode-tk-*`` folder ScanCode makes in the temp dir when imported.

    ``scancode_config`` creates one per process at import time and only ScanCode's own command
    line removes it; osai-scan calls this at exit (``atexit`` and before ``os._exit``). A folder
    that holds anything is left alone.
    """
    config = sys.modules.get("scancode_config")
    folder = getattr(config, "scancode_temp_dir", None)
    if folder:
        try:
            os.rmdir(folder)
        except OSError:
            pass  # already gone, or not empty (then not ours to delete)


atexit.register(remove_scancode_temp_dir)


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


__all__ = ["EngineResult", "HardTimeout", "ScancodeEngine", "remove_scancode_temp_dir"]
