"""One AI system from several sources (issue 14): a local code repository (fixtures/systems/) and
the Hub repository of its weights (tests/hubrepos_system.py, on the fake Hub), judged together.

Real ScanCode runs on the real license texts of both halves; the Hub half is served by the fake
Hub on 127.0.0.1 through the real huggingface_hub client.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Iterator

import pytest

from osai_scan import ScanOptions, scan
from osai_scan.fleet import parse_targets, scan_target, split_system
from osai_scan.models import Component, ComponentStatus, Presence, ReferenceKind, Report, Severity, VerdictStatus
from osai_scan.report import RENDERERS, load_report, render_json
from osai_scan.sources import HubOptions
from osai_scan.sources.hub_http import RetryPolicy
from tests.conftest import FIXTURES, make_git_repo
from tests.fakehub import FakeHub
from tests.hubenv import clean, hf_env, hub_env, report_data, run_cli  # noqa: F401 - fixtures
from tests.hubrepos_system import write_systems
from tests.report.validators import VALIDATORS

APACHE, NC, LLAMA, MISSING = "hf:sys/tinygpt-apache", "hf:sys/tinygpt-nc", "hf:sys/tinygpt-llama", "hf:sys/missing"


@pytest.fixture(scope="module")
def system_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeHub]:
    root = tmp_path_factory.mktemp("systems") / "hub"
    write_systems(root)
    with FakeHub(root) as hub:
        yield hub


@pytest.fixture
def fresh_hub(system_hub: FakeHub) -> Iterator[FakeHub]:
    yield from clean(system_hub)


def _code(tmp_path: Path, name: str = "mit-code", git: bool = True) -> str:
    target = tmp_path / name
    if not target.exists():
        shutil.copytree(FIXTURES / "systems" / name, target)
        if git:
            make_git_repo(target)
    return str(target)


def _options(hub: FakeHub, tmp_path: Path, **kw: object) -> ScanOptions:
    return ScanOptions(use_cache=False, jobs=1, **kw,  # type: ignore[arg-type]
                       hub=HubOptions(endpoint=hub.endpoint, cache_dir=tmp_path / "hfcache",
                                      retry=RetryPolicy(attempts=2, backoff=0.05, timeout=2.0), timeout=2.0))


def _licenses(report: Report, component: Component) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(lc.expression, lc.sources) for lc in report.component(component).licenses]


def test_mit_code_with_apache_weights_is_open_source_ai(fresh_hub: FakeHub, tmp_path: Path) -> None:
    code = _code(tmp_path)
    report = scan([code, APACHE], _options(fresh_hub, tmp_path))
    data = report_data(report)  # validates against the schema
    assert report.verdict.status is VerdictStatus.OPEN_SOURCE_AI
    assert _licenses(report, Component.CODE) == [("mit", ("mit-code",))]
    assert _licenses(report, Component.MODEL) == [("apache-2.0", ("sys/tinygpt-apache",))]
    assert report.component(Component.MODEL).presence is Presence.PRESENT
    # one target entry per source: kind, path or repo id, revision asked, commit resolved
    assert report.target.kind == "system" and report.target.name == "mit-code + sys/tinygpt-apache"
    local, remote = report.sources
    assert (local.label, local.given, local.target.kind, local.target.path, local.target.vcs) == \
        ("mit-code", code, "local", code, "git")
    assert len(local.target.commit or "") == 40 and local.files == 8 and local.followed_from is None
    assert (remote.label, remote.given, remote.target.kind, remote.target.repo_id, remote.target.revision) == \
        ("sys/tinygpt-apache", APACHE, "hub", "sys/tinygpt-apache", "main")
    assert len(remote.target.commit or "") == 40 and remote.files == 4 and remote.complete and remote.error is None
    # every file once, with its source, its path prefixed by the source's label
    paths = [f.path for f in report.files]
    assert len(paths) == len(set(paths)) == 12
    assert all(f.path.startswith(f.source + "/") for f in report.files)
    assert sorted(p for p in paths if p.startswith("sys/")) == [
        "sys/tinygpt-apache/LICENSE", "sys/tinygpt-apache/README.md", "sys/tinygpt-apache/config.json",
        "sys/tinygpt-apache/model.safetensors"]
    assert [s["label"] for s in data["sources"]] == ["mit-code", "sys/tinygpt-apache"]
    assert data["files"][0]["source"] == "mit-code"
    # the sources declare different licenses: a finding says which source decides which component
    differ = [f for f in report.findings if f.id == "system.licenses-differ"]
    assert len(differ) == 1 and differ[0].severity is Severity.INFO
    assert "code by mit-code (MIT: 5 file(s))" in differ[0].message
    assert "model by sys/tinygpt-apache (Apache-2.0: 2 file(s))" in differ[0].message
    assert differ[0].paths == ("mit-code/LICENSE", "sys/tinygpt-apache/LICENSE", "sys/tinygpt-apache/README.md")
    # the code's from_pretrained reference is not needed any more: the weights are in the system
    assert not [r for r in report.references if r.kind is ReferenceKind.WEIGHTS]
    assert report.complete
    # path rules of the profiles see a file's path inside its source: the Hub card is the model card
    mof = report.profile_result("mof").mof
    assert mof is not None
    card = next(c for c in mof.components if c.id == "model-card")
    assert card.paths == ("mit-code/README.md", "sys/tinygpt-apache/README.md")


def test_files_at_the_same_paths_stay_distinct(fresh_hub: FakeHub, tmp_path: Path) -> None:
    report = scan([_code(tmp_path), APACHE], _options(fresh_hub, tmp_path))
    assert report.file("mit-code/LICENSE").license == "mit"
    assert report.file("sys/tinygpt-apache/LICENSE").license == "apache-2.0"
    assert report.file("mit-code/README.md").source == "mit-code"
    assert report.file("sys/tinygpt-apache/README.md").source == "sys/tinygpt-apache"
    # attribution stays within a source: the weights are governed by their own repository's license
    weights = report.file("sys/tinygpt-apache/model.safetensors")
    assert weights.component is Component.MODEL and weights.license == "apache-2.0"
    assert weights.attribution.source_path and all(
        p.startswith("sys/tinygpt-apache/") for p in weights.attribution.source_path.split(", "))
    model_py = report.file("mit-code/src/tinygpt/model.py")
    assert model_py.license == "mit" and model_py.attribution.source_path == "mit-code/src/tinygpt/model.py"


@pytest.mark.parametrize("weights, expression", [(NC, "cc-by-nc-4.0"), (LLAMA, "llama-2-license-2023")])
def test_weights_under_a_restrictive_license_make_it_not_open(fresh_hub: FakeHub, tmp_path: Path, weights: str,
                                                              expression: str) -> None:
    report = scan([_code(tmp_path), weights], _options(fresh_hub, tmp_path))
    repo = weights[3:]
    assert report.verdict.status is VerdictStatus.NOT_OPEN_SOURCE_AI
    assert report.component(Component.CODE).status is ComponentStatus.OPEN
    assert report.component(Component.MODEL).status is ComponentStatus.NOT_OPEN
    assert _licenses(report, Component.MODEL) == [(expression, (repo,))]
    model_reasons = [r for r in report.verdict.reasons if r.startswith("model:")]
    assert len(model_reasons) == 1 and f"e.g. {repo}/config.json" in model_reasons[0]
    assert expression in model_reasons[0]
    not_open = [f for f in report.findings if f.id == "policy.component-not-open"]
    assert [f.paths for f in not_open] == [(f"{repo}/config.json", f"{repo}/model.safetensors")]


def test_follow_reaches_the_verdict_of_passing_both(fresh_hub: FakeHub, tmp_path: Path) -> None:
    code = _code(tmp_path)
    both = scan([code, APACHE], _options(fresh_hub, tmp_path))
    followed = scan([code], _options(fresh_hub, tmp_path, follow=True))
    assert followed.verdict == both.verdict and followed.verdict.status is VerdictStatus.OPEN_SOURCE_AI
    assert followed.components == both.components
    assert [f.path for f in followed.files] == [f.path for f in both.files]
    source = followed.sources[1]
    assert (source.label, source.given, source.followed_from) == ("sys/tinygpt-apache", APACHE, "mit-code")
    assert source.reference == "mit-code/README.md, line 3 (weights.hub.from-pretrained)"
    note = [f for f in followed.findings if f.id == "system.source-followed"]
    assert len(note) == 1 and note[0].source == "sys/tinygpt-apache" and note[0].paths == ("mit-code/README.md",)
    assert "added by --follow" in note[0].message and "contributes 4 file(s) (model)" in note[0].message
    # only the follow finding tells the two reports apart
    assert sorted(f.id for f in followed.findings) == sorted([f.id for f in both.findings] + ["system.source-followed"])


def test_without_follow_the_reference_is_reported_with_the_command(fresh_hub: FakeHub, tmp_path: Path) -> None:
    code = _code(tmp_path)
    report = scan(code, _options(fresh_hub, tmp_path))
    assert report.verdict.status is VerdictStatus.UNDETERMINED and report.sources == ()
    weights = [r for r in report.references if r.kind is ReferenceKind.WEIGHTS]
    assert [(r.id, r.source) for r in weights] == [("sys/tinygpt-apache", "README.md, line 3")]
    assert "osai-scan scan hf:sys/tinygpt-apache" in weights[0].detail
    absent = next(f for f in report.findings if f.id == "policy.component-absent")
    assert "osai-scan scan hf:sys/tinygpt-apache" in absent.hint
    data = json.loads(render_json(report))
    assert "sources" not in data and all("source" not in f for f in data["files"])


def test_a_one_source_list_gives_the_one_source_report(fresh_hub: FakeHub, tmp_path: Path) -> None:
    code = _code(tmp_path)
    assert render_json(scan([code], _options(fresh_hub, tmp_path))) == render_json(scan(code, _options(fresh_hub, tmp_path)))
    # --follow with nothing to follow (the weights are in the target) changes nothing either
    plain = scan(NC, _options(fresh_hub, tmp_path))
    followed = scan([NC], _options(fresh_hub, tmp_path, follow=True))
    assert followed.transfer is not None and followed.transfer.files_from_cache == 3  # the cache served it
    assert render_json(replace(followed, transfer=None)) == render_json(replace(plain, transfer=None))


def test_follow_is_bounded_by_max_sources(fresh_hub: FakeHub, tmp_path: Path) -> None:
    report = scan([_code(tmp_path)], _options(fresh_hub, tmp_path, follow=True, max_sources=1))
    assert report.sources == () and report.verdict.status is VerdictStatus.UNDETERMINED
    limit = [f for f in report.findings if f.id == "system.follow-limit"]
    assert len(limit) == 1 and "sys/tinygpt-apache" in limit[0].message and limit[0].source is None
    assert "--max-sources" in limit[0].hint


def test_a_hub_card_naming_its_code_on_github_is_reported_never_cloned(fresh_hub: FakeHub, tmp_path: Path) -> None:
    fresh_hub.reset_counters()
    report = scan([NC], _options(fresh_hub, tmp_path, follow=True))
    assert not [f for f in report.findings if f.id == "system.code-repository-named"]  # its card names none
    report = scan([APACHE], _options(fresh_hub, tmp_path, follow=True))
    named = [f for f in report.findings if f.id == "system.code-repository-named"]
    assert len(named) == 1 and named[0].paths == ("README.md",) and named[0].source is None
    assert "https://github.com/acme/tinygpt" in named[0].message
    assert named[0].hint.endswith("git clone https://github.com/acme/tinygpt && "
                                  "osai-scan scan ./tinygpt hf:sys/tinygpt-apache")
    assert report.sources == ()


def test_a_component_declaration_superseded_by_another_source_is_a_finding(fresh_hub: FakeHub,
                                                                           tmp_path: Path) -> None:
    code = _code(tmp_path, "mit-code-nc-statement")
    alone = scan(code, _options(fresh_hub, tmp_path))
    assert alone.verdict.status is VerdictStatus.NOT_OPEN_SOURCE_AI  # the README's statement decides alone
    report = scan([code, APACHE], _options(fresh_hub, tmp_path))
    assert report.verdict.status is VerdictStatus.OPEN_SOURCE_AI  # the weights' own repository decides them
    superseded = [f for f in report.findings if f.id == "system.declaration-superseded"]
    assert len(superseded) == 1 and superseded[0].severity is Severity.WARNING
    assert superseded[0].paths == ("mit-code-nc-statement/README.md",)
    assert "declares the model under cc-by-nc-4.0" in superseded[0].message
    assert "sys/tinygpt-apache (Apache-2.0: 2 file(s))" in superseded[0].message


def test_a_gated_source_makes_the_report_incomplete(fresh_hub: FakeHub, tmp_path: Path) -> None:
    fresh_hub.inject("sys/tinygpt-nc", "gated")
    report = scan([_code(tmp_path), NC], _options(fresh_hub, tmp_path))
    report_data(report)
    assert not report.complete
    failed = report.sources[1]
    assert (failed.label, failed.files, failed.complete) == ("sys/tinygpt-nc", 0, False)
    assert failed.target.repo_id == "sys/tinygpt-nc" and failed.target.commit is None
    assert failed.error and "gated" in failed.error.lower()
    finding = next(f for f in report.findings if f.id == "system.source-failed")
    assert finding.severity is Severity.ERROR and finding.source == "sys/tinygpt-nc"
    assert "'sys/tinygpt-nc'" in finding.message
    assert report.verdict.status is VerdictStatus.UNDETERMINED  # the model was not seen


def test_a_source_not_found_exits_3_naming_it(system_hub: FakeHub, tmp_path: Path) -> None:
    code = _code(tmp_path, git=False)  # a plain folder: no commit in its line of the table
    env = hub_env(tmp_path / "home", system_hub.endpoint)
    env["OSAI_SCAN_CACHE_DIR"] = str(tmp_path / "cache")
    done = run_cli(["scan", code, MISSING, "--format", "table", "-j", "1"], env, timeout=240)
    assert done.returncode == 3, done.stderr
    out = done.stdout
    assert "sources (each file's path starts with its source's label):" in out
    width = max(len(code), len("hf:sys/missing@main"))
    assert f"  mit-code     local  {code.ljust(width)}  8 files\n" in out
    assert f"  sys/missing  hub    {'hf:sys/missing@main'.ljust(width)}  NOT SCANNED: Hub repo 'sys/missing' was not " \
           "found" in out
    assert "[error] system.source-failed (sys/missing): Source 'sys/missing' (hf:sys/missing) could not be scanned" in out
    assert "The scan is INCOMPLETE: source(s) sys/missing could not be scanned" in out
    assert "source sys/missing: NOT SCANNED" in done.stderr


def test_every_format_shows_a_system(fresh_hub: FakeHub, tmp_path: Path) -> None:
    report = scan([_code(tmp_path), NC], _options(fresh_hub, tmp_path))
    loaded = load_report(render_json(report))
    assert loaded == report
    for name, renderer in RENDERERS.items():
        text = renderer(report)
        assert renderer(loaded) == text, name
        if name in VALIDATORS:
            VALIDATORS[name](text)
        assert "sys/tinygpt-nc" in text, name
    table = RENDERERS["table"](report)
    assert "model          required        2      not-open" in table
    assert "CC-BY-NC-4.0 [sys/tinygpt-nc]" in table and "MIT [mit-code]" in table
    markdown = RENDERERS["markdown"](report)
    assert markdown.splitlines()[0] == f"# osai-scan report: {_code(tmp_path)} + {NC}"
    assert f"| sys/tinygpt-nc | hub | {NC} | {report.sources[1].target.commit} | 4 | given |" in markdown
    sarif = json.loads(RENDERERS["sarif"](report))
    assert [p["repositoryUri"] for p in sarif["runs"][0]["versionControlProvenance"]] == [
        report.sources[1].target.url]


def test_the_fleet_takes_a_system_per_line(fresh_hub: FakeHub, tmp_path: Path) -> None:
    code = _code(tmp_path)
    lines = parse_targets(f"# code and weights\n{code} {APACHE}\n{APACHE}\n'{tmp_path}/a b' hf:x/y  # quoted\n")
    assert lines == [f"{code} {APACHE}", APACHE, f"'{tmp_path}/a b' hf:x/y"]
    assert split_system(lines[2]) == [f"{tmp_path}/a b", "hf:x/y"]
    record = scan_target(lines[0], _options(fresh_hub, tmp_path))
    assert record["ok"] and record["exit_code"] == 0 and record["target"] == lines[0]
    summary = record["summary"]
    assert summary["kind"] == "system" and summary["verdict"] == "open-source-ai"
    assert [(s["label"], s["given"]) for s in summary["sources"]] == [("mit-code", code), ("sys/tinygpt-apache", APACHE)]
    assert record["report"]["sources"][1]["target"]["commit"] == summary["sources"][1]["commit"]


def test_follow_takes_a_readme_hub_link(fresh_hub: FakeHub, tmp_path: Path) -> None:
    code = Path(_code(tmp_path, git=False))
    (code / "src" / "tinygpt" / "load.py").unlink()
    (code / "README.md").write_text("# TinyGPT\n\nThe weights: [TinyGPT on the Hub](https://huggingface.co/sys/tinygpt-nc).\n",
                                    encoding="utf-8")
    alone = scan(str(code), _options(fresh_hub, tmp_path))
    assert [(r.id, r.matched_by) for r in alone.references] == [
        ("sys/tinygpt-nc", "weights.hub.page at README.md:3")]
    report = scan([str(code)], _options(fresh_hub, tmp_path, follow=True))
    assert [(s.label, s.followed_from) for s in report.sources] == [("mit-code", None), ("sys/tinygpt-nc", "mit-code")]
    assert report.sources[1].reference == "mit-code/README.md, line 3 (weights.hub.page)"
    assert report.verdict.status is VerdictStatus.NOT_OPEN_SOURCE_AI
    assert any("sys/tinygpt-nc/config.json" in r for r in report.verdict.reasons)


def test_source_labels_are_unique_and_never_a_path_prefix_of_another() -> None:
    from osai_scan.policy.system import source_label

    taken: list[str] = []
    for name in ("code", "code", "acme", "acme/weights", "datasets/acme/data", "code"):
        taken.append(source_label(name, taken))
    assert taken == ["code", "code-2", "acme", "acme--weights", "datasets/acme/data", "code-3"]
    assert not any(a != b and b.startswith(a + "/") for a in taken for b in taken)


def test_a_targets_line_with_an_unbalanced_quote_is_a_usage_error() -> None:
    from osai_scan.errors import UsageError

    with pytest.raises(UsageError, match="cannot read the targets line"):
        parse_targets("./code 'hf:org/weights\n")
