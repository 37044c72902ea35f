"""Run osai-scan as an unprivileged user (nobody), wherever the checkout is.

Root reads every file, so tests of unreadable input drop to uid/gid 65534 with ``setpriv``. That
user must reach the interpreter, its packages and the project's code: when the checkout sits in
a folder others cannot enter (a clone under ``mktemp -d``, mode 700, or in root's home), the
unprivileged run gets its own readable copy of the virtual environment (hard links where the
file system allows, so it costs seconds, not 800 MB) and of ``osai_scan/`` and ``rules/``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534


def _setpriv() -> list[str]:
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to drop root privileges in this test"
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def _works(python: str, env: dict[str, str]) -> bool:
    home = Path(tempfile.mkdtemp(prefix="osai-probe-home-", dir="/tmp"))
    home.chmod(0o777)  # ScanCode makes its cache folder under $HOME when imported
    try:
        probe = subprocess.run([*_setpriv(), python, "-c", "import osai_scan.cli.main, scancode.api"],
                               capture_output=True, env=dict(env, HOME=str(home)), cwd="/", check=False)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return probe.returncode == 0


def _copy_tree(source: Path, target: Path) -> None:
    """Hard-link copy (``cp -al``), or a plain copy across file systems."""
    if subprocess.run(["cp", "-al", str(source), str(target)], capture_output=True, check=False).returncode != 0:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target, symlinks=True)


@lru_cache(maxsize=1)
def _readable_environment() -> tuple[str, tuple[tuple[str, str], ...]]:
    """(python, extra environment) that user nobody can run osai-scan with."""
    env = dict(os.environ)
    if _works(sys.executable, env):
        return sys.executable, ()
    base = Path(tempfile.mkdtemp(prefix="osai-unprivileged-", dir="/tmp"))
    base.chmod(0o755)
    atexit.register(shutil.rmtree, base, True)  # the copy lives as long as the test session
    venv = base / "venv"
    _copy_tree(Path(sys.prefix), venv)
    src = base / "src"
    src.mkdir()
    for name in ("osai_scan", "rules"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    for folder in [base, src, *src.rglob("*")]:
        folder.chmod(0o755 if folder.is_dir() else 0o644)
    python = str(venv / "bin" / Path(sys.executable).name)
    extra = (("PYTHONPATH", str(src)),)
    if not _works(python, dict(env, PYTHONPATH=str(src))):  # the base interpreter is out of reach too
        interpreter = base / "interpreter"
        _copy_tree(Path(sys.base_prefix), interpreter)
        real = Path(os.path.realpath(sys.executable))
        for link in (venv / "bin").iterdir():
            if link.is_symlink() and Path(os.path.realpath(link)) == real:
                link.unlink()
                link.symlink_to(interpreter / real.relative_to(sys.base_prefix))
        config = venv / "pyvenv.cfg"
        config.write_text(config.read_text(encoding="utf-8").replace(sys.base_prefix, str(interpreter)),
                          encoding="utf-8")
        assert _works(python, dict(env, PYTHONPATH=str(src))), "no interpreter user nobody can run"
    return python, extra


def unprivileged(args: list[str], env: dict[str, str], **kwargs: object) -> subprocess.CompletedProcess:
    """Run ``python -m osai_scan ARGS`` as user nobody (from a readable copy when needed); as any
    other user, run it directly."""
    if os.geteuid() != 0:
        return subprocess.run([sys.executable, "-m", "osai_scan", *args], env=env, capture_output=True, text=True,
                              **kwargs)  # type: ignore[call-overload]
    python, extra = _readable_environment()
    return subprocess.run([*_setpriv(), python, "-m", "osai_scan", *args], env=dict(env, **dict(extra)),
                          capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]
