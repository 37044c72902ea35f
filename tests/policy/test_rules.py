"""Loading rules: profiles, the findings catalogue, MOF lists; errors name the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from osai_scan.errors import RuleError
from osai_scan.models import Component, Criterion, Freedom, Requirement, Severity
from osai_scan.ruleset import RuleSet, builtin_rules_dir, load_rules


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_profiles():
    rules = load_rules()
    assert sorted(rules.profiles) == ["blog-2024", "mof", "open-science", "osaid-1.0"]
    blog = rules.profile("blog-2024")
    assert [(c.value, p.requirement.value, p.criterion.value) for c, p in blog.components] == [
        ("code", "required", "osd"), ("training-code", "reported", "osd"), ("model", "required", "osd"),
        ("training-data", "reported", "osd-or-open-data"), ("data", "not-applicable", "osd-or-open-data")]
    assert blog.policy(Component.CODE).freedoms == tuple(Freedom)
    osaid = rules.profile("osaid-1.0")
    info = osaid.policy(Component.TRAINING_DATA)
    assert info.requirement is Requirement.INFORMATION and info.information.card_keys == ("datasets",)
    assert osaid.policy(Component.TRAINING_CODE).requirement is Requirement.REQUIRED
    science = rules.profile("open-science")
    assert all(p.requirement is Requirement.REQUIRED for _, p in science.components)
    assert science.policy(Component.TRAINING_DATA).criterion is Criterion.OSD_OR_OPEN_DATA
    mof = rules.profile("mof")
    assert mof.kind == "mof" and len(mof.mof.components) == 17
    assert rules.findings["attribution.license-texts-conflict"].severity is Severity.ERROR


def test_a_scan_stops_at_the_first_error_with_file_and_line(tmp_path):
    write(tmp_path, "profiles/bad.yaml", "id: bad\ncomponents:\n  code: {requirement: required}\n")
    with pytest.raises(RuleError) as caught:
        load_rules([tmp_path])
    assert str(caught.value) == f"{tmp_path}/profiles/bad.yaml:3: profile must say what it asks of 'training-code'"
    assert (caught.value.path, caught.value.line) == (f"{tmp_path}/profiles/bad.yaml", 3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("components: {}\n", "a profile needs an 'id'"),
        ("id: x\nkind: other\ncomponents: {}\n", "unknown profile kind 'other' (expected components or mof)"),
        ("id: x\ncomponents: {}\nverdict: open\n", "unknown key(s) ['verdict'] in profile"),
        ("id: x\nkind: mof\nclasses: {3: Open Model}\nmof_components:\n  - {id: a, mof_id: 1, name: A, "
         "content_type: weights, class: 3, match: [{component: model}]}\n",
         "unknown content_type 'weights' (expected one of: code, data, document)"),
        ("id: x\nkind: mof\nclasses: {3: Open Model}\nmof_components:\n  - {id: a, mof_id: 1, name: A, "
         "content_type: data, class: 3, match: [{component: modle}]}\n",
         "unknown component 'modle'"),
        ("id: x\nkind: mof\nclasses: {3: Open Model}\nverdict_class: 1\nmof_components: []\n",
         "verdict_class 1 is not one of the classes [3]"),
    ],
)
def test_profile_errors(tmp_path, text, message):
    write(tmp_path, "profiles/x.yaml", text)
    with pytest.raises(RuleError) as caught:
        load_rules([tmp_path])
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{tmp_path}/profiles/x.yaml")


def test_collecting_reports_every_error(tmp_path):
    write(tmp_path, "profiles/x.yaml", "id: x\nkind: mof\nclasses: {3: Open Model}\nmof_components:\n"
                                       "  - {id: a, mof_id: 1, name: A, content_type: data, class: 3,\n"
                                       "     match: [{rule: model.weigths}]}\n")
    write(tmp_path, "hub-licenses.yaml", "licenses:\n  - id: acme\n    expression: acme-1.0\n"
                                         "  - id: acme2\n    expression: null\n")
    write(tmp_path, "mof/licenses.yaml", "recommended:\n  weights: [MIT]\n")
    rules = RuleSet([builtin_rules_dir(), tmp_path], collect=True)
    assert [str(e) for e in rules.problems.errors] == [
        f"{tmp_path}/hub-licenses.yaml:2: hub license 'acme': unknown ScanCode key(s) ['acme-1.0']",
        f"{tmp_path}/hub-licenses.yaml:4: hub license 'acme2' maps to null: give a 'reason'",
        f"{tmp_path}/mof/licenses.yaml:2: unknown content type(s) ['weights']",
        f"{tmp_path}/profiles/x.yaml:6: rule 'model.weigths' matches no classification rule id",
    ]


def test_user_rules_merge_by_id(tmp_path):
    write(tmp_path, "licenses.yaml", "licenses:\n  - key: json\n    name: JSON License (reviewed)\n    kind: software\n"
                                     "    open_data: false\n    freedoms:\n"
                                     "      study: {status: meets, because: MIT grant}\n"
                                     "      use: {status: meets, because: we accept the Good-not-Evil clause}\n"
                                     "      modify: {status: meets, because: MIT grant}\n"
                                     "      share: {status: meets, because: MIT grant}\n")
    write(tmp_path, "mof/licenses.yaml", "recommended:\n  data: [CC-BY-4.0]\n")
    builtin = load_rules()
    rules = load_rules([tmp_path])
    assert builtin.licenses["json"].row.use.status.value == "conditional"
    assert rules.licenses["json"].row.use.status.value == "meets"
    assert rules.mof_licenses.recommended_names("data") == ("CC-BY-4.0",)
    assert rules.mof_licenses.recommended_names("code") == builtin.mof_licenses.recommended_names("code")
    assert rules.digest != builtin.digest


def test_rules_path_must_exist(tmp_path):
    with pytest.raises(RuleError, match="rules folder or profile file not found"):
        load_rules([tmp_path / "missing"])
    readme = write(tmp_path, "README.txt", "x")
    with pytest.raises(RuleError, match="--rules takes a rules folder or a profile .yaml file"):
        load_rules([readme])
