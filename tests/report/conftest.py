"""Every fixture case scanned once per session (as a git work tree, without the detection cache),
shared by the format tests: a format is a view of a scan, so one scan per case is enough."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from osai_scan.models import Report
from tests.conftest import case_dir, make_git_repo
from tests.golden import cases

CASES = cases()


def scan_case(case: str, root: Path) -> Report:
    """Scan a copy of a fixture case committed into a fresh git repository under ``root``."""
    from osai_scan.pipeline import ScanOptions, scan

    target = root / case.replace("/", "_")
    shutil.copytree(case_dir(case), target, symlinks=True)
    make_git_repo(target)
    return scan(str(target), ScanOptions(use_cache=False))


@pytest.fixture(scope="session")
def case_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    """case → its Report (every case of fixtures/, scanned once for the whole session)."""
    root = tmp_path_factory.mktemp("report-cases")
    return {case: scan_case(case, root) for case in CASES}
