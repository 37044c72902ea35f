"""Ctrl-C during license matching, and the temp folder a run leaves behind (a real subprocess)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

APACHE_NOTICE = """Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file
except in compliance with the License. You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software distributed under the License
is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or
implied. See the License for the specific language governing permissions and limitations.
"""


def _slow_repo(root: Path, files: int = 48) -> Path:
    """A plain folder (no git subprocess) of notice files, each matched approximately (slow)."""
    root.mkdir(parents=True)
    for i in range(files):
        body = "\n".join(f"Section {i}.{n}: the licensor grants rights; see the notice." for n in range(150))
        (root / f"NOTICE-{i:02d}.md").write_text(f"# Part {i}\n\n{APACHE_NOTICE}\n{body}\n", encoding="utf-8")
    return root


def _scan(repo: Path, tmp_path: Path, *extra: str) -> subprocess.Popen:
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    env = dict(os.environ, TMPDIR=str(temp), OSAI_SCAN_CACHE_DIR=str(tmp_path / "cache"))
    return subprocess.Popen([sys.executable, "-m", "osai_scan", "scan", str(repo), "--no-cache", "-q",
                             "-o", str(tmp_path / "report.json"), *extra],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_matching(proc: subprocess.Popen, workers: bool, timeout: float = 120.0) -> None:
    """Until the scan is matching: its forked workers exist, or (one process) ScanCode's index is in."""
    me = psutil.Process(proc.pid)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        if workers and me.children():
            time.sleep(1.0)  # the workers have taken their first files
            return
        if not workers and me.memory_info().rss > 700 * 1024 * 1024:  # the 1.1 GB license index
            time.sleep(1.5)
            return
        time.sleep(0.1)
    pytest.fail("the scan never started matching")


@pytest.mark.parametrize("jobs", ["2", "1"])
def test_ctrl_c_mid_matching_exits_130_within_a_second_without_traceback(tmp_path: Path, jobs: str) -> None:
    repo = _slow_repo(tmp_path / "repo")
    proc = _scan(repo, tmp_path, "--jobs", jobs)
    _wait_for_matching(proc, workers=jobs != "1")
    children = psutil.Process(proc.pid).children(recursive=True)
    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    elapsed = time.monotonic() - started
    assert proc.returncode == 130, err
    assert elapsed < 1.0, f"took {elapsed:.2f} s to stop"
    assert err.strip() == "osai-scan: interrupted; no report was written.", err
    assert "Traceback" not in err and out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "tmp"]  # no report, no temp file
    assert list((tmp_path / "tmp").iterdir()) == []  # no scancode-tk-* folder either
    time.sleep(0.2)
    assert [c.pid for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE] == []


def test_a_run_leaves_no_scancode_temp_folder(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "train.py").write_text("# SPDX-License-Identifier: MIT\nprint('x')\n", encoding="utf-8")
    proc = _scan(repo, tmp_path)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["files"][0]["license"] == "mit"
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_write_that_fails_halfway_keeps_the_previous_report(tmp_path: Path) -> None:
    """The file-size limit (RLIMIT_FSIZE) stops the report's write after 8 KiB: the previous
    report stays as it was, no temporary file is left, one line says why (disk full is the same
    failed write)."""
    import resource

    target = tmp_path / "empty"  # an empty folder: a 30 KB report, and no license index to load
    target.mkdir()
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    out.write_text('{"good": true}\n', encoding="utf-8")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    proc = subprocess.run([sys.executable, "-m", "osai_scan", "scan", str(target), "--no-cache", "-q", "-o", str(out)],
                          preexec_fn=limit, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"Error: cannot write report to '{out}': File too large"
    assert out.read_text(encoding="utf-8") == '{"good": true}\n'
    assert [p.name for p in out.parent.iterdir()] == ["report.json"]
