"""Hostile local input: every case is scanned (the real ScanCode engine), every file is reported
exactly once with the status and reason below, nothing is unpickled, extracted or followed out,
and the scan finishes. docs/SECURITY.md lists these cases; keep both in step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from osai_scan.attribute.declared import parse_front_matter, read_card
from osai_scan.models import FileStatus, Report
from osai_scan.pipeline import ScanOptions, scan
from osai_scan.report.json import render_json
from osai_scan.sources import LocalSource
from tests.conftest import git, git_repo_with_submodule, make_git_repo, validate_report
from tests.hostile import BIG_LINE_BYTES, HOSTILE, build_hostile

LIMIT = "(MAX_HEADER_BYTES)"
#: path → (status, reason) the report must give.
EXPECTED = {
    "weights/past-end.safetensors": ("error", "invalid safetensors header: header claims 1000 bytes, the file holds "
                                              "2 after the length"),
    "weights/over-limit.safetensors": ("skipped", "safetensors header not read: header claims 8389120 bytes, "
                                                  f"more than the 8388608-byte limit {LIMIT}"),
    "weights/not-json.safetensors": ("error", "invalid safetensors header: header is not valid JSON (Expecting "
                                              "value: line 1 column 37 (char 36))"),
    "weights/long-integer.safetensors": ("error", "invalid safetensors header: header is not valid JSON (Exceeds the "
                                                  "limit (4300 digits) for integer string conversion: value has 5000 "
                                                  "digits; use sys.set_int_max_str_digits() to increase the limit)"),
    "weights/absurd-shape.safetensors": ("error", "invalid safetensors header: tensor 'w' has more than "
                                                  "9223372036854775807 elements; not a real model"),
    "weights/negative.safetensors": ("error", "invalid safetensors header: tensor 'w' has a negative dimension (-4)"),
    "weights/deep.safetensors": ("error", "invalid safetensors header: header JSON is nested too deeply"),
    "weights/absurd-count.gguf": ("error", "invalid gguf header: header truncated"),
    "weights/long-string.gguf": ("skipped", f"gguf header not read: header larger than the 8388608-byte limit {LIMIT}"),
    "weights/nested-arrays.gguf": ("error", "invalid gguf header: arrays nested more than 4 deep"),
    "weights/absurd-tensors.gguf": ("error", "invalid gguf header: tensor 'w' has more than 9223372036854775807 "
                                             "elements; not a real model"),
    "weights.pkl": ("skipped", "binary .pkl file; not read (never unpickled or loaded)"),
    "bomb.zip": ("skipped", "binary .zip file; not read (never unpickled or loaded)"),
    "bomb-without-extension": ("skipped", "binary content (NUL bytes); not read"),
    "loop-a": ("skipped", "symlink to 'loop-b' (inside the scanned folder); not followed"),
    "loop-b": ("skipped", "symlink to 'loop-a' (inside the scanned folder); not followed"),
    "self": ("skipped", "symlink to '.' (inside the scanned folder); not followed"),
    "escape": ("skipped", "symlink to '../../../../../../etc/passwd' (outside the scanned folder); not followed"),
    "big-line.txt": ("skipped", f"file of {BIG_LINE_BYTES} bytes is over the 4194304-byte limit for license detection"),
    "app.min.js": ("scanned", None),
    "invalid-utf8.py": ("scanned", None),
    "deep.ipynb": ("scanned", "not a valid notebook (its JSON does not parse); scanned as text"),
    "config.json": ("scanned", None),
    "pipe": ("skipped", "not a regular file (device, pipe or socket); not read"),
    "package.json": ("scanned", None),
    "pyproject.toml": ("scanned", None),
    "REUSE.toml": ("scanned", None),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Report]:
    base = tmp_path_factory.mktemp("hostile")
    markers = base / "markers"
    markers.mkdir()
    root = build_hostile(base / "repo", markers)
    report = scan(str(root), ScanOptions(use_cache=False, jobs=2))
    (root / "big-line.txt").unlink()  # 200 MB: not kept for the rest of the session
    return root, markers, report


def test_every_case_has_an_expected_outcome() -> None:
    assert sorted(EXPECTED) == sorted(HOSTILE)


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_hostile_file_outcome(hostile, path: str) -> None:
    report = hostile[2]
    entry = report.file(path)
    assert (entry.status.value, entry.status_reason) == EXPECTED[path], HOSTILE[path]


def test_the_report_lists_every_file_once_and_validates(hostile) -> None:
    data = validate_report(json.loads(render_json(hostile[2])))
    assert sorted(f["path"] for f in data["files"]) == sorted(HOSTILE)
    assert data["complete"] is False  # the invalid headers are errors: an auditor must look
    errors = sorted(p for f in data["findings"] if f["id"] == "scan.file-error" for p in f["paths"])
    assert errors == sorted(p for p, (status, _) in EXPECTED.items() if status == "error")


def test_nothing_was_unpickled_extracted_or_followed(hostile) -> None:
    root, markers, report = hostile
    assert list(markers.iterdir()) == []
    for archive in ("bomb.zip", "bomb-without-extension", "weights.pkl"):  # never handed to ScanCode (or an extractor)
        assert (report.file(archive).detection_mode, report.file(archive).detections) == (None, ())
    assert report.file("escape").license is None and report.file("escape").detections == ()
    assert "root:" not in render_json(report)  # /etc/passwd was never read


def test_text_that_is_not_utf8_or_minified_is_still_matched(hostile) -> None:
    report = hostile[2]
    assert report.file("invalid-utf8.py").license == "mit"
    assert report.file("app.min.js").license == "mit"


def test_an_empty_folder_gives_a_complete_report_with_no_files(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    report = scan(str(tmp_path / "empty"), ScanOptions(use_cache=False))
    data = validate_report(json.loads(render_json(report)))
    assert (data["files"], data["complete"], data["verdict"]["status"]) == ([], True, "undetermined")
    assert {c: v["status"] for c, v in data["components"].items()} == {
        "code": "absent", "training-code": "absent", "model": "absent", "training-data": "absent", "data": "absent"}


def test_an_empty_git_repository_gives_a_complete_report(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    report = scan(str(tmp_path), ScanOptions(use_cache=False))
    assert (report.files, report.complete, report.target.commit, report.target.vcs) == ((), True, None, "git")


def test_a_submodule_is_reported_skipped(tmp_path: Path) -> None:
    repo = git_repo_with_submodule(tmp_path)
    report = scan(str(repo), ScanOptions(use_cache=False))
    entry = report.file("vendor/sub")
    assert (entry.status, entry.status_reason) == (
        FileStatus.SKIPPED, "git submodule; its files belong to another repository and are not scanned")
    assert sorted(f.path for f in report.files) == [".gitmodules", "README.md", "vendor/sub"]


def test_a_broken_git_index_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n")
    make_git_repo(tmp_path)
    (tmp_path / ".git" / "index").write_bytes(b"garbage")
    from osai_scan.errors import SourceError

    with pytest.raises(SourceError) as caught:
        scan(str(tmp_path), ScanOptions(use_cache=False))
    assert str(caught.value) == (f"git ls-files failed in '{tmp_path}': fatal: .git/index: index file smaller "
                                 "than expected")
    assert caught.value.exit_code == 3


def test_lfs_pointers_that_lie_about_their_size(tmp_path: Path) -> None:
    oid = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393"
    head = f"version https://git-lfs.github.com/spec/v1\noid sha256:{oid}\n"
    (tmp_path / "huge.safetensors").write_text(head + f"size {10**18}\n")
    (tmp_path / "absurd.safetensors").write_text(head + "size " + "9" * 900 + "\n")
    make_git_repo(tmp_path)
    report = scan(str(tmp_path), ScanOptions(use_cache=False))
    huge = report.file("huge.safetensors")
    assert (huge.status, huge.size, huge.lfs.size if huge.lfs else None) == (FileStatus.SKIPPED, 10**18, 10**18)
    assert huge.status_reason == f"Git LFS pointer: content (sha256 {oid[:12]}..., {10**18} bytes) is not in the work tree"
    absurd = report.file("absurd.safetensors")  # a 900-digit size is no pointer: its bytes are read as a header
    assert (absurd.lfs, absurd.status) == (None, FileStatus.ERROR)
    assert absurd.status_reason == (f"invalid safetensors header: header claims 2336927755350992246 bytes, the file "
                                    f"holds {absurd.size - 8} after the length")  # "version " read as the length
    validate_report(json.loads(render_json(report)))


def test_the_scan_read_budget_skips_what_does_not_fit(tmp_path: Path) -> None:
    for name in ("a.py", "b.py", "c.py"):
        (tmp_path / name).write_text("# SPDX-License-Identifier: MIT\n" + "x = 1\n" * 200)
    source = LocalSource(tmp_path)
    source._reader.budget = 3 * 1231 * 2 + 1231 + 50  # the inventory (3 files), their heads, one file matched
    report = scan(source, ScanOptions(use_cache=False, jobs=1))
    statuses = {f.path: (f.status.value, f.status_reason) for f in report.files}
    assert statuses == {
        "a.py": ("scanned", None),
        "b.py": ("skipped", "not read: the scan's read budget is used up (OSAI_SCAN_MAX_READ_BYTES)"),
        "c.py": ("skipped", "not read: the scan's read budget is used up (OSAI_SCAN_MAX_READ_BYTES)"),
    }
    assert report.complete is True  # a limit, reported per file, not a failure


# --- model cards ---------------------------------------------------------------------------------

CARDS = {
    "malformed": (b"---\nlicense: [mit\n---\n", None,
                  "its YAML front matter is not valid YAML: expected ',' or ']', but got '<stream end>' (line 2)"),
    "binary": (b"---\nlicense: mit\x00\x01\n---\n", None,
               "its YAML front matter is not valid YAML: unacceptable character #x0000: special characters are not "
               "allowed"),
    "non-utf8": (b"---\nlicense: mit\nauthor: \xff\xfe\n---\n", "mit",
                 "it is not valid UTF-8 (byte 25); undecodable bytes replaced"),
    "enormous": (b"---\nlicense: mit\nx: '" + b"y" * 300_000 + b"'\n---\n", None,
                 "its YAML front matter of 300018 bytes is over the 262144-byte limit; not parsed"),
    "alias-bomb": (b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                   b"license: *b\n---\n", None,
                   "its YAML front matter is not valid YAML: aliases are not accepted in a model card (line 3)"),
    "nested-20000": (b"---\nlicense: " + b"[" * 20000 + b"]" * 20000 + b"\n---\n", None,
                     "its YAML front matter is nested too deeply to parse"),
    "not-a-mapping": (b"---\n- license\n- mit\n---\n", None, "its YAML front matter is a list, not a mapping of keys"),
    "10000-tags": (b"---\nlicense: mit\ntags:\n" + b"".join(b"- t%d\n" % i for i in range(10000)) + b"---\n", "mit",
                   None),
}


@pytest.mark.parametrize("case", sorted(CARDS))
def test_card_front_matter(case: str) -> None:
    raw, license_, problem = CARDS[case]
    card, said = read_card(raw)
    assert said == problem
    assert (card or {}).get("license") == license_
    if case == "10000-tags":
        assert len(card["tags"]) == 10000


def test_card_not_closed_within_the_read_limit() -> None:
    assert read_card(b"---\nlicense: mit\n" + b"a: b\n" * 10, truncated=True) == (
        None, "its YAML front matter is not closed within the first 1048576 bytes (card read limit)")
    assert parse_front_matter("---\nlicense: mit\n") is None


@pytest.mark.parametrize("case", ["nested-20000", "binary", "enormous"])
def test_a_bad_card_is_a_finding_and_the_scan_goes_on(tmp_path: Path, case: str) -> None:
    (tmp_path / "README.md").write_bytes(CARDS[case][0] + b"# Model\n")
    (tmp_path / "model.py").write_text("# SPDX-License-Identifier: MIT\nimport torch\n")
    report = scan(str(tmp_path), ScanOptions(use_cache=False, jobs=1))
    (finding,) = [f for f in report.findings if f.id == "declared.card-unreadable"]
    assert (finding.message, finding.paths) == (f"The model card README.md: {CARDS[case][2]}.", ("README.md",))
    assert report.file("model.py").license == "mit" and report.complete is True
    validate_report(json.loads(render_json(report)))


def test_a_card_over_the_read_limit_is_read_to_the_limit(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_bytes(b"---\nlicense: mit\n" + b"x" * (1024 * 1024 + 10))
    report = scan(str(tmp_path), ScanOptions(use_cache=False, jobs=1))
    (finding,) = [f for f in report.findings if f.id == "declared.card-unreadable"]
    assert finding.message == ("The model card README.md: its YAML front matter is not closed within the first "
                               "1048576 bytes (card read limit).")


def test_deep_manifests_and_reuse_toml_do_not_stop_the_scan(hostile) -> None:
    report = hostile[2]
    (reuse,) = [f for f in report.findings if f.id == "attribution.reuse-invalid"]
    assert reuse.paths == ("REUSE.toml",) and "invalid TOML: nested too deeply to parse" in reuse.message
    assert [d for d in report.declared.licenses if d.path in ("package.json", "pyproject.toml")] == []


def test_a_plain_folder_reports_the_submodules_its_gitmodules_lists(tmp_path: Path) -> None:
    # pythia exported without .git: .gitmodules names utils/gpt-neox (its training code), whose
    # folder is empty. The report lists it, skipped, as a git work tree lists its gitlink.
    root = tmp_path / "repo"
    (root / "utils" / "gpt-neox").mkdir(parents=True)
    (root / "vendor" / "lib").mkdir(parents=True)
    (root / "vendor" / "lib" / "a.py").write_text("x = 1\n")
    (root / "README.md").write_text("# x\n")
    (root / ".gitmodules").write_text(
        '[submodule "utils/gpt-neox"]\n\tpath = utils/gpt-neox\n\turl = https://github.com/EleutherAI/gpt-neox\n'
        '[submodule "vendor/lib"]\n\tpath = vendor/lib\n\turl = https://example.org/lib\n'
        '[submodule "bad"]\n\tpath = ../outside\n')
    report = scan(str(root), ScanOptions(use_cache=False))
    assert sorted(f.path for f in report.files) == [".gitmodules", "README.md", "utils/gpt-neox", "vendor/lib/a.py"]
    entry = report.file("utils/gpt-neox")
    assert (entry.status, entry.status_reason) == (
        FileStatus.SKIPPED, "git submodule listed in .gitmodules (https://github.com/EleutherAI/gpt-neox), not present "
                            "in this folder: its files belong to another repository and are not scanned")
