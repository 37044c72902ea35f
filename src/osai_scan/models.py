"""Typed records passed between the stages, and the one serializer (``to_dict``).

Every record is a frozen dataclass holding only plain values, Enums, tuples and other such
records, so that reports are deterministic and stages cannot mutate each other's results.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # records of profile results live in profile_models (keeps this module small)
    from .profile_models import ProfileResult

_T = TypeVar("_T")


class Component(str, Enum):
    """The label every file gets: one of the five AI components, or a non-component."""

    CODE = "code"
    TRAINING_CODE = "training-code"
    MODEL = "model"
    TRAINING_DATA = "training-data"
    DATA = "data"
    DOCUMENTATION = "documentation"
    LEGAL = "legal"
    OTHER = "other"


#: The five components of an AI system, in report order.
AI_COMPONENTS: tuple[Component, ...] = (
    Component.CODE,
    Component.TRAINING_CODE,
    Component.MODEL,
    Component.TRAINING_DATA,
    Component.DATA,
)


class FileStatus(str, Enum):
    """What the scanner did with a file.

    ``partial`` means license matching ran out of its per-file time budget: the matches found
    are reported, but some may be missing (``status_reason`` says which limit was hit).
    """

    SCANNED = "scanned"
    PARTIAL = "partial"
    HEADER_ONLY = "header-only"
    SKIPPED = "skipped"
    ERROR = "error"


class Freedom(str, Enum):
    """The four freedoms."""

    STUDY = "study"
    USE = "use"
    MODIFY = "modify"
    SHARE = "share"


class FreedomStatus(str, Enum):
    """How a license treats one freedom. Ordered from worst to best by ``RANK``."""

    FAILS = "fails"
    UNKNOWN = "unknown"
    CONDITIONAL = "conditional"
    MEETS = "meets"


#: Order used to combine rows: AND keeps the lowest, OR chooses the highest.
FREEDOM_RANK = {
    FreedomStatus.FAILS: 0,
    FreedomStatus.UNKNOWN: 1,
    FreedomStatus.CONDITIONAL: 2,
    FreedomStatus.MEETS: 3,
}


class Requirement(str, Enum):
    """What a profile asks of a component.

    ``information`` asks only for information about the component (OSAID's "data information":
    the data listed in the model card, a data card or a technical report), not for its files.
    """

    REQUIRED = "required"
    INFORMATION = "information"
    REPORTED = "reported"
    NOT_APPLICABLE = "not-applicable"


class Criterion(str, Enum):
    """Which kind of open license a profile accepts for a component.

    ``osd``: a license that meets the Open Source Definition (OSI-approved, or a curated
    software/model license granting the four freedoms); ``open-data``: an Open Definition
    conformant data/content license (``open_data: true`` in licenses.yaml); ``osd-or-open-data``:
    either. The freedoms row decides first; the criterion then decides among licenses whose
    required freedoms all meet.
    """

    OSD = "osd"
    OPEN_DATA = "open-data"
    OSD_OR_OPEN_DATA = "osd-or-open-data"


class ComponentStatus(str, Enum):
    """The outcome for one component."""

    OPEN = "open"
    NOT_OPEN = "not-open"
    UNLICENSED = "unlicensed"
    UNKNOWN = "unknown"
    ABSENT = "absent"


class VerdictStatus(str, Enum):
    """The answer to the auditor's question."""

    OPEN_SOURCE_AI = "open-source-ai"
    NOT_OPEN_SOURCE_AI = "not-open-source-ai"
    UNDETERMINED = "undetermined"


class Severity(str, Enum):
    """How much a finding matters."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Presence(str, Enum):
    """How a component is present: as files of the target, only by reference, or not at all."""

    PRESENT = "present"
    REFERENCED = "referenced"
    ABSENT = "absent"


class ReferenceKind(str, Enum):
    """What a reference points at."""

    FRAMEWORK = "framework"
    DATASET = "dataset"
    BASE_MODEL = "base-model"


class AttributionSource(str, Enum):
    """Where a file's governing license came from, in precedence order."""

    FILE_NOTICE = "file-notice"
    FILE_METADATA = "file-metadata"
    REUSE = "reuse"
    COMPONENT_LICENSE_FILE = "component-license-file"
    DIRECTORY_LICENSE_FILE = "directory-license-file"
    DECLARED = "declared"
    NONE = "none"


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


@dataclass(frozen=True, slots=True, kw_only=True)
class MetadataItem:
    """A key/value read from a weights header (safetensors ``__metadata__``, GGUF keys)."""

    key: str
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class HeaderInfo:
    """What a bounded header read of a weights file told us."""

    format: str
    tensor_count: int | None = None
    parameter_count: int | None = None
    header_bytes: int | None = None
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


@dataclass(frozen=True, slots=True, kw_only=True)
class FreedomCell:
    """The status of one freedom, with the reasons that decide it."""

    status: FreedomStatus
    because: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class FreedomRow:
    """A license's (or a component's) row of the freedoms matrix."""

    study: FreedomCell
    use: FreedomCell
    modify: FreedomCell
    share: FreedomCell

    def cell(self, freedom: Freedom) -> FreedomCell:
        """Return the cell of ``freedom``."""
        return getattr(self, freedom.value)


@dataclass(frozen=True, slots=True, kw_only=True)
class FileResult:
    """Everything the report says about one file.

    ``detected_expression`` is what the file's own content says (ScanCode's file-level
    expression, before attribution); ``license`` is the governing license after attribution.
    ``detection_mode`` says how the content was looked at (``exact``, ``approximate``,
    ``exact+approximate`` when an unclear exact result was re-matched, ``header``, with a
    ``+notebook-source`` suffix for notebooks).
    """

    path: str
    size: int
    content_id: str | None
    lfs: LfsPointer | None
    component: Component
    rule: str
    reason: str
    status: FileStatus
    status_reason: str | None
    license: str | None
    license_spdx: str | None
    attribution: Attribution
    detected_expression: str | None = None
    detection_mode: str | None = None
    detections: tuple[Match, ...] = ()
    header: HeaderInfo | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LicenseCount:
    """A governing license expression and how many files of a component it governs.

    For a component present only by reference, ``files`` is 0 and ``references`` names the
    references under that license (``example`` is the first of them).
    """

    expression: str | None
    expression_spdx: str | None
    files: int
    example: str
    references: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Reference:
    """Something the target names instead of holding it: a framework, a dataset, a base model.

    Attributes:
        kind: framework (Code by reference), dataset (Training Data) or base model (lineage).
        id: the framework id, or the Hub id of the dataset or base model.
        component: the component the reference is evidence for.
        name: a human name (the framework's name, or the Hub id).
        declared: the license value as declared where it was found (a Hub id, a key), or None.
        expression: that license as a ScanCode key expression, or None when unknown.
        expression_spdx: the same with SPDX ids.
        source: where the license statement comes from (a rules file entry, a Hub card at a commit).
        matched_by: what in the target made the reference (``library_name: transformers``, ``datasets``).
        url: where an auditor can check it.
        detail: what went wrong when the license could not be found, else a note.
    """

    kind: ReferenceKind
    id: str
    component: Component
    name: str
    declared: str | None
    expression: str | None
    expression_spdx: str | None
    source: str
    matched_by: str
    url: str | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Restriction:
    """A limit on freedoms that comes from outside the license texts (an access gate, a base model).

    Attributes:
        id: the finding id it belongs to (``access.gated``, ``lineage.base-license``).
        components: the components it applies to (those present as files).
        row: the freedoms it leaves (``meets`` where it does not restrict).
    """

    id: str
    components: tuple[Component, ...]
    row: FreedomRow


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentResult:
    """The outcome for one of the five components under a profile.

    ``presence`` says whether the component is files of the target, only referenced (a
    framework named by ``library_name``, datasets named by the model card), or absent;
    ``references`` lists the ids of the references that decided a referenced component.
    ``criterion_because`` explains licenses that grant the required freedoms but do not (or are
    not known to) satisfy the component's criterion, e.g. CC-BY-4.0 code under ``osd``.
    ``information`` lists the evidence found for an ``information`` requirement.
    """

    requirement: Requirement
    criterion: Criterion | None
    status: ComponentStatus
    files: int
    licenses: tuple[LicenseCount, ...]
    unlicensed: tuple[str, ...]
    freedoms: FreedomRow | None
    presence: Presence = Presence.ABSENT
    references: tuple[str, ...] = ()
    criterion_because: tuple[str, ...] = ()
    information: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """A problem an auditor should act on."""

    id: str
    severity: Severity
    message: str
    paths: tuple[str, ...] = ()
    hint: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """The verdict and the reasons for it."""

    status: VerdictStatus
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class DeclaredLicense:
    """A license declared for the whole repository (root license file, model card, manifest)."""

    source: str
    path: str
    value: str
    expression: str | None
    expression_spdx: str | None
    detail: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Declared:
    """Repository-level declarations: model card metadata and license files."""

    licenses: tuple[DeclaredLicense, ...] = ()
    model_card: tuple[MetadataItem, ...] = ()
    license_files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolInfo:
    """Versions that make a report reproducible."""

    name: str
    version: str
    scancode_version: str
    license_db: str
    rules_digest: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    """Counts, for a quick look."""

    files: int
    by_component: tuple[tuple[str, int], ...]
    by_status: tuple[tuple[str, int], ...]
    findings_by_severity: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """The whole scan result. ``to_dict(report)`` is the JSON report."""

    schema_version: str
    tool: ToolInfo
    target: TargetInfo
    profile: str
    verdict: Verdict
    components: tuple[tuple[Component, ComponentResult], ...]
    declared: Declared
    findings: tuple[Finding, ...]
    files: tuple[FileResult, ...]
    summary: Summary
    profiles: tuple[tuple[str, ProfileResult], ...] = ()
    generated_at: str | None = None
    complete: bool = True
    references: tuple[Reference, ...] = ()

    def profile_result(self, profile_id: str) -> ProfileResult:
        """Return the result of the profile ``profile_id``.

        Raises:
            KeyError: the profile was not evaluated.
        """
        return dict(self.profiles)[profile_id]

    def component(self, component: Component) -> ComponentResult:
        """Return the result of one of the five components."""
        return dict(self.components)[component]

    def file(self, path: str) -> FileResult:
        """Return the result of the file at ``path``.

        Raises:
            KeyError: no such file in the report.
        """
        for result in self.files:
            if result.path == path:
                return result
        raise KeyError(path)


#: Fields stored as tuples of pairs that the JSON shows as objects.
_PAIR_FIELDS = {"components", "by_component", "by_status", "findings_by_severity", "profiles"}


def to_dict(value: Any, *, _key: str | None = None) -> Any:
    """Turn a record (or a tuple of records) into JSON-ready data.

    Enums become their values, tuples become lists, tuples of pairs in ``components`` and the
    summary counts become objects. ``None`` values are kept so the shape is stable.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            out[f.name] = to_dict(getattr(value, f.name), _key=f.name)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        if _key in _PAIR_FIELDS and all(isinstance(item, tuple) for item in value):
            return {to_dict(k): to_dict(v) for k, v in value}
        return [to_dict(v) for v in value]
    return value


def from_dict(cls: type[_T], data: dict[str, Any]) -> _T:
    """Rebuild a record written by :func:`to_dict` (records, Enums, tuples, optionals).

    Raises:
        TypeError: ``cls`` is not a record class or a field has an unsupported type.
        ValueError, KeyError: ``data`` does not fit ``cls``.
    """
    hints = _field_types(cls)
    return cls(**{name: _from_value(hints[name], value) for name, value in data.items()})


@functools.lru_cache(maxsize=None)
def _field_types(cls: type) -> dict[str, Any]:
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a record class")
    return typing.get_type_hints(cls)


def _from_value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _from_value(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_from_value(item, v) for v in value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    return value


def empty_row(status: FreedomStatus, because: str) -> FreedomRow:
    """A row with the same status and reason for all four freedoms."""
    cell = FreedomCell(status=status, because=(because,) if because else ())
    return FreedomRow(study=cell, use=cell, modify=cell, share=cell)


__all__ = [name for name in dir() if not name.startswith("_") and name[0].isupper()] + [
    "to_dict",
    "from_dict",
    "empty_row",
    "AI_COMPONENTS",
    "FREEDOM_RANK",
]
