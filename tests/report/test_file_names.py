"""File names that are not valid UTF-8, or hold a newline or a tab, or start with dashes: every
format shows the documented escaped form and carries the exact bytes (base64); nothing is lost."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from osai_scan.cli.main import cli
from osai_scan.models import Report, escaped_name, lossless_names, name_from_base64
from osai_scan.report import load_report, render_cyclonedx, render_html, render_json, render_markdown, render_mot
from osai_scan.report import render_sarif, render_spdx, render_table
from tests.conftest import validate_report
from tests.report.validators import validate_cyclonedx, validate_mot, validate_sarif, validate_spdx

MIT = "# SPDX-License-Identifier: MIT\nx = 1\n"
#: exact name (bytes) → escaped path in the report
NAMES = {
    b"\xff\xfe.py": "\\xff\\xfe.py",
    b"new\nline.py": "new\\nline.py",
    b"tab\there.txt": "tab\\there.txt",
    b"\\xff\\xfe.py": "\\\\xff\\\\xfe.py",  # a literal backslash: escaped too, never mistaken for the bytes
}
PLAIN = ["-rf.py", "--help"]


@pytest.fixture(scope="module")
def odd_names(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    from osai_scan.pipeline import ScanOptions, scan

    root = tmp_path_factory.mktemp("names") / "repo"
    root.mkdir()
    for raw in NAMES:
        with open(os.path.join(os.fsencode(root), raw), "w", encoding="utf-8") as handle:
            handle.write("x = 1\n" if raw.endswith(b".py") else "notes\n")  # unlicensed: named by a finding
    (root / "-rf.py").write_text(MIT, encoding="utf-8")
    (root / "--help").write_text("help text\n", encoding="utf-8")
    return root, scan(str(root), ScanOptions(use_cache=False, jobs=1))


def test_json_has_the_escaped_form_and_the_exact_bytes(odd_names) -> None:
    root, report = odd_names
    data = validate_report(json.loads(render_json(report)))
    files = {f["path"]: f for f in data["files"]}
    assert sorted(files) == sorted([*NAMES.values(), *PLAIN])
    for raw, shown in NAMES.items():
        assert base64.b64decode(files[shown]["path_base64"]) == raw
        assert files[shown]["status"] == "scanned"
    assert {os.fsencode(p) for p in os.listdir(root)} == {base64.b64decode(f["path_base64"]) if "path_base64" in f
                                                          else f["path"].encode() for f in files.values()}
    for plain in PLAIN:
        assert "path_base64" not in files[plain]
    assert (files["-rf.py"]["license"], files["-rf.py"]["status"]) == ("mit", "scanned")
    assert files["\\xff\\xfe.py"]["license"] is None
    assert files["--help"]["status"] == "scanned"


def test_a_saved_report_renders_the_same_after_loading(odd_names, tmp_path: Path) -> None:
    _, report = odd_names
    saved = tmp_path / "report.json"
    saved.write_text(render_json(report), encoding="utf-8")
    again = load_report(saved.read_text(encoding="utf-8"))
    assert render_json(again) == render_json(report)
    assert name_from_base64(again.file("\\xff\\xfe.py").path_base64 or "") == "\udcff\udcfe.py"


def test_table_lists_escaped_names_with_their_bytes(odd_names) -> None:
    text = render_table(odd_names[1])
    assert "  \\xff\\xfe.py  base64://4ucHk=\n" in text
    assert "  new\\nline.py  base64:bmV3CmxpbmUucHk=\n" in text
    assert "  tab\\there.txt  base64:dGFiCWhlcmUudHh0\n" in text
    assert not any(line.startswith("line.py") for line in text.splitlines())  # no name spans two lines
    assert "\t" not in text


def test_markdown_lists_escaped_names_with_their_bytes(odd_names) -> None:
    text = render_markdown(odd_names[1])
    assert "## File names shown escaped" in text
    assert "| \\\\xff\\\\xfe.py | //4ucHk= |" in text  # a Markdown cell escapes the backslash
    assert not any(line.startswith("line.py") for line in text.splitlines())


def test_html_shows_the_bytes_next_to_the_escaped_name(odd_names) -> None:
    text = render_html(odd_names[1])
    assert '<td>\\xff\\xfe.py <span class="b64"' in text
    assert "(exact name, base64: //4ucHk=)</span></td>" in text
    assert "(exact name, base64: bmV3CmxpbmUucHk=)" in text


def test_sarif_percent_encodes_the_exact_bytes(odd_names) -> None:
    log = validate_sarif(render_sarif(odd_names[1]))
    artifacts = [loc["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]
                 for loc in r.get("locations", [])]
    by_uri = {a["uri"]: a for a in artifacts}
    assert by_uri["%FF%FE.py"]["properties"] == {"escapedPath": "\\xff\\xfe.py", "pathBase64": "//4ucHk="}
    assert by_uri["new%0Aline.py"]["properties"]["pathBase64"] == "bmV3CmxpbmUucHk="


def test_cyclonedx_carries_the_bytes_as_properties(odd_names) -> None:
    bom = validate_cyclonedx(render_cyclonedx(odd_names[1]))
    props = {p["name"]: p["value"] for p in bom["metadata"]["properties"]}
    assert props["osai-scan:path-base64:\\xff\\xfe.py"] == "//4ucHk="
    assert props["osai-scan:path-base64:tab\\there.txt"] == "dGFiCWhlcmUudHh0"


def test_spdx_file_comment_carries_the_bytes(odd_names) -> None:
    doc = validate_spdx(render_spdx(odd_names[1]))
    files = {f["fileName"]: f for f in doc["files"]}
    assert files["./\\xff\\xfe.py"]["comment"].endswith("file name shown escaped, exact name (base64): //4ucHk=")
    assert "base64" not in files["./-rf.py"]["comment"]


def test_spdx3_file_comment_carries_the_bytes(odd_names) -> None:
    from osai_scan.report import render_spdx3
    from tests.report.validators import validate_spdx3

    doc = validate_spdx3(render_spdx3(odd_names[1]))
    files = {e["name"]: e for e in doc["@graph"] if e["type"] == "software_File"}
    assert files["\\xff\\xfe.py"]["comment"].endswith("file name shown escaped, exact name (base64): //4ucHk=")
    assert files["new\\nline.py"]["comment"].endswith("(base64): bmV3CmxpbmUucHk=")
    assert "base64" not in files["-rf.py"]["comment"]


def test_mot_record_carries_the_bytes_of_an_escaped_component_path(tmp_path: Path) -> None:
    from osai_scan.pipeline import ScanOptions, scan

    root = tmp_path / "repo"
    root.mkdir()
    with open(os.path.join(os.fsencode(root), b"\xffmodel.py"), "w", encoding="utf-8") as handle:
        handle.write("# SPDX-License-Identifier: MIT\nimport torch\nclass Net(torch.nn.Module):\n    pass\n")
    record = validate_mot(render_mot(scan(str(root), ScanOptions(use_cache=False, jobs=1))))
    (entry,) = [c for c in record["release"]["components"] if c.get("component_path")]
    assert (entry["component_path"], entry["component_path_base64"]) == ("\\xffmodel.py", "/21vZGVsLnB5")


def test_cli_writes_the_report_of_a_non_utf8_name(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    open(os.path.join(os.fsencode(root), b"\xff\xfe.py"), "w").close()
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["scan", str(root), "-q", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    (entry,) = validate_report(json.loads(out.read_text(encoding="utf-8")))["files"]
    assert (entry["path"], entry["path_base64"], entry["status"]) == ("\\xff\\xfe.py", "//4ucHk=", "scanned")


def test_escaped_form_and_stray_surrogates() -> None:
    assert escaped_name("a\udcff\x1b\r.py") == "a\\xff\\x1b\\r.py"
    assert escaped_name("a\\b") == "a\\\\b"
    assert escaped_name("\ud800x") == "\\ud800x"  # a lone surrogate a JSON listing can send
    assert escaped_name("plain/ü.py") == "plain/ü.py"


def test_a_report_without_odd_names_is_left_as_it_is(odd_names) -> None:
    import dataclasses

    report = odd_names[1]
    plain = dataclasses.replace(report, files=tuple(f for f in report.files if f.path_base64 is None))
    assert lossless_names(plain) is plain
