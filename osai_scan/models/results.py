"""Records of conclusions: freedoms, component results, findings, the verdict, declarations and
the summary. The policy stage makes most of them; the report shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .enums import (
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
from .files import OMIT_EMPTY, Attribution, HeaderInfo, LfsPointer, Match, MetadataItem


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
class Mention:
    """A license named in a file that is not the file's own license, with where it is."""

    expression: str
    expression_spdx: str | None
    start_line: int | None
    end_line: int | None
    context: str | None
    rule: str


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
    #: License names the file holds that are not its own license (string literals, test data,
    #: prose about licenses): evidence only, never a freedom (rules/notices.yaml).
    mentions: tuple[Mention, ...] = ()
    #: The exact bytes of the file's name (base64) when ``path`` is its escaped form: a name that
    #: is not valid UTF-8 or holds a control character or a backslash (``models.names``); None
    #: otherwise, and then left out of the JSON.
    path_base64: str | None = field(default=None, metadata=OMIT_EMPTY)
    #: The label of the source the file came from, in a scan of several sources (its path then
    #: starts with ``<label>/``); None, and left out of the JSON, in a one-source scan.
    source: str | None = field(default=None, metadata=OMIT_EMPTY)

    @property
    def path_in_source(self) -> str:
        """The path inside its own source (``path`` without the source's label): what path rules match."""
        return self.path[len(self.source) + 1:] if self.source else self.path


@dataclass(frozen=True, slots=True, kw_only=True)
class LicenseCount:
    """A governing license expression and how many files of a component it governs.

    For a component present only by reference, ``files`` is 0 and ``references`` names the
    references under that license (``example`` is the first of them). A license inherited
    through lineage (a base model's terms for an adapter or fine-tune) has ``files`` 0,
    provenance ``lineage`` and names the base repository in ``references``.

    Attributes:
        provenance: ``files`` (the component's files), ``declaration`` (a statement that puts
            the component under the license), ``reference`` (what stands in for a component with
            no files) or ``lineage`` (a base model's license).
    """

    expression: str | None
    expression_spdx: str | None
    files: int
    example: str
    references: tuple[str, ...] = ()
    provenance: str = "files"
    #: The labels of the sources whose files or statements carry the license, in a scan of
    #: several sources; empty, and left out of the JSON, in a one-source scan.
    sources: tuple[str, ...] = field(default=(), metadata=OMIT_EMPTY)


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
        expression: the license it carries, when it is one (a base model's license), else None.
        expression_spdx: the same with SPDX ids.
        origin: where that license comes from (the base repository's id).
    """

    id: str
    components: tuple[Component, ...]
    row: FreedomRow
    expression: str | None = None
    expression_spdx: str | None = None
    origin: str | None = None


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
    #: The label of the source the finding is about, in a scan of several sources (None for a
    #: finding about the whole system, and in a one-source scan, where it is left out of the JSON).
    source: str | None = field(default=None, metadata=OMIT_EMPTY)


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
    #: The line of ``path`` that makes the declaration, when one line does.
    line: int | None = None


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
    header_files: int = 0
    header_bytes_read: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Transfer:
    """What a remote scan (a Hub repository) transferred; cached files cost nothing.

    Attributes:
        files_downloaded: small files downloaded whole (cards, license files, configs).
        bytes_downloaded: their bytes.
        files_from_cache: small files served by the local Hub cache instead.
        header_ranges: ranged requests made to read weight and data file headers.
        header_bytes: bytes those ranged requests transferred (weights are never downloaded).
    """

    files_downloaded: int
    bytes_downloaded: int
    files_from_cache: int
    header_ranges: int
    header_bytes: int


def empty_row(status: FreedomStatus, because: str) -> FreedomRow:
    """A row with the same status and reason for all four freedoms."""
    cell = FreedomCell(status=status, because=(because,) if because else ())
    return FreedomRow(study=cell, use=cell, modify=cell, share=cell)


__all__ = ["Mention", "ComponentResult", "Declared", "DeclaredLicense", "FileResult", "Finding", "FreedomCell", "FreedomRow", "LicenseCount", "Reference", "Restriction", "Summary", "ToolInfo", "Verdict", "empty_row"]
