"""A 20 GiB weights file costs a header read: bytes read are counted, not time."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Iterator

import pytest

from osai_scan.models import FileEntry, TargetInfo
from osai_scan.pipeline import ScanOptions, ScanStats, scan
from osai_scan.report.json import render_json
from osai_scan.sources import LocalSource, Source
from tests.conftest import validate_report
from tests.trees import safetensors_header

GIB = 1024 ** 3


class CountingSource(Source):
    """Wraps a source and counts the bytes ``read`` returns, per path."""

    def __init__(self, inner: Source) -> None:
        self.inner = inner
        self.bytes_read: dict[str, int] = {}

    def describe(self) -> TargetInfo:
        return self.inner.describe()

    def iter_files(self) -> Iterator[FileEntry]:
        return self.inner.iter_files()

    def read(self, path: str, max_bytes: int | None = None, offset: int = 0) -> bytes:
        data = self.inner.read(path, max_bytes, offset)
        self.bytes_read[path] = self.bytes_read.get(path, 0) + len(data)
        return data

    def local_path(self, path: str) -> Path | None:
        return self.inner.local_path(path)


def _sparse_weights(path: Path, size: int) -> int:
    header = safetensors_header(size, {"license": "apache-2.0"})
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.write(header)
        out.truncate(len(header) + size)
    return len(header)


def _rchar() -> int | None:
    try:
        for line in Path("/proc/self/io").read_text().splitlines():
            if line.startswith("rchar:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


@pytest.mark.skipif(sys.platform == "win32", reason="sparse files")
def test_20_gib_safetensors_costs_a_header_read(tmp_path: Path) -> None:
    header_bytes = _sparse_weights(tmp_path / "model" / "model.safetensors", 20 * GIB)
    (tmp_path / "model" / "config.json").write_text('{"n_layer": 2}\n', encoding="utf-8")
    source = CountingSource(LocalSource(tmp_path))
    before = _rchar()
    stats = ScanStats()
    report = scan(source, ScanOptions(jobs=1, use_cache=False, stats=stats))
    after = _rchar()
    doc = validate_report(render_json(report))
    weights = next(f for f in doc["files"] if f["path"] == "model/model.safetensors")
    assert weights["status"] == "header-only" and weights["size"] == header_bytes + 20 * GIB
    assert weights["content_id"] is None  # not hashed
    assert weights["header"]["parameter_count"] == 20 * GIB // 4
    assert weights["license"] == "apache-2.0" and weights["attribution"]["source"] == "file-metadata"
    assert 0 < source.bytes_read["model/model.safetensors"] <= header_bytes
    assert stats.headers == 1
    if before is not None and after is not None:
        assert after - before < GIB  # all this process read (ScanCode's 0.4 GB index included), not 20 GiB


def test_hash_weights_gives_large_files_a_sha256_content_id(tmp_path: Path) -> None:
    path = tmp_path / "model.safetensors"
    header = safetensors_header(17 * 1024 * 1024)
    path.write_bytes(header + b"\1" * (17 * 1024 * 1024))
    plain = {f.path: f for f in LocalSource(tmp_path).iter_files()}
    hashed = {f.path: f for f in LocalSource(tmp_path, hash_large=True).iter_files()}
    assert plain["model.safetensors"].content_id is None
    assert hashed["model.safetensors"].content_id == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
