"""Markdown: verdict with reasons, the 5x4 matrix, every profile, findings with hints, licenses."""

from __future__ import annotations

from osai_scan.models import Report
from osai_scan.report import render_markdown


def test_markdown_of_llama_weights(case_reports: dict[str, Report]) -> None:
    text = render_markdown(case_reports["mit-code-llama-weights"])
    lines = text.splitlines()
    assert lines[0].startswith("# osai-scan report: mit-code-llama-weights, commit ")
    verdict = lines.index("## Verdict: Not Open Source AI")
    assert lines[verdict + 2] == ("- model: does not meet the Open Source Definition for study, use, modify, share "
                                  "(llama-2-license-2023 governs 3 file(s), e.g. model/config.json)")
    matrix = lines.index("## Components and freedoms (profile `blog-2024`)")
    assert lines[matrix + 2] == ("| component | requirement | files | status | study | use | modify | share "
                                 "| criterion |")
    assert lines[matrix + 4:matrix + 9] == [
        "| code | required | 5 | **open** | meets | meets | meets | meets | osd |",
        "| training-code | reported | 1 | **open** | meets | meets | meets | meets | osd |",
        "| model | required | 3 | **not-open** | conditional | conditional | conditional | conditional | osd |",
        "| training-data | reported | 0 | **absent** | n/a | n/a | n/a | n/a | osd-or-open-data |",
        "| data | not-applicable | 0 | **absent** | n/a | n/a | n/a | n/a | osd-or-open-data |",
    ]
    profiles = [line.split(" | ")[0] + " | " + line.split(" | ")[2] for line in lines
                if line.startswith("| `")]
    assert profiles == ["| `blog-2024` (decides the verdict) | **Not Open Source AI**",
                        "| `mof` | **Not Open Source AI**",
                        "| `open-science` | **Not Open Source AI**",
                        "| `osaid-1.0` | **Not Open Source AI**"]
    finding = lines.index("- **error** `policy.component-not-open`: Required component 'model' is not open: study, "
                          "use, modify, share are restricted (llama-2-license-2023 governs 3 file(s), e.g. "
                          "model/config.json).")
    assert lines[finding + 1] == "  - files: `model/config.json`, `model/model.safetensors`, `model/tokenizer.json`"
    assert lines[finding + 2].startswith("  - hint: Relicense these files under a license the profile accepts")
    assert "| model | LicenseRef-scancode-llama-2-license-2023 (3 files, e.g. model/config.json) |" in lines
    assert "| training-data | none |" in lines
    assert "| legal | MIT (1 file, e.g. LICENSE) |" in lines


def test_markdown_lists_references_and_escapes_pipes(case_reports: dict[str, Report]) -> None:
    from dataclasses import replace

    report = case_reports["gated-by-reference"]
    text = render_markdown(report)
    (ref,) = report.references
    assert ref.source.startswith("rules/frameworks.yaml:")
    assert ("| code | framework | Hugging Face Transformers | Apache-2.0 | library_name: transformers (README.md) "
            f"| {ref.source} |") in text
    reason = "code: a | b"
    piped = replace(report, verdict=replace(report.verdict, reasons=(reason,)),
                    profiles=tuple((pid, replace(r, verdict=replace(r.verdict, reasons=(reason,))))
                                   for pid, r in report.profiles))
    rows = [line for line in render_markdown(piped).splitlines() if line.startswith("| `osaid-1.0`")]
    assert rows == ["| `osaid-1.0` | Open Source AI Definition 1.0 (OSI, 2024) | **"
                    + rows[0].split("**")[1] + "** | - | code: a \\| b |"]
