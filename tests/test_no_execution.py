"""Nothing from a scanned repository is executed, imported or unpickled: every file below would
leave a marker file if it were, and the scan (local, with forked workers) must leave none."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

from osai_scan.attribute.declared import parse_front_matter
from tests.conftest import make_git_repo


class _Marker:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):  # unpickling this opens (creates) the marker file
        return (open, (self.path, "w"))


def _hostile_repo(root: Path, markers: Path) -> list[Path]:
    root.mkdir(parents=True)
    expected = []

    def code(name: str) -> str:
        marker = markers / name.replace("/", "_")
        expected.append(marker)
        return f"open({str(marker)!r}, 'w').write('ran')\n"

    (root / "setup.py").write_text("# SPDX-License-Identifier: MIT\n" + code("setup.py"), encoding="utf-8")
    (root / "conftest.py").write_text(code("conftest.py"), encoding="utf-8")
    (root / "sitecustomize.py").write_text(code("sitecustomize.py"), encoding="utf-8")
    (root / "evil.pth").write_text("import os; " + code("evil.pth"), encoding="utf-8")
    (root / "model.py").write_text("import torch\n" + code("model.py"), encoding="utf-8")
    notebook = {"cells": [{"cell_type": "code", "source": [code("notebook.ipynb")], "metadata": {}, "outputs": [],
                           "execution_count": None}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (root / "demo.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    for name in ("pytorch_model.bin", "weights.pkl", "model.pt"):
        marker = markers / name
        expected.append(marker)
        (root / name).write_bytes(pickle.dumps(_Marker(str(marker))))
    (root / "README.md").write_text("---\nlicense: mit\n---\n# Hostile\n", encoding="utf-8")
    make_git_repo(root)
    return expected


def test_scanning_executes_imports_and_unpickles_nothing(tmp_path: Path) -> None:
    markers = tmp_path / "markers"
    markers.mkdir()
    expected = _hostile_repo(tmp_path / "repo", markers)
    report = tmp_path / "report.json"
    env = dict(os.environ, OSAI_SCAN_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-m", "osai_scan", "scan", str(tmp_path / "repo"), "-o", str(report),
                           "--jobs", "2", "-q"], cwd=tmp_path / "repo", env=env, capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(expected) == 9 and [m for m in expected if m.exists()] == []
    assert list(markers.iterdir()) == []
    files = {f["path"]: f for f in json.loads(report.read_text(encoding="utf-8"))["files"]}
    assert len(files) == 10
    for name in ("pytorch_model.bin", "weights.pkl", "model.pt"):
        assert files[name]["status"] == "skipped" and "never unpickled" in files[name]["status_reason"]


def test_a_card_with_yaml_aliases_is_refused_not_expanded() -> None:
    bomb = ("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nlicense: *c\n---\n")
    assert parse_front_matter(bomb) is None
    assert parse_front_matter("---\nlicense: " + "[" * 20000 + "]" * 20000 + "\n---\n") is None
    assert parse_front_matter("---\nlicense: mit\ntags: [a, b]\n---\n") == {"license": "mit", "tags": ["a", "b"]}


def test_a_report_write_is_atomic(tmp_path: Path) -> None:
    """A failing write keeps the previous report and leaves no temporary file."""
    import click
    import pytest

    from osai_scan.cli._common import emit

    target = tmp_path / "report.json"
    emit('{"good": true}\n', target, "report")
    target.parent.chmod(0o500)
    try:
        if os.geteuid() == 0:  # root writes anyway: fail the write by a missing folder instead
            with pytest.raises(click.ClickException, match="cannot write report"):
                emit("{}", tmp_path / "missing" / "report.json", "report")
        else:
            with pytest.raises(click.ClickException, match="cannot write report"):
                emit("{}", target, "report")
    finally:
        target.parent.chmod(0o700)
    assert target.read_text(encoding="utf-8") == '{"good": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    emit("name \udcff.py\n", target, "report")  # a surrogate-escaped file name does not lose the report
    assert target.read_text(encoding="utf-8") == "name \\xff.py\n"  # the escaped form of docs/SECURITY.md
