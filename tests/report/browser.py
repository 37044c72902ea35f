"""Debian's chromium, headless, for the HTML check (the Makefile's test target installs it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> str:
    """The chromium binary; fails the test with the way to install it when it is missing."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    assert binary, "chromium is not installed: run `make test` (it installs Debian's chromium with apt-get)"
    return binary


def run_chromium(page: Path, profile: Path, *args: str, timeout: float = 120) -> str:
    """Load ``page`` in a fresh headless chromium profile; return its standard output."""
    result = subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                            capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def dump_dom(page: Path, profile: Path) -> str:
    """The page's DOM after chromium loaded it (``--dump-dom``)."""
    return run_chromium(page, profile, "--dump-dom")


def screenshot(page: Path, profile: Path, out: Path, size: str = "1200,1400") -> None:
    """Save a PNG of ``page`` as chromium renders it."""
    run_chromium(page, profile, f"--screenshot={out}", f"--window-size={size}", "--hide-scrollbars")
    assert out.is_file() and out.stat().st_size > 0
