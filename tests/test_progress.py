"""The progress bar: on standard error, only on a terminal, never with --quiet."""

from __future__ import annotations

import io
import sys

import pytest

from osai_scan.cli.progress import ProgressBar


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_shows_phase_and_files_done(monkeypatch: pytest.MonkeyPatch) -> None:
    err = _Tty()
    monkeypatch.setattr(sys, "stderr", err)
    assert ProgressBar.wanted(quiet=False) and not ProgressBar.wanted(quiet=True)
    bar = ProgressBar()
    bar("classify", 10, 10)
    bar("detect", 3, 7)
    bar("detect", 7, 7)
    text = err.getvalue()
    assert "classify: 100%" in text and "10/10" in text and "detect: 100%" in text and "7/7" in text
    bar.close()


def test_no_bar_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert not ProgressBar.wanted(quiet=False)
