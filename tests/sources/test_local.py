"""Plain-folder and git work-tree inventories."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from osai_scan.inventory import build_inventory
from osai_scan.pipeline import scan
from osai_scan.report.json import report_dict
from osai_scan.sources import GitSource, LocalSource, open_source
from tests.conftest import git, git_repo_with_submodule, make_git_repo, validate_report

LFS_OID = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393"
POINTER = f"version https://git-lfs.github.com/spec/v1\noid sha256:{LFS_OID}\nsize 5368709120\n"


def test_symlinks_are_listed_but_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.py").write_text("print('not ours')\n")
    repo = tmp_path / "repo"
    (repo / "src").mkdir(parents=True)
    (repo / "src" / "a.py").write_text("x = 1\n")
    os.symlink(outside / "secret.py", repo / "src" / "link.py")
    os.symlink(outside, repo / "linked-dir")
    os.symlink("a.py", repo / "src" / "inside.py")
    entries = {e.path: e for e in build_inventory(LocalSource(repo))}
    assert sorted(entries) == ["linked-dir", "src/a.py", "src/inside.py", "src/link.py"]
    assert entries["src/link.py"].problem == f"symlink to '{outside / 'secret.py'}' (outside the scanned folder); not followed"
    assert entries["linked-dir"].problem.startswith(f"symlink to '{outside}' (outside")
    assert entries["src/inside.py"].problem == "symlink to 'a.py' (inside the scanned folder); not followed"
    report = validate_report(report_dict(scan(str(repo))))
    statuses = {f["path"]: f["status"] for f in report["files"]}
    assert statuses == {"linked-dir": "skipped", "src/a.py": "scanned", "src/inside.py": "skipped",
                        "src/link.py": "skipped"}


def test_content_ids_match_git_blob_ids(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text("loss.backward()\n")
    (tmp_path / "model.safetensors").write_text(POINTER)
    plain = {e.path: e for e in build_inventory(LocalSource(tmp_path))}
    make_git_repo(tmp_path)
    tracked = {e.path: e for e in build_inventory(GitSource(tmp_path))}
    blob = git(tmp_path, "rev-parse", "HEAD:train.py").strip()
    assert plain["train.py"].content_id == tracked["train.py"].content_id == f"git-blob:{blob}"
    for entries in (plain, tracked):
        pointer = entries["model.safetensors"]
        assert pointer.lfs is not None and pointer.lfs.oid == LFS_OID and pointer.lfs.size == 5368709120
        assert pointer.size == 5368709120 and pointer.content_id == f"sha256:{LFS_OID}"


def test_lfs_pointer_is_classified_by_path_and_reported_skipped(tmp_path: Path) -> None:
    (tmp_path / "LICENSE").write_text("MIT License\n\nPermission is hereby granted, free of charge\n")
    (tmp_path / "model-00001-of-00002.safetensors").write_text(POINTER)
    make_git_repo(tmp_path)
    report = validate_report(report_dict(scan(str(tmp_path))))
    weights = next(f for f in report["files"] if f["path"] == "model-00001-of-00002.safetensors")
    assert (weights["component"], weights["rule"], weights["status"]) == ("model", "model.weights", "skipped")
    assert weights["lfs"] == {"oid": LFS_OID, "size": 5368709120}
    assert weights["status_reason"].startswith("Git LFS pointer: content (sha256 4d7a214614ab...")


def test_git_source_reports_commit_dirty_and_untracked(tmp_path: Path) -> None:
    (tmp_path / "model.py").write_text("# SPDX-License-Identifier: MIT\n")
    (tmp_path / ".gitignore").write_text("*.log\n")
    commit = make_git_repo(tmp_path)
    source = open_source(str(tmp_path))
    assert isinstance(source, GitSource)
    info = source.describe()
    assert (info.commit, info.dirty, info.vcs) == (commit, False, "git")
    (tmp_path / "model.py").write_text("# SPDX-License-Identifier: Apache-2.0\n")
    (tmp_path / "notes.txt").write_text("draft\n")
    (tmp_path / "debug.log").write_text("ignored\n")
    source = open_source(str(tmp_path))
    assert source.describe().dirty is True
    entries = {e.path: e for e in build_inventory(source)}
    assert sorted(entries) == [".gitignore", "model.py", "notes.txt"]
    changed = (tmp_path / "model.py").read_bytes()
    expected = hashlib.sha1(b"blob %d\0" % len(changed) + changed).hexdigest()
    assert entries["model.py"].content_id == f"git-blob:{expected}"
    report = validate_report(report_dict(scan(str(tmp_path))))
    finding = next(f for f in report["findings"] if f["id"] == "scan.untracked-files")
    assert finding["paths"] == ["notes.txt"] and finding["severity"] == "warning"
    assert next(f for f in report["files"] if f["path"] == "model.py")["license"] == "apache-2.0"


def test_scanning_a_subfolder_of_a_work_tree_lists_paths_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "models" / "tiny").mkdir(parents=True)
    (tmp_path / "models" / "tiny" / "config.json").write_text("{}\n")
    (tmp_path / "other.py").write_text("x = 1\n")
    make_git_repo(tmp_path)
    entries = build_inventory(open_source(str(tmp_path / "models")))
    assert [e.path for e in entries] == ["tiny/config.json"]


def test_submodule_is_listed_as_skipped(tmp_path: Path) -> None:
    repo = git_repo_with_submodule(tmp_path)
    entries = {e.path: e for e in build_inventory(open_source(str(repo)))}
    assert entries["vendor/sub"].problem.startswith("git submodule")
    assert ".gitmodules" in entries
