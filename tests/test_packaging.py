"""The wheel carries the package, the rules and the schema; the tests run on the installed package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import osai_scan

ROOT = Path(__file__).resolve().parents[1]


def test_tests_import_the_installed_distribution() -> None:
    dist = metadata.distribution("osai-scan")
    assert dist.version == metadata.version("osai-scan")
    assert Path(osai_scan.__file__).resolve() == ROOT / "osai_scan" / "__init__.py"
    assert not (ROOT / "src").exists()
    assert dist.entry_points.select(group="console_scripts", name="osai-scan")


def test_wheel_carries_package_rules_and_schema(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "--wheel-dir", str(tmp_path), str(ROOT)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("osai_scan-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    rules = {f"osai_scan/_rules/{p.relative_to(ROOT / 'rules').as_posix()}"
             for p in (ROOT / "rules").rglob("*") if p.is_file()}
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "osai_scan").rglob("*.py")}
    assert rules and rules <= names
    assert modules <= names
    assert "osai_scan/schema/report.schema.json" in names
    assert not {n for n in names if n.startswith(("tests/", "fixtures/", "bench/", "src/"))}
    packaged = {n for n in names if n.startswith("osai_scan/_rules/")}
    assert packaged == rules
