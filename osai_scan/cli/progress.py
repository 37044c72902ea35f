"""The progress bar on standard error: files done and the current phase (tqdm, TTY only)."""

from __future__ import annotations

import sys
from typing import Any


class ProgressBar:
    """A ``progress(phase, done, total)`` callback that drives one tqdm bar.

    tqdm's monitor thread is turned off: scans fork worker processes, and forking a process
    that runs extra threads is unsafe.
    """

    def __init__(self) -> None:
        from tqdm import tqdm

        tqdm.monitor_interval = 0
        self._tqdm = tqdm
        self._bar: Any = None
        self._phase: str | None = None

    @staticmethod
    def wanted(quiet: bool) -> bool:
        """True when a bar should be shown: not quiet, and standard error is a terminal."""
        return not quiet and sys.stderr.isatty()

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self._bar is None:
            self._bar = self._tqdm(total=total or None, file=sys.stderr, unit="file", leave=False,
                                   dynamic_ncols=True, mininterval=0.2)
        if phase != self._phase:
            self._phase = phase
            self._bar.set_description(phase, refresh=False)
            self._bar.reset(total=total or None)
            self._bar.total = total or None  # reset() keeps the previous total when given None
        if done > self._bar.n:
            self._bar.update(done - self._bar.n)
        if done == total:  # a phase's last step is always shown, however fast it came
            self._bar.refresh()

    def close(self) -> None:
        """Remove the bar from the terminal."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
