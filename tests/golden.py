"""Golden reports: fixtures/expected/<case>.json, normalised so they do not depend on the
machine, the tool version or the rules digest. ``make golden`` regenerates them."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conftest import FIXTURES, case_dir, make_git_repo  # noqa: E402

EXPECTED = FIXTURES / "expected"


def normalise(report: dict) -> dict:
    """Drop what changes between machines and versions (tool versions, paths, commit ids)."""
    out = json.loads(json.dumps(report))
    out.pop("tool", None)
    for key in ("path", "commit", "name"):
        out["target"].pop(key, None)
    return out


def render(report: dict) -> str:
    return json.dumps(normalise(report), indent=2, sort_keys=True) + "\n"


def cases() -> list[str]:
    return ["example"] + sorted(p.name for p in (FIXTURES / "repos").iterdir() if p.is_dir())


def scan_case_as_git(case: str, workdir: Path) -> dict:
    from osai_scan.pipeline import scan
    from osai_scan.report.json import report_dict

    target = workdir / case
    shutil.copytree(case_dir(case), target, symlinks=True)
    make_git_repo(target)
    return report_dict(scan(str(target)))


def main() -> None:
    EXPECTED.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases():
            (EXPECTED / f"{case}.json").write_text(render(scan_case_as_git(case, Path(tmp))), encoding="utf-8")
            print("wrote", EXPECTED / f"{case}.json")


if __name__ == "__main__":
    main()
