"""License detection in each file's own content: ScanCode in-process, headers for weights.

Weight files, archives and other binaries are never handed to ScanCode: safetensors and GGUF
headers are parsed with bounded reads, other binaries are reported as skipped. Text files go
to ScanCode with exact matching, except license-like files and the top-level README/model
card, which get ScanCode's full approximate matching. The license index is loaded once.
"""

from __future__ import annotations

import json
import time
from pathlib import PurePosixPath
from typing import Any, Callable

from .constants import DETECT_DEADLINE_SECONDS, MAX_TEXT_BYTES, SNIFF_BYTES
from .errors import DetectorError
from .headers import HeaderError, read_gguf_header, read_safetensors_header
from .models import Classification, Component, Detection, FileEntry, FileStatus, Match

#: Extensions of binary formats: never read as text, never given to ScanCode.
BINARY_EXTS = frozenset("""
bin pt pth ckpt onnx h5 hdf5 keras tflite msgpack npz npy pb mlmodel engine plan nemo llamafile joblib
caffemodel params pdparams pkl pickle ggml ggjt parquet arrow tfrecord tfrecords feather avro orc lmdb mdb
zip gz tgz bz2 xz zst 7z rar tar whl jar so dylib dll exe o a lib pyc class wasm png jpg jpeg gif webp bmp
ico tif tiff psd mp3 wav flac ogg m4a mp4 webm mov avi mkv pdf doc docx ppt pptx xls xlsx db sqlite faiss
index woff woff2 ttf otf eot ark idx
""".split())

#: Names whose text deserves ScanCode's full (approximate) matching.
_LICENSE_LIKE = ("license", "licence", "copying", "notice", "copyright", "patent", "legal", "eula", "readme",
                 "model_card", "modelcard", "use_policy", "use-policy", "acceptable")

Reader = Callable[[str, "int | None", int], bytes]


def _ext(path: str) -> str:
    name = PurePosixPath(path).name.lower()
    return name.rsplit(".", 1)[-1] if "." in name else ""


def wants_approximate(path: str, component: Component) -> bool:
    """License, notice and copying files, and the top-level README/model card."""
    name = PurePosixPath(path).name.lower()
    if component is Component.LEGAL:
        return True
    if not any(word in name for word in _LICENSE_LIKE):
        return False
    return "/" not in path or not name.startswith("readme")


def notebook_source(data: bytes) -> str:
    """The source cells of a Jupyter notebook, without outputs (JSON only; nothing is run).

    Raises:
        ValueError: not a notebook.
    """
    doc = json.loads(data)
    cells = doc.get("cells") if isinstance(doc, dict) else None
    if not isinstance(cells, list):
        raise ValueError("no 'cells' list")
    parts = []
    for cell in cells:
        source = cell.get("source", "") if isinstance(cell, dict) else ""
        parts.append("".join(source) if isinstance(source, list) else str(source))
    return "\n".join(parts)


class ScancodeEngine:
    """ScanCode's license detection, in this process. The index loads on first use."""

    def __init__(self) -> None:
        self._get_licenses: Callable[..., dict[str, Any]] | None = None

    def load(self) -> None:
        """Load the license index now (about 4 s and 1 GB the first time in a process).

        Raises:
            DetectorError: ScanCode is not installed or fails to load.
        """
        if self._get_licenses is not None:
            return
        try:
            from licensedcode.cache import get_index
            from scancode.api import get_licenses
        except ImportError as exc:  # pragma: no cover - ScanCode is a hard dependency
            raise DetectorError(f"ScanCode is not installed ({exc}).",
                                hint="Reinstall osai-scan: pip install osai-scan.") from None
        get_index()
        self._get_licenses = get_licenses

    def detect(self, *, location: str | None, text: str | None, approximate: bool) -> dict[str, Any]:
        """Run ScanCode on a file (``location``) or on extracted text."""
        self.load()
        assert self._get_licenses is not None
        return self._get_licenses(
            location=location,
            query_string=text,
            approximate=approximate,
            unknown_licenses=approximate,
            # ScanCode's deadline is an absolute time.time() value, not a duration.
            deadline=time.time() + DETECT_DEADLINE_SECONDS,
        )


def _matches(result: dict[str, Any]) -> tuple[Match, ...]:
    out = []
    for detection in result.get("license_detections") or []:
        for m in detection.get("matches") or []:
            out.append(Match(
                expression=m["license_expression"],
                expression_spdx=m.get("license_expression_spdx"),
                rule=m["rule_identifier"],
                score=float(m["score"]),
                start_line=m.get("start_line"),
                end_line=m.get("end_line"),
                matcher=m["matcher"],
            ))
    return tuple(sorted(out, key=lambda m: (m.start_line or 0, m.end_line or 0, m.rule)))


class Detector:
    """Decides how to look at each file and collects what its own content says.

    Args:
        read: ``read(path, max_bytes, offset)`` from the source.
        local_path: returns an on-disk location for ScanCode when there is one.
        engine: the ScanCode engine (shared, index loaded once).
    """

    def __init__(self, read: Reader, local_path: Callable[[str], Any], engine: ScancodeEngine) -> None:
        self._read = read
        self._local_path = local_path
        self.engine = engine

    def detect(self, entry: FileEntry, label: Classification) -> Detection:
        """Return what ``entry``'s own content says about its license."""
        if entry.problem is not None:
            status = FileStatus.ERROR if entry.problem_is_error else FileStatus.SKIPPED
            return Detection(status=status, status_reason=entry.problem)
        if entry.lfs is not None and not entry.lfs_served:
            return Detection(status=FileStatus.SKIPPED,
                             status_reason=f"Git LFS pointer: content (sha256 {entry.lfs.oid[:12]}..., "
                                           f"{entry.lfs.size} bytes) is not in the work tree")
        ext = _ext(entry.path)
        try:
            if ext == "safetensors":
                return self._header(entry, read_safetensors_header)
            if ext == "gguf":
                return self._header(entry, read_gguf_header)
            if ext in BINARY_EXTS:
                return Detection(status=FileStatus.SKIPPED,
                                 status_reason=f"binary .{ext} file; not read (never unpickled or loaded)")
            return self._text(entry, label)
        except OSError as exc:
            return Detection(status=FileStatus.ERROR, status_reason=f"cannot read: {exc.strerror or exc}")

    def _header(self, entry: FileEntry, parse: Callable[..., Any]) -> Detection:
        try:
            header = parse(lambda offset, size: self._read(entry.path, size, offset))
        except HeaderError as exc:
            return Detection(status=FileStatus.ERROR, status_reason=f"invalid {_ext(entry.path)} header: {exc}")
        return Detection(status=FileStatus.HEADER_ONLY, mode="header",
                         status_reason=f"{header.format} header read ({header.header_bytes} bytes); "
                                       "tensor data not read",
                         header=header)

    def _text(self, entry: FileEntry, label: Classification) -> Detection:
        if entry.size > MAX_TEXT_BYTES:
            return Detection(status=FileStatus.SKIPPED,
                             status_reason=f"file of {entry.size} bytes is over the {MAX_TEXT_BYTES}-byte "
                                           "limit for license detection")
        head = self._read(entry.path, SNIFF_BYTES, 0)
        if b"\0" in head:
            return Detection(status=FileStatus.SKIPPED, status_reason="binary content (NUL bytes); not read")
        approximate = wants_approximate(entry.path, label.component)
        mode = "approximate" if approximate else "exact"
        location = self._local_path(entry.path)
        text = None
        if _ext(entry.path) == "ipynb":
            try:
                text = notebook_source(self._read(entry.path, None, 0))
            except (ValueError, UnicodeDecodeError) as exc:
                return Detection(status=FileStatus.ERROR, status_reason=f"not a valid notebook: {exc}")
            location = None
            mode += "+notebook-source"
        elif location is None:
            text = self._read(entry.path, None, 0).decode("utf-8", "replace")
        try:
            result = self.engine.detect(location=str(location) if location else None, text=text,
                                        approximate=approximate)
        except DetectorError:
            raise
        except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the scan
            return Detection(status=FileStatus.ERROR, mode=mode,
                             status_reason=f"license detection failed: {type(exc).__name__}: {exc}")
        return Detection(
            status=FileStatus.SCANNED,
            mode=mode,
            expression=result.get("detected_license_expression"),
            expression_spdx=result.get("detected_license_expression_spdx"),
            matches=_matches(result),
        )
