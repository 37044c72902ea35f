"""Run a command and measure its wall time and the peak memory of its whole process tree.

Memory is sampled every ``interval`` seconds: the sum over the process and all its
descendants of PSS (proportional set size, from ``/proc/<pid>/smaps_rollup``: shared pages are
split between the processes that share them, so forked workers sharing ScanCode's index are
not counted twice) and, for reference, of RSS (which counts shared pages once per process).
Linux only; elsewhere memory is reported as None.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_PROC = Path("/proc")


@dataclass(frozen=True)
class Measurement:
    """One run of a command."""

    argv: tuple[str, ...]
    returncode: int
    wall: float
    peak_pss: int | None
    peak_rss: int | None
    peak_processes: int
    stderr: str


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in _PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def _tree(pid: int) -> list[int]:
    children = _children_map()
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(children.get(current, ()))
    return out


def _memory(pid: int) -> tuple[int, int, int]:
    pss = rss = 0
    pids = _tree(pid)
    for p in pids:
        try:
            for line in (_PROC / str(p) / "smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1]) * 1024
                elif line.startswith("Rss:"):
                    rss += int(line.split()[1]) * 1024
        except (OSError, ValueError):
            continue
    return pss, rss, len(pids)


def run(argv: list[str], *, env: dict[str, str] | None = None, interval: float = 0.05,
        stdout_path: Path | None = None) -> Measurement:
    """Run ``argv`` to completion; return its wall time and peak memory.

    Args:
        argv: the command.
        env: its environment (this process's when None).
        interval: seconds between memory samples.
        stdout_path: where its standard output goes (discarded when None).
    """
    sample = _PROC.joinpath("self", "smaps_rollup").exists()
    peaks = {"pss": 0, "rss": 0, "n": 0}
    out = stdout_path.open("wb") if stdout_path else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.PIPE)
    done = threading.Event()

    def sampler() -> None:
        while not done.is_set():
            pss, rss, n = _memory(proc.pid)
            peaks["pss"], peaks["rss"], peaks["n"] = max(peaks["pss"], pss), max(peaks["rss"], rss), max(peaks["n"], n)
            done.wait(interval)

    thread = threading.Thread(target=sampler, daemon=True)
    if sample:
        thread.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    if sample:
        thread.join()
    if stdout_path:
        out.close()  # type: ignore[union-attr]
    return Measurement(argv=tuple(argv), returncode=proc.returncode, wall=wall,
                       peak_pss=peaks["pss"] if sample else None, peak_rss=peaks["rss"] if sample else None,
                       peak_processes=peaks["n"], stderr=err.decode("utf-8", "replace"))


def machine() -> dict[str, object]:
    """Cores, memory and load of this machine, for the record."""
    info: dict[str, object] = {"cpus": os.cpu_count()}
    try:
        info["usable_cpus"] = len(os.sched_getaffinity(0))
    except AttributeError:
        pass
    try:
        for line in (_PROC / "meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory_bytes"] = int(line.split()[1]) * 1024
        info["cpu_model"] = next((line.split(":", 1)[1].strip() for line in
                                  (_PROC / "cpuinfo").read_text().splitlines() if line.startswith("model name")), None)
        info["load_average_at_start"] = os.getloadavg()
    except OSError:
        pass
    return info
