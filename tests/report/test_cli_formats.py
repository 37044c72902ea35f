"""`scan --format F --output-dir`, `render REPORT.json`, and the round trip: a saved report renders
byte for byte as the scan did, in every format, for every fixture case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from osai_scan.cli.main import cli
from osai_scan.models import Report
from osai_scan.report import FILENAMES, RENDERERS, load_report, render_json
from tests.report.conftest import CASES


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("case", CASES)
def test_render_of_a_saved_report_equals_the_direct_output(case: str, case_reports: dict[str, Report]) -> None:
    report = case_reports[case]
    loaded = load_report(render_json(report))
    assert loaded == report
    for name, renderer in RENDERERS.items():
        assert renderer(loaded) == renderer(report), f"{name} differs after the round trip for {case}"


def test_scan_writes_one_file_per_format_and_render_reproduces_each(copy_case, tmp_path: Path) -> None:
    repo = copy_case("mit-code-llama-weights", git_repo=True)
    out = tmp_path / "out"
    args = ["scan", str(repo), "-q", "--no-cache", "--output-dir", str(out)]
    for name in FILENAMES:
        args += ["--format", name]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(FILENAMES.values())
    assert result.stdout == ""
    saved = out / "report.json"
    assert json.loads(saved.read_text(encoding="utf-8"))["verdict"]["status"] == "not-open-source-ai"
    for name, filename in FILENAMES.items():
        rendered = run("render", str(saved), "--format", name)
        assert rendered.exit_code == 0
        assert rendered.stdout == (out / filename).read_text(encoding="utf-8"), name
    single = tmp_path / "one.md"
    assert run("render", str(saved), "--format", "markdown", "-o", str(single)).exit_code == 0
    assert single.read_text(encoding="utf-8") == (out / "report.md").read_text(encoding="utf-8")


def test_format_and_output_misuse_are_usage_errors(copy_case, tmp_path: Path) -> None:
    repo = copy_case("no-license")
    result = run("scan", str(repo), "-q", "--format", "json", "--format", "markdown")
    assert result.exit_code == 2
    assert "several --format values need --output-dir DIR" in result.stderr
    result = run("scan", str(repo), "-q", "-o", str(tmp_path / "r.json"), "--output-dir", str(tmp_path / "d"))
    assert result.exit_code == 2 and "either -o/--output or --output-dir" in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    result = run("render", str(bad), "--format", "markdown")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {bad}: not an osai-scan JSON report (no schema_version/files)"
    bad.write_text("not json", encoding="utf-8")
    result = run("render", str(bad))
    assert result.exit_code == 2 and result.stderr.startswith(f"Error: {bad}: not JSON (")


def test_round_trip_with_a_profile_of_ones_own(copy_case, tmp_path: Path) -> None:
    """A profile from --rules is reported like the built-in ones and survives the round trip."""
    from osai_scan.pipeline import ScanOptions, scan
    from tests.conftest import ROOT

    rules = tmp_path / "rules" / "profiles"
    rules.mkdir(parents=True)
    text = (ROOT / "rules" / "profiles" / "blog-2024.yaml").read_text(encoding="utf-8")
    (rules / "aaa-local.yaml").write_text(text.replace("id: blog-2024", "id: aaa-local"), encoding="utf-8")
    report = scan(str(copy_case("mit-code-llama-weights", git_repo=True)),
                  ScanOptions(use_cache=False, rules_dirs=(rules.parent,)))
    assert "aaa-local" in dict(report.profiles)
    loaded = load_report(render_json(report))
    assert loaded == report
    for name, renderer in RENDERERS.items():
        assert renderer(loaded) == renderer(report), name
    assert "| `aaa-local` | " in RENDERERS["markdown"](report)
