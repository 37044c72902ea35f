"""Exact-first detection: which files are escalated, and the per-file time budget."""

from __future__ import annotations

import time
from pathlib import Path

from osai_scan.detect.detector import WHOLE_FILE_APPROXIMATE_MAX_BYTES, Detector, regions_text, wants_approximate
from osai_scan.detect.engine import ScancodeEngine
from osai_scan.models import Classification, Component, FileEntry, FileStatus
from osai_scan.pipeline import ScanOptions, scan
from osai_scan.report.json import render_json
from osai_scan.sources import LocalSource
from osai_scan.detect.unclear import assess
from tests.conftest import validate_report
from tests.trees import license_text

CODE = Classification(component=Component.CODE, rule="code.test", reason="test")
_ENGINE = ScancodeEngine()


class _Words:
    """ScanCode's legalese vocabulary, from the shared engine."""

    def legalese(self) -> tuple[dict[str, int], int]:
        return _ENGINE.legalese()


def _detect(root: Path, name: str, text: str, budget: float = 60.0,
            label: Classification = CODE):  # noqa: ANN202
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    source = LocalSource(root)
    detector = Detector(source.read, source.local_path, _ENGINE, budget=budget)
    return detector.detect(FileEntry(path=name, size=path.stat().st_size), label)


def _altered_mit() -> str:
    """The MIT text with words changed in the middle, so no exact rule covers the whole grant."""
    return license_text("mit").replace("to deal in the Software without restriction",
                                       "to deal in this program without any restriction whatsoever")


def test_ordinary_source_stays_exact(tmp_path: Path) -> None:
    detection = _detect(tmp_path, "a.py", "# SPDX-License-Identifier: MIT\nlicense = get_license(name)\n")
    assert detection.mode == "exact" and detection.status is FileStatus.SCANNED
    assert detection.expression == "mit" and detection.status_reason is None


def test_unmatched_license_prose_escalates_to_approximate(tmp_path: Path) -> None:
    detection = _detect(tmp_path, "b.py", '"""Helpers."""\n\n' + "\n".join("# " + line for line in
                                                                          _altered_mit().splitlines()) + "\nX = 1\n")
    assert detection.mode == "exact+approximate"
    assert "unmatched-license-text" in (detection.status_reason or "")
    assert detection.expression == "mit"


def test_large_unclear_file_is_escalated_on_its_regions_only(tmp_path: Path) -> None:
    filler = "".join(f"value_{i} = {i}\n" for i in range(WHOLE_FILE_APPROXIMATE_MAX_BYTES // 14))
    text = filler + "\n".join("# " + line for line in _altered_mit().splitlines()) + "\n"
    detection = _detect(tmp_path, "big.py", text)
    assert detection.mode == "exact+approximate-regions"
    assert detection.expression == "mit"
    first = min(m.start_line or 0 for m in detection.matches)
    assert first > filler.count("\n")  # line numbers refer to the real file


def test_regions_text_keeps_line_numbers() -> None:
    text = "\n".join(f"l{i}" for i in range(1, 31))
    masked = regions_text(text, (10,), context=2).split("\n")
    assert len(masked) == 30 and masked[7:12] == ["l8", "l9", "l10", "l11", "l12"]
    assert masked[6] == "" and masked[12] == ""


def test_assess_rules() -> None:
    words = _Words()
    assert not assess({"detected_license_expression": "mit"}, "x = 1\n", words).unclear
    assert assess({"detected_license_expression": "mit AND unknown-license-reference"}, "", words).reasons == (
        "unstated-license: unknown-license-reference",)
    assert assess({"license_clues": [{"start_line": 1, "end_line": 1}]}, "", words).reasons == ("license-clues: 1",)
    logs = {"license_detections": [{"detection_log": ["unknown-match"], "matches": []}]}
    assert assess(logs, "", words).reasons == ("imperfect-detection: unknown-match",)
    prose = "x = 1\n" + "\n".join(_altered_mit().splitlines()[:6]) + "\n"
    found = assess({}, prose, words)
    assert found.reasons and found.reasons[0].startswith("unmatched-license-text: line 2")
    covered = {"license_detections": [{"matches": [{"start_line": 2, "end_line": 7}]}]}
    assert not assess(covered, prose, words).unclear
    assert not assess({}, "license = get_license(name)  # see the license registry\n", words).unclear


def test_license_like_names_get_approximate_matching_but_code_does_not() -> None:
    assert wants_approximate("LICENSE-MODEL", Component.OTHER)
    assert wants_approximate("models/small/README.md", Component.DOCUMENTATION)
    assert wants_approximate("docs/THIRD_PARTY_NOTICES.txt", Component.DOCUMENTATION)
    assert not wants_approximate("src/licenses.py", Component.CODE)
    assert not wants_approximate("data/licensedb-index.json", Component.DATA)
    assert wants_approximate("anything.py", Component.LEGAL)


def test_soft_deadline_reports_partial(tmp_path: Path) -> None:
    detection = _detect(tmp_path, "c.py", "# SPDX-License-Identifier: MIT\n" + _altered_mit(), budget=1e-9)
    assert detection.status is FileStatus.PARTIAL
    assert "budget (soft limit)" in (detection.status_reason or "")


def test_hard_limit_stops_a_stuck_call() -> None:
    calls = []

    def stuck(**kwargs: object) -> dict[str, object]:
        calls.append(kwargs)
        time.sleep(30)
        return {"detected_license_expression": "mit"}

    engine = ScancodeEngine(get_licenses=stuck)
    result = engine.detect(location=None, text="x", approximate=True, budget=0.05)
    assert result.stopped and result.partial and result.data == {}
    assert calls[0]["approximate"] is True and isinstance(calls[0]["deadline"], float)


def test_partial_files_are_visible_in_the_report(tmp_path: Path) -> None:
    (tmp_path / "LICENSE").write_text(_altered_mit(), encoding="utf-8")
    (tmp_path / "a.py").write_text("# SPDX-License-Identifier: MIT\n", encoding="utf-8")
    doc = validate_report(render_json(scan(str(tmp_path), ScanOptions(timeout=1e-9, jobs=1, use_cache=False))))
    partial = [f["path"] for f in doc["files"] if f["status"] == "partial"]
    assert partial == ["LICENSE", "a.py"]
    finding = next(f for f in doc["findings"] if f["id"] == "scan.partial-detection")
    assert finding["paths"] == ["LICENSE", "a.py"] and finding["severity"] == "warning"
    assert doc["summary"]["by_status"] == {"partial": 2}
