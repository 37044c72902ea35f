"""License knowledge: rows of real model licenses checked by hand, criteria, resolving names."""

from __future__ import annotations

import pytest

from osai_scan.licenses import LicenseKnowledge
from osai_scan.models import Criterion, Freedom
from osai_scan.ruleset import load_rules

M, C, F, U = "meets", "conditional", "fails", "unknown"


@pytest.fixture(scope="module")
def knowledge() -> LicenseKnowledge:
    return LicenseKnowledge(load_rules())


def row(knowledge: LicenseKnowledge, expression: str) -> tuple[str, ...]:
    result = knowledge.row_for_expression(expression)
    return tuple(result.cell(f).status.value for f in Freedom)


# Checked by hand against the texts in ScanCode's DB (study, use, modify, share):
HAND_CHECKED = [
    # Llama 3.1 Community License: §1.a grant; §1.b.i "Built with Llama" and "Llama" model names;
    # §1.b.iv Acceptable Use Policy; §2 700M monthly-active-user cap withholds every right.
    ("llama3.1", "llama-3.1-license-2024", (C, C, C, C)),
    # Gemma Terms of Use (2025-03-24): §2.2 use/reproduce/modify; §3.2 Prohibited Use Policy and
    # remote restriction; §3.1 use restrictions passed on to every recipient; Model Derivatives bound.
    ("gemma", "gemma-tou-2025-03-24", (M, C, C, C)),
    # BigScience OpenRAIL-M: §2 copyright grant; §5 + Attachment A use restrictions; §4.a restrictions
    # travel with every distribution; §7 remote restriction and "use the latest version".
    ("bigscience-openrail-m", "bigscience-open-rail-m", (M, C, C, C)),
    # CreativeML OpenRAIL-M (ScanCode: stable-diffusion-2022-08-22): same RAIL structure as above.
    ("creativeml-openrail-m", "stable-diffusion-2022-08-22", (M, C, C, C)),
    # Qwen License Agreement: §2 grant; §4 100M MAU commercial cap withholds every right;
    # §5.b "Built with Qwen" / "Improved using Qwen" on models made with Qwen or its outputs.
    ("qwen-2024", "qwen-2024", (C, C, C, C)),
    # DeepSeek License Agreement 1.0: RAIL structure; Attachment A forbids e.g. military use.
    ("deepseek-la-1.0", "deepseek-la-1.0", (M, C, C, C)),
]


@pytest.mark.parametrize(("name", "key", "expected"), HAND_CHECKED)
def test_hand_checked_model_licenses(knowledge, name, key, expected):
    expression, _ = knowledge.resolve(name)
    assert expression == key
    assert row(knowledge, expression) == expected
    for criterion in Criterion:
        assert knowledge.criterion_for_expression(expression, criterion).status.value == "fails"


@pytest.mark.parametrize(
    ("expression", "osd", "open_data", "either"),
    [
        ("apache-2.0", M, F, M),                        # OSI-approved software license
        ("cc-by-4.0", F, M, M),                         # Open Definition conformant content license
        ("cdla-permissive-2.0", F, M, M),
        ("openmdw-1.0", M, M, M),                       # a model license that is also on the MOF open-data list
        ("wtfpl-2.0", M, F, M),                         # curated free software license, not OSI-approved
        ("o-uda-1.0", F, U, U),                         # grants the freedoms, but on no open-data list
        ("cc-by-nc-4.0", F, F, F),
        ("mit OR cc-by-nc-4.0", M, F, M),               # OR: the best alternative
        ("mit AND cc-by-4.0", F, F, M),                 # AND: every part
        ("gpl-2.0 WITH classpath-exception-2.0", M, F, M),
        ("unknown", U, U, U),
    ],
)
def test_criteria(knowledge, expression, osd, open_data, either):
    got = tuple(knowledge.criterion_for_expression(expression, c).status.value
                for c in (Criterion.OSD, Criterion.OPEN_DATA, Criterion.OSD_OR_OPEN_DATA))
    assert got == (osd, open_data, either)


def test_criterion_reasons(knowledge):
    cell = knowledge.criterion_for_expression("cc-by-4.0", Criterion.OSD)
    assert cell.because == ("cc-by-4.0 is a content license, not a software license meeting the Open Source "
                            "Definition",)
    cell = knowledge.criterion_for_expression("apache-2.0", Criterion.OPEN_DATA)
    assert cell.because == ("apache-2.0 is an OSI-approved software license, not an open-data license",)


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("llama-2-license-2023", "llama-2-license-2023"),   # ScanCode key
        ("Apache-2.0", "apache-2.0"),                       # SPDX id
        ("BSL-1.0", "boost-1.0"),                           # SPDX id (Boost), not ScanCode's bsl-1.0
        ("openrail++", "bigscience-open-rail-m2"),          # Hub id
        ("MIT OR CC-BY-NC-4.0", "mit OR cc-by-nc-4.0"),     # SPDX expression
        ("llama3", None),                                   # Hub id with no ScanCode key
        ("no-such-license", None),
    ],
)
def test_resolve(knowledge, text, expression):
    assert knowledge.resolve(text)[0] == expression


def test_describe(knowledge):
    info = knowledge.describe("cc-by-4.0")
    assert (info["spdx"], info["osi_approved"], info["open_data"], info["kind"]) == ("CC-BY-4.0", False, True,
                                                                                      "content")
    assert info["curated"].startswith("licenses.yaml:")
    info = knowledge.describe("mit")
    assert (info["osi_approved"], info["curated"], info["category"]) == (True, None, "Permissive")
