"""Records about one file, in the order the stages make them.

sources/inventory make ``FileEntry`` (and ``TargetInfo``), classify makes ``Classification``,
detect makes ``Detection`` (with ``Match`` and ``HeaderInfo``), attribute makes ``Attribution``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from .enums import AttributionSource, Component, FileStatus

#: Field metadata: ``to_dict`` leaves the field out while it is None or empty. Only fields added
#: for scans of several sources use it, so that a one-source report keeps its exact shape.
OMIT_EMPTY = MappingProxyType({"omit_empty": True})


@dataclass(frozen=True, slots=True, kw_only=True)
class LfsPointer:
    """A Git LFS pointer file: the real content lives elsewhere."""

    oid: str
    size: int


@dataclass(frozen=True, slots=True, kw_only=True)
class FileEntry:
    """One file of the target, as the source lists it.

    ``problem`` is set when the source already knows the file cannot be read (a symlink not
    followed, a git submodule, a tracked file missing from the work tree, a Hub file over the
    download cap); the file is still reported, with that reason. ``lfs_served`` is True when
    the source serves an LFS file's real content (the Hub), not just its pointer.
    """

    path: str
    size: int
    content_id: str | None = None
    lfs: LfsPointer | None = None
    problem: str | None = None
    problem_is_error: bool = False
    lfs_served: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class TargetInfo:
    """What was scanned."""

    kind: str
    name: str
    path: str | None = None
    repo_id: str | None = None
    revision: str | None = None
    commit: str | None = None
    dirty: bool | None = None
    vcs: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceInfo:
    """One source of an AI system scanned from several (``scan TARGET TARGET ...``).

    Attributes:
        label: the prefix of its files' paths in the report (``<label>/<path>``): a local
            folder's name, a Hub repository's id; unique in the report.
        given: the target as given (or, for a followed source, ``hf:<id>``).
        target: what was scanned (kind, path or repo id, revision asked, commit resolved); for
            a source that failed, only what the target names.
        followed_from: for a source added by ``--follow``, the label of the source that
            references it; None for a source given by the user.
        reference: for a followed source, where the reference is (``path, line N``) and what
            matched it.
        files: how many of the report's files come from it.
        complete: False when it could not be scanned, or not completely.
        error: why it could not be scanned, or None.
    """

    label: str
    given: str
    target: TargetInfo
    followed_from: str | None = None
    reference: str | None = None
    files: int = 0
    complete: bool = True
    error: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Classification:
    """The component label of one file and the rule that chose it."""

    component: Component
    rule: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Match:
    """One ScanCode license match inside a file (or one metadata field for binaries)."""

    expression: str
    expression_spdx: str | None
    rule: str
    score: float
    start_line: int | None
    end_line: int | None
    matcher: str
    #: The kind of ScanCode rule that matched: ``text``, ``notice``, ``tag``, ``reference``,
    #: ``intro``, ``clue``, ``spdx-id`` (an SPDX-License-Identifier line) or ``unknown``.
    kind: str | None = None
    #: Where the match sits in the file: ``leading-comment``, ``comment``, ``string``, ``code``,
    #: ``data`` or ``prose`` (rules/notices.yaml, ``syntax``).
    context: str | None = None
    #: ScanCode's ``match_coverage``: the share of the rule's text that matched (0-100).
    coverage: float | None = None
    #: What attribution made of the match: ``notice`` (the file's own license), ``mention``
    #: (evidence only), ``statement`` (a document's sentence about another thing's license: a
    #: declaration where it sits in a license section or names a component) or ``part-of-text``
    #: (inside a whole license text of another license).
    role: str | None = None
    #: The rule of rules/notices.yaml that decided the role.
    role_rule: str | None = None
    #: Licenses of an approximate notice, reference or tag match that the matched lines do not
    #: name (notices.yaml settings ``name_check_*``): ScanCode aligned the text with a rule that
    #: names another license.
    unnamed: tuple[str, ...] = ()
    #: ScanCode's own expression for the match, when osai-scan reads it otherwise (an
    #: SPDX-License-Identifier line followed by a comment, "Apache-2.0 # upsample ...", which
    #: ScanCode reads as ``unknown-spdx``); None when ``expression`` is ScanCode's.
    scancode_expression: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MetadataItem:
    """A key/value read from a weights header (safetensors ``__metadata__``, GGUF keys)."""

    key: str
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class HeaderInfo:
    """What a bounded header read of a weights file told us.

    ``header_bytes`` is the header's size; ``bytes_read`` what reading it cost (exact for
    safetensors; for GGUF, the chunks read until every key/value was parsed).
    """

    format: str
    tensor_count: int | None = None
    parameter_count: int | None = None
    header_bytes: int | None = None
    bytes_read: int | None = None
    metadata: tuple[MetadataItem, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Detection:
    """What detection found in one file's own content."""

    status: FileStatus
    status_reason: str | None = None
    mode: str | None = None
    expression: str | None = None
    expression_spdx: str | None = None
    matches: tuple[Match, ...] = ()
    header: HeaderInfo | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    """The license that governs a file and where it came from."""

    expression: str | None
    expression_spdx: str | None
    source: AttributionSource
    source_path: str | None = None
    detail: str = ""


__all__ = ["OMIT_EMPTY", "SourceInfo", "Attribution", "Classification", "Detection", "FileEntry", "HeaderInfo", "LfsPointer", "Match", "MetadataItem", "TargetInfo"]
