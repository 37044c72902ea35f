"""Targets files, the JSONL results file, the summary and ``osai-scan batch-report``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from osai_scan.cli.main import cli
from osai_scan.errors import UsageError
from osai_scan.fleet import ResultsFile, aggregate, error_record, parse_targets, read_targets
from osai_scan.fleet.results import iter_records
from osai_scan.fleet.summary import render_summary_text


def _ok(target: str, verdict: str, license_: str | None, findings: dict[str, int]) -> dict:
    return {"target": target, "ok": True, "exit_code": 0, "error": None, "error_kind": None,
            "timings": {"total": 0.25}, "worker": "host:1",
            "summary": {"commit": "c0ffee", "verdicts": {"blog-2024": verdict, "mof": "undetermined"},
                        "model_license": license_, "findings_by_severity": {"error": 1, "warning": 2, "info": 0},
                        "findings": findings}}


RECORDS = [
    _ok("hf:a/one", "open-source-ai", "apache-2.0", {"code.by-reference": 1}),
    _ok("hf:a/two", "not-open-source-ai", "llama3.1", {"code.by-reference": 1, "policy.component-not-open": 2}),
    _ok("./local", "open-source-ai", "apache-2.0", {}),
    error_record("hf:a/gone", "Hub repo 'a/gone' was not found.", "HubRepoNotFoundError"),
]


def test_targets_file_comments_blanks_and_duplicates():
    text = "# catalogue\n\nhf:a/one@v1.0  # pinned\n  https://huggingface.co/a/two\n./models/x\nhf:a/one@v1.0\n"
    assert parse_targets(text) == ["hf:a/one@v1.0", "https://huggingface.co/a/two", "./models/x"]


def test_a_targets_file_without_targets_is_a_usage_error(tmp_path):
    (tmp_path / "t.txt").write_text("# nothing yet\n\n")
    with pytest.raises(UsageError, match="lists no target"):
        read_targets(tmp_path / "t.txt")
    with pytest.raises(UsageError, match="cannot read the targets file"):
        read_targets(tmp_path / "missing.txt")


def test_resume_drops_a_cut_last_line_and_keeps_whole_ones(tmp_path):
    path = tmp_path / "r.jsonl"
    with ResultsFile(path, resume=False) as results:
        for record in RECORDS[:2]:
            results.write(record)
    whole = path.read_bytes()
    path.write_bytes(whole + b'{"target": "hf:a/cut", "ok": tr')
    with ResultsFile(path, resume=True) as results:
        assert results.done == {"hf:a/one", "hf:a/two"}
        results.write(RECORDS[2])
    assert path.read_bytes().startswith(whole)
    assert [r["target"] for r in iter_records(path)] == ["hf:a/one", "hf:a/two", "./local"]
    with ResultsFile(path, resume=False) as results:
        assert results.done == set()
    assert path.read_bytes() == b""


def test_summary_counts_verdicts_licenses_findings_and_errors():
    summary = aggregate(RECORDS)
    assert (summary.targets, summary.scanned, summary.failed, summary.incomplete) == (4, 3, 1, 0)
    assert summary.verdicts == (("blog-2024", (("open-source-ai", 2), ("not-open-source-ai", 1))),
                                ("mof", (("undetermined", 3),)))
    assert summary.licenses == (("apache-2.0", 2), ("llama3.1", 1))
    assert summary.findings == (("code.by-reference", 2), ("policy.component-not-open", 1))
    assert render_summary_text(summary) == (
        "4 target(s): 3 scanned (0 incomplete), 1 failed (HubRepoNotFoundError 1)\n"
        "  verdicts (blog-2024): open-source-ai 2, not-open-source-ai 1\n"
        "  verdicts (mof): undetermined 3\n"
        "  model licenses: apache-2.0 2, llama3.1 1\n"
        "  most common findings (targets): code.by-reference 2, policy.component-not-open 1\n")


@pytest.fixture
def results_file(tmp_path):
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    return path


def test_batch_report_csv_has_one_row_per_target(results_file):
    result = CliRunner().invoke(cli, ["batch-report", str(results_file), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "target,status,exit,commit,blog-2024,mof,model license,errors,warnings,seconds,error",
        "hf:a/one,scanned,0,c0ffee,open-source-ai,undetermined,apache-2.0,1,2,0.25,",
        "hf:a/two,scanned,0,c0ffee,not-open-source-ai,undetermined,llama3.1,1,2,0.25,",
        "./local,scanned,0,c0ffee,open-source-ai,undetermined,apache-2.0,1,2,0.25,",
        "hf:a/gone,failed,3,,,,,,,,Hub repo 'a/gone' was not found.",
    ]


def test_batch_report_markdown_html_and_table(results_file):
    runner = CliRunner()
    markdown = runner.invoke(cli, ["batch-report", str(results_file), "--format", "markdown"]).output
    assert "- verdicts (blog-2024): open-source-ai 2, not-open-source-ai 1" in markdown
    assert "| hf:a/two | scanned | 0 | c0ffee | not-open-source-ai | undetermined | llama3.1 | 1 | 2 | 0.25 |  |" \
        in markdown.splitlines()
    page = runner.invoke(cli, ["batch-report", str(results_file), "--format", "html"]).output
    assert page.startswith("<!DOCTYPE html>") and "<td>Hub repo &#x27;a/gone&#x27; was not found.</td>" in page
    table = runner.invoke(cli, ["batch-report", str(results_file)]).output
    assert table.splitlines()[-2:] == ["failed:", "hf:a/gone: Hub repo 'a/gone' was not found."]
    assert "hf:a/one   scanned  0     c0ffee  open-source-ai      undetermined  apache-2.0" in table
