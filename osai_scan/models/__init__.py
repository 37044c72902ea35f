"""The typed records every stage passes on, and JSON in and out of them.

Every record is a frozen dataclass holding only plain values, Enums, tuples and other such
records, so that reports are deterministic and stages cannot mutate each other's results.
The modules follow the data flow: ``enums`` (the vocabularies), ``files`` (what sources,
classify, detect and attribute say about one file), ``results`` (component results, findings,
the verdict), ``profiles`` (one result per policy profile, the MOF view), ``report`` (the whole
scan) and ``serialize`` (``to_dict``, the one serializer, and ``from_dict``).

Takes in: nothing (stdlib only). Hands on: the records, imported as ``osai_scan.models``.
"""

from __future__ import annotations

from .enums import (
    AI_COMPONENTS,
    FREEDOM_RANK,
    AttributionSource,
    Component,
    ComponentStatus,
    Criterion,
    FileStatus,
    Freedom,
    FreedomStatus,
    Presence,
    ReferenceKind,
    Requirement,
    Severity,
    VerdictStatus,
)
from .files import (
    Attribution,
    Classification,
    Detection,
    FileEntry,
    HeaderInfo,
    LfsPointer,
    Match,
    MetadataItem,
    SourceInfo,
    TargetInfo,
)
from .profiles import (
    MofClassResult,
    MofComponentResult,
    MofResult,
    ProfileResult,
)
from .report import (
    Report,
)
from .results import (
    Mention,
    ComponentResult,
    Declared,
    DeclaredLicense,
    FileResult,
    Finding,
    FreedomCell,
    FreedomRow,
    LicenseCount,
    Reference,
    Restriction,
    Summary,
    Transfer,
    ToolInfo,
    Verdict,
    empty_row,
)
from .names import escaped_name, lossless_names, name_base64, name_from_base64
from .serialize import (
    from_dict,
    to_dict,
)

__all__ = [
    "AI_COMPONENTS",
    "Attribution",
    "AttributionSource",
    "Classification",
    "Component",
    "ComponentResult",
    "ComponentStatus",
    "Criterion",
    "Declared",
    "DeclaredLicense",
    "Detection",
    "FREEDOM_RANK",
    "FileEntry",
    "FileResult",
    "FileStatus",
    "Finding",
    "Freedom",
    "FreedomCell",
    "FreedomRow",
    "FreedomStatus",
    "HeaderInfo",
    "LfsPointer",
    "LicenseCount",
    "Match",
    "Mention",
    "MetadataItem",
    "MofClassResult",
    "MofComponentResult",
    "MofResult",
    "Presence",
    "ProfileResult",
    "Reference",
    "ReferenceKind",
    "Report",
    "Requirement",
    "Restriction",
    "Severity",
    "SourceInfo",
    "Summary",
    "Transfer",
    "TargetInfo",
    "ToolInfo",
    "Verdict",
    "VerdictStatus",
    "empty_row",
    "escaped_name",
    "from_dict",
    "lossless_names",
    "name_base64",
    "name_from_base64",
    "to_dict",
]
