"""License detection in each file's own content: decide how to look at a file, then look.

:meth:`Detector.plan` decides without reading content: files the source already flagged,
Git LFS pointers, binaries by extension and oversized text get their answer at once; the rest
become a :class:`Task`. :meth:`Detector.run` performs a task: a bounded header read for
safetensors/GGUF weights (never the tensor data), or ScanCode on text.

Text is matched **exact-first**: ordinary files get ScanCode's exact matchers only (hash,
SPDX-License-Identifier, Aho-Corasick), which is about 40 times faster than its default and
gives the same answer on almost every source file. License, notice and copying files, READMEs
and model cards (at any depth: a sub-folder README is often the model card of one model) get
the full approximate matching from the start, by name or by the ``legal`` label, and so does
any file whose exact result is *unclear* (see :mod:`osai_scan.unclear`).
Notebooks are matched on their source cells, not their embedded outputs.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Callable

from ..constants import DETECT_DEADLINE_SECONDS, MAX_TEXT_BYTES, SNIFF_BYTES
from ..errors import OsaiScanError, ReadLimitError
from ..licenses import UNKNOWN_SPDX, expression_keys, expression_to_spdx, spdx_to_expression
from ..models import Classification, Component, Detection, FileEntry, FileStatus, Match
from ..ruleset.notices import CommentSyntax
from .context import LineContexts
from .engine import EngineResult, ScancodeEngine
from .headers import HeaderError, HeaderLimitError, read_gguf_header, read_parquet_header, read_safetensors_header
from .names import NameCheck
from .unclear import assess

#: Extensions of binary formats: never read as text, never given to ScanCode.
BINARY_EXTS = frozenset("""
bin pt pth ckpt onnx h5 hdf5 keras tflite msgpack npz npy pb mlmodel engine plan nemo llamafile joblib
caffemodel params pdparams pkl pickle ggml ggjt parquet arrow tfrecord tfrecords feather avro orc lmdb mdb
zip gz tgz bz2 xz zst 7z rar tar whl jar so dylib dll exe o a lib pyc class wasm png jpg jpeg gif webp bmp
ico tif tiff psd mp3 wav flac ogg m4a mp4 webm mov avi mkv pdf doc docx ppt pptx xls xlsx db sqlite faiss
index woff woff2 ttf otf eot ark idx
""".split())

#: Formats whose header is read (bounded) instead of their content: weights and Parquet data.
HEADER_FORMATS = frozenset({"safetensors", "gguf", "parquet"})

#: Names whose text deserves ScanCode's full (approximate) matching.
_LICENSE_LIKE = ("license", "licence", "copying", "notice", "copyright", "patent", "legal", "eula", "readme",
                 "model_card", "modelcard", "use_policy", "use-policy", "acceptable")

#: Extensions of code and data files: a license-like name does not make them license texts.
NOT_PROSE_EXTS = frozenset("""
py pyi pyx pxd ipynb js mjs cjs ts tsx jsx java kt scala go rs c h cc cpp hpp cs rb php pl lua r jl swift m mm
sh bash zsh ps1 bat cmd sql json jsonl ndjson yaml yml toml ini cfg conf xml csv tsv proto lock
""".split())

#: An unclear file up to this size is matched again whole, approximately (as ScanCode would);
#: a larger one only around its lines of interest (approximate matching grows faster than
#: linearly with size: a 1 MB JSON of license names takes ScanCode more than 120 s).
WHOLE_FILE_APPROXIMATE_MAX_BYTES = 256 * 1024
#: Lines kept around each line of interest when matching regions of a large file.
REGION_CONTEXT_LINES = 5

#: Modes a task asks for (they are part of the cache key).
MODE_HEADER = "header"
MODE_EXACT_FIRST = "exact-first"
MODE_APPROXIMATE = "approximate"

Reader = Callable[[str, "int | None", int], bytes]


def _ext(path: str) -> str:
    name = PurePosixPath(path).name.lower()
    return name.rsplit(".", 1)[-1] if "." in name else ""


def wants_approximate(path: str, component: Component) -> bool:
    """License, notice and copying files (by label or name), READMEs and model cards at any depth.

    A license-like name counts only on prose files: ``licenses.py`` or
    ``scancode-licensedb-index.json`` are code and data, matched exact-first like any other.
    """
    if component is Component.LEGAL:
        return True
    name = PurePosixPath(path).name.lower()
    return _ext(path) not in NOT_PROSE_EXTS and any(word in name for word in _LICENSE_LIKE)


def notebook_source(data: bytes) -> str:
    """The source cells of a Jupyter notebook, without outputs (JSON only; nothing is run).

    Raises:
        ValueError: not a notebook (also when its JSON is nested too deeply to parse).
    """
    try:
        doc = json.loads(data)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    cells = doc.get("cells") if isinstance(doc, dict) else None
    if not isinstance(cells, list):
        raise ValueError("no 'cells' list")
    parts = []
    for cell in cells:
        source = cell.get("source", "") if isinstance(cell, dict) else ""
        parts.append("".join(map(str, source)) if isinstance(source, list) else str(source))
    return "\n".join(parts)


def regions_text(text: str, lines: tuple[int, ...], context: int = REGION_CONTEXT_LINES) -> str:
    """``text`` with every line farther than ``context`` from ``lines`` blanked (line numbers kept)."""
    keep: set[int] = set()
    for number in lines:
        keep.update(range(number - context, number + context + 1))
    return "\n".join(line if number in keep else "" for number, line in enumerate(text.splitlines(), 1))


@dataclass(frozen=True, slots=True)
class Task:
    """A file whose content must be read to be detected.

    Attributes:
        path: repo-relative path.
        size: bytes (for largest-first ordering).
        content_id: the content id, when known (the cache key needs it).
        mode: ``header``, ``exact-first`` or ``approximate``.
    """

    path: str
    size: int
    content_id: str | None
    mode: str

    @property
    def needs_engine(self) -> bool:
        """True when ScanCode (and its index) is needed to perform this task."""
        return self.mode != MODE_HEADER


#: Why a file is not matched once the scan's read budget is used up.
READ_BUDGET_REASON = "not read: the scan's read budget is used up"

#: Mode suffix of a ``.ipynb`` file whose JSON does not parse (scanned as text, with a warning).
INVALID_NOTEBOOK = "+invalid-notebook"


#: An SPDX-License-Identifier line, and where a comment marker ends its value.
_SPDX_TAG = re.compile(r"SPDX-License-Identifier\s*:\s*(?P<value>.*)", re.IGNORECASE)
_COMMENT_AFTER_TAG = re.compile(r"\s(?:#|//|/\*|\*/|-->|--|;)|\s*(?:\*/|-->)\s*$")


def spdx_tag_before_comment(line: str) -> tuple[str, str] | None:
    """The expression of an SPDX-License-Identifier line whose value is followed by a comment
    ("SPDX-License-Identifier: Apache-2.0 # upsample ..."), as (ScanCode key expression, SPDX);
    None when there is no such comment or the value before it does not name known licenses."""
    found = _SPDX_TAG.search(line)
    if found is None:
        return None
    value = found.group("value")
    cut = _COMMENT_AFTER_TAG.search(value)
    if cut is None:
        return None
    value = value[:cut.start()].strip().strip("'\"`,")
    if not value:
        return None
    expression, unresolved = spdx_to_expression(value)
    if expression is None or unresolved:
        return None
    return expression, expression_to_spdx(expression) or value


def _matches(result: dict[str, Any], kind_of: Callable[[str, str], str],
             contexts: LineContexts | None, lines: list[str], names: NameCheck | None) -> tuple[Match, ...]:
    out = []
    for detection in result.get("license_detections") or []:
        for m in detection.get("matches") or []:
            start, end = m.get("start_line"), m.get("end_line")
            kind = kind_of(m["rule_identifier"], m["matcher"])
            unnamed: tuple[str, ...] = ()
            if names is not None and start is not None and names.applies(m["matcher"], kind):
                unnamed = names.unnamed(m["license_expression"], "\n".join(lines[start - 1:end or start]))
            expression, expression_spdx, raw = m["license_expression"], m.get("license_expression_spdx"), None
            if kind == "spdx-id" and start is not None and start <= len(lines) and \
                    UNKNOWN_SPDX in expression_keys(expression):
                tag = spdx_tag_before_comment(lines[start - 1])
                if tag is not None:
                    raw, (expression, expression_spdx) = expression, tag
            out.append(Match(
                expression=expression,
                expression_spdx=expression_spdx,
                scancode_expression=raw,
                rule=m["rule_identifier"],
                score=float(m["score"]),
                start_line=start,
                end_line=end,
                matcher=m["matcher"],
                kind=kind,
                context=contexts.of_span(start, end) if contexts is not None else None,
                coverage=float(m["match_coverage"]) if m.get("match_coverage") is not None else None,
                unnamed=unnamed,
            ))
    return tuple(sorted(out, key=lambda m: (m.start_line or 0, m.end_line or 0, m.rule)))


class Detector:
    """Decides how to look at each file and collects what its own content says.

    Args:
        read: ``read(path, max_bytes, offset)`` from the source.
        local_path: returns an on-disk location for ScanCode when there is one.
        engine: the ScanCode engine (shared, index loaded once).
        budget: seconds of license matching allowed per file.
        syntax_of: the comment syntax of a path (rules/notices.yaml), which gives every match its
            context; None treats every file as prose.
        reserve: counts a file's size against the scan's read budget before it is planned for
            ScanCode (``Source.reserve``); False makes the file skipped with that limit.
        names: which approximate matches must name their licenses in their lines
            (``Match.unnamed``); None checks none.
    """

    def __init__(self, read: Reader, local_path: Callable[[str], Any], engine: ScancodeEngine,
                 budget: float = DETECT_DEADLINE_SECONDS,
                 syntax_of: Callable[[str], CommentSyntax | None] | None = None,
                 reserve: Callable[[str, int], bool] | None = None, names: NameCheck | None = None) -> None:
        self._read = read
        self._names = names
        self._reserve = reserve or (lambda path, size: True)
        self._local_path = local_path
        self.engine = engine
        self.budget = budget
        self._syntax_of = syntax_of or (lambda path: None)

    def plan(self, entry: FileEntry, label: Classification) -> Detection | Task:
        """The answer for ``entry`` when it needs no content, else the task that reads it."""
        if entry.problem is not None:
            status = FileStatus.ERROR if entry.problem_is_error else FileStatus.SKIPPED
            return Detection(status=status, status_reason=entry.problem)
        if entry.lfs is not None and not entry.lfs_served:
            return Detection(status=FileStatus.SKIPPED,
                             status_reason=f"Git LFS pointer: content (sha256 {entry.lfs.oid[:12]}..., "
                                           f"{entry.lfs.size} bytes) is not in the work tree")
        ext = _ext(entry.path)
        if ext in HEADER_FORMATS:
            return Task(entry.path, entry.size, entry.content_id, MODE_HEADER)
        if ext in BINARY_EXTS:
            return Detection(status=FileStatus.SKIPPED,
                             status_reason=f"binary .{ext} file; not read (never unpickled or loaded)")
        if entry.size > MAX_TEXT_BYTES:
            return Detection(status=FileStatus.SKIPPED,
                             status_reason=f"file of {entry.size} bytes is over the {MAX_TEXT_BYTES}-byte "
                                           "limit for license detection")
        if not self._reserve(entry.path, entry.size):
            return Detection(status=FileStatus.SKIPPED, status_reason=f"{READ_BUDGET_REASON} (OSAI_SCAN_MAX_READ_BYTES)")
        mode = MODE_APPROXIMATE if wants_approximate(entry.path, label.component) else MODE_EXACT_FIRST
        return Task(entry.path, entry.size, entry.content_id, mode)

    def detect(self, entry: FileEntry, label: Classification) -> Detection:
        """Return what ``entry``'s own content says about its license (plan, then run)."""
        planned = self.plan(entry, label)
        return planned if isinstance(planned, Detection) else self.run(planned)

    def run(self, task: Task) -> Detection:
        """Perform a task; a file's failure becomes an ``error`` detection, never stops the scan.

        Raises:
            DetectorError: ScanCode cannot be loaded.
            SourceError: the source failed as a whole (for Hub targets: gated, cap reached, ...).
        """
        try:
            if task.mode == MODE_HEADER:
                ext = _ext(task.path)
                if ext == "parquet":
                    return self._header(task.path, lambda read: read_parquet_header(read, task.size))
                if ext == "safetensors":
                    return self._header(task.path, lambda read: read_safetensors_header(read, file_size=task.size))
                return self._header(task.path, read_gguf_header)
            return self._text(task)
        except ReadLimitError as exc:  # the scan's read budget: a limit, not a broken file
            return Detection(status=FileStatus.SKIPPED, status_reason=str(exc))
        except OSError as exc:
            return Detection(status=FileStatus.ERROR, status_reason=f"cannot read: {exc.strerror or exc}")
        except OsaiScanError:
            raise
        except Exception as exc:  # noqa: BLE001 - one file's failure must not stop the scan
            what = f"invalid {_ext(task.path)} header" if task.mode == MODE_HEADER else "license detection failed"
            return Detection(status=FileStatus.ERROR, mode=task.mode,
                             status_reason=f"{what}: {type(exc).__name__}: {exc}")

    def prefetch(self, task: Task) -> None:
        """Make the file available locally now (a Hub download, in this process) before forking.

        Workers then read local copies and never use the source's network client, whose
        connections and download accounting belong to this process.

        Raises:
            SourceError: the source failed as a whole (for Hub targets: gated, cap reached, ...).
        """
        if task.needs_engine:
            try:
                self._local_path(task.path)
            except OSError:
                pass  # the worker meets the same error and reports it for this file

    def _header(self, path: str, parse: Callable[..., Any]) -> Detection:
        try:
            header = parse(lambda offset, size: self._read(path, size, offset))
        except HeaderLimitError as exc:  # a limit hit, not a broken file: skipped, with the limit
            return Detection(status=FileStatus.SKIPPED, mode="header",
                             status_reason=f"{_ext(path)} header not read: {exc} (MAX_HEADER_BYTES)")
        except HeaderError as exc:
            return Detection(status=FileStatus.ERROR, status_reason=f"invalid {_ext(path)} header: {exc}")
        return Detection(status=FileStatus.HEADER_ONLY, mode="header",
                         status_reason=f"{header.format} header read ({header.bytes_read} bytes); "
                                       + ("rows not read" if header.format == "parquet" else "tensor data not read"),
                         header=header)

    def _text(self, task: Task) -> Detection:
        started = time.monotonic()
        head = self._read(task.path, SNIFF_BYTES, 0)
        if b"\0" in head:
            return Detection(status=FileStatus.SKIPPED, status_reason="binary content (NUL bytes); not read")
        location = self._local_path(task.path)
        text = None
        suffix = ""
        if _ext(task.path) == "ipynb":
            try:
                text = notebook_source(self._read(task.path, None, 0))
                location, suffix = None, "+notebook-source"
            except (ValueError, UnicodeDecodeError):  # scanned as the text it is, with a warning
                suffix = INVALID_NOTEBOOK
        elif location is None:
            text = self._read(task.path, None, 0).decode("utf-8", "replace")
        where = str(location) if location is not None else None
        if task.mode == MODE_APPROXIMATE:
            result = self.engine.detect(location=where, text=text, approximate=True, budget=self.budget,
                                        started=started)
            return self._detection(task, text, result, "approximate" + suffix, None)
        exact = self.engine.detect(location=where, text=text, approximate=False, budget=self.budget,
                                   started=started, diagnostics=True)
        if exact.partial:
            return self._detection(task, text, exact, "exact" + suffix, None)
        if text is None:
            text = self._read(task.path, None, 0).decode("utf-8", "replace")
        verdict = assess(exact.data, text, self.engine)
        if not verdict.unclear:
            return self._detection(task, text, exact, "exact" + suffix, None)
        unclear = f"exact matching was unclear ({'; '.join(verdict.reasons)})"
        if task.size <= WHOLE_FILE_APPROXIMATE_MAX_BYTES:
            how = "approximate matching applied"
            full = self.engine.detect(location=where, text=None if where else text, approximate=True,
                                      budget=self.budget, started=started)
            mode = "exact+approximate" + suffix
        else:
            how = (f"the file is over {WHOLE_FILE_APPROXIMATE_MAX_BYTES // 1024} KiB, so approximate matching was "
                   f"applied to those lines and the matched ones, {REGION_CONTEXT_LINES} lines around each")
            full = self.engine.detect(location=None, text=regions_text(text, verdict.lines), approximate=True,
                                      budget=self.budget, started=started)
            mode = "exact+approximate-regions" + suffix
        if full.partial:  # keep the complete, deterministic exact result rather than a cut-short one
            limit = "hard" if full.stopped else "soft"
            return self._detection(task, text, exact, "exact" + suffix, unclear, cut=f"approximate matching did not finish "
                                   f"within the {self.budget:g} s budget ({limit} limit); the exact matches are "
                                   "reported, others may be missing")
        if exact.data.get("detected_license_expression") and not full.data.get("detected_license_expression"):
            return self._detection(task, text, exact, "exact" + suffix, f"{unclear}; approximate matching found only weak "
                                   "clues, so the exact detection is kept")
        return self._detection(task, text, full, mode, f"{unclear}; {how}")

    def _detection(self, task: Task, text: str | None, result: EngineResult, mode: str, note: str | None,
                   cut: str | None = None) -> Detection:
        data = result.data
        contexts = None
        lines: list[str] = []
        if data.get("license_detections"):
            if text is None:
                text = self._read(task.path, None, 0).decode("utf-8", "replace")
            syntax = None if mode.endswith(("+notebook-source", INVALID_NOTEBOOK)) else self._syntax_of(task.path)
            contexts = LineContexts(text, syntax)
            lines = text.splitlines()
        if result.partial and cut is None:
            limit = "hard" if result.stopped else "soft"
            cut = (f"license matching reached its {self.budget:g} s budget ({limit} limit); the matches listed "
                   "were found, others may be missing")
        if mode.endswith(INVALID_NOTEBOOK):
            note = "not a valid notebook (its JSON does not parse); scanned as text" + (f"; {note}" if note else "")
        if cut is not None:
            status, reason = FileStatus.PARTIAL, f"{note}; {cut}" if note else cut
        else:
            status, reason = FileStatus.SCANNED, note
        return Detection(
            status=status,
            status_reason=reason,
            mode=mode,
            expression=data.get("detected_license_expression"),
            expression_spdx=data.get("detected_license_expression_spdx"),
            matches=_matches(data, self.engine.rule_kind, contexts, lines, self._names),
        )
