"""License knowledge shared by attribute and policy: the freedoms of a license, its names.

``knowledge`` answers what the four freedoms of a ScanCode key expression are, and why (OSI
approval from the SPDX license list, curated rows from ``rules/licenses.yaml``, Hub license ids
from ``rules/hub-licenses.yaml``); ``spdx`` maps SPDX ids and ScanCode keys both ways.

Takes in: a ``RuleSet``. Hands on: ``LicenseKnowledge`` and the mapping functions.
"""

from __future__ import annotations

from ..ruleset.scancode_db import scancode_license_info, scancode_license_text
from .knowledge import DATA_KINDS, LicenseKnowledge, combine_all
from .spdx import (
    OPERATORS,
    UNKNOWN_SPDX,
    and_expressions,
    expression_keys,
    expression_to_spdx,
    key_of_spdx,
    spdx_of_key,
    spdx_to_expression,
)

__all__ = [
    "DATA_KINDS",
    "OPERATORS",
    "UNKNOWN_SPDX",
    "and_expressions",
    "LicenseKnowledge",
    "combine_all",
    "expression_keys",
    "expression_to_spdx",
    "key_of_spdx",
    "scancode_license_info",
    "scancode_license_text",
    "spdx_of_key",
    "spdx_to_expression",
]
