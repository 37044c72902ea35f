"""rules/frameworks.yaml: the data behind Code by reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from osai_scan.errors import RuleError
from osai_scan.licenses import LicenseKnowledge, expression_keys, scancode_license_info
from osai_scan.models import Freedom, FreedomStatus
from osai_scan.ruleset import load_rules


def test_every_framework_is_valid_and_open() -> None:
    rules = load_rules()
    knowledge = LicenseKnowledge(rules)
    assert len(rules.frameworks) >= 15
    names: list[str] = []
    for framework in rules.frameworks:
        assert framework.id.startswith("framework."), framework.id
        assert framework.source.startswith("https://") and framework.license_url.startswith("https://")
        for key in expression_keys(framework.license):
            assert scancode_license_info(key) is not None, (framework.id, key)
        row = knowledge.row_for_expression(framework.license)
        assert all(row.cell(f).status is FreedomStatus.MEETS for f in Freedom), framework.id
        names.extend(framework.library_names)
    assert len(names) == len(set(names)), "a library_name maps to two frameworks"
    by_name = {n: f for f in rules.frameworks for n in f.library_names}
    assert (by_name["transformers"].license, by_name["llama.cpp"].license, by_name["pytorch"].license) == (
        "apache-2.0", "mit", "bsd-new")
    assert "gguf" in by_name["llama.cpp"].formats


def test_user_rules_extend_and_validate_frameworks(tmp_path: Path) -> None:
    (tmp_path / "frameworks.yaml").write_text(
        "frameworks:\n  - id: framework.acme\n    name: Acme Runner\n    library_names: [acme]\n"
        "    license: mit\n    source: https://example.invalid/acme\n")
    rules = load_rules([tmp_path])
    acme = [f for f in rules.frameworks if f.id == "framework.acme"]
    assert len(acme) == 1 and acme[0].where == "frameworks.yaml:2"
    (tmp_path / "frameworks.yaml").write_text("frameworks:\n  - id: framework.bad\n    name: Bad\n")
    with pytest.raises(RuleError, match="framework entry needs 'license'"):
        load_rules([tmp_path])
