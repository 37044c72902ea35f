"""The rules in force: ``rules/`` (and a user's ``--rules DIR``) read, validated and merged by id.

Shared by every stage (below them all but ``models``): ``parse`` reads YAML with line numbers,
``components`` the classification rules, ``entries`` the license, license-file, Hub-id,
framework, finding and MOF entries, ``profiles`` the policy profiles, ``loader`` merges them
into a ``RuleSet``, and ``scancode_db`` reads ScanCode's license files (metadata and texts,
without its match index) that the rules are checked against.

Takes in: rule folders and files. Hands on: a ``RuleSet`` (``load_rules``).
"""

from __future__ import annotations

from .entries import ThirdPartyRule
from .loader import (
    WeightSource,
    Companion,
    StatementRule,
    LICENSE_KINDS,
    ComponentRule,
    FindingSpec,
    Framework,
    HubLicense,
    LicenseFacts,
    LicenseFileRule,
    MofLicenses,
    Profile,
    RuleSet,
    builtin_rules_dir,
    load_rules,
    split_rule_paths,
)
from .components import MAGIC_BYTES, PythonCondition, UsageCondition
from .notices import CommentSyntax, NoticeRules, RoleRule
from .profiles import CONTENT_TYPES, ComponentPolicy, FileMatcher, InformationSpec, MofComponentSpec, MofSpec, any_match

__all__ = ["Companion", "ThirdPartyRule", "StatementRule", "WeightSource", "CONTENT_TYPES", "ComponentPolicy", "ComponentRule", "FileMatcher", "InformationSpec", "MofComponentSpec",
           "MofSpec", "any_match", "CommentSyntax", "NoticeRules", "RoleRule", "FindingSpec", "Framework", "HubLicense", "LICENSE_KINDS", "LicenseFacts", "LicenseFileRule",
           "MAGIC_BYTES", "MofLicenses", "PythonCondition", "UsageCondition", "Profile", "RuleSet", "builtin_rules_dir", "load_rules", "split_rule_paths"]
