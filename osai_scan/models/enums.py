"""The vocabularies of the report: components, file statuses, freedoms, verdicts, severities.

Every value is a lowercase kebab string, the same string the JSON report shows.
"""

from __future__ import annotations

from enum import Enum


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
    """How a component is present: as files of the target, declared by a statement of the target
    (a component license file, a README sentence) without its files, only by reference, or not at all."""

    PRESENT = "present"
    DECLARED = "declared"
    REFERENCED = "referenced"
    ABSENT = "absent"


class ReferenceKind(str, Enum):
    """What a reference points at."""

    FRAMEWORK = "framework"
    DATASET = "dataset"
    BASE_MODEL = "base-model"
    #: a statement in the target (a component license file, a README sentence) that puts a
    #: component under a license, whether or not its files are in the target
    DECLARATION = "declaration"
    #: where the target's code fetches weights from (a URL, ``from_pretrained("org/name")``)
    WEIGHTS = "weights"


class AttributionSource(str, Enum):
    """Where a file's governing license came from, in precedence order."""

    FILE_NOTICE = "file-notice"
    FILE_METADATA = "file-metadata"
    REUSE = "reuse"
    COMPONENT_LICENSE_FILE = "component-license-file"
    DIRECTORY_LICENSE_FILE = "directory-license-file"
    DECLARED = "declared"
    NONE = "none"


__all__ = ["AI_COMPONENTS", "AttributionSource", "Component", "ComponentStatus", "Criterion", "FREEDOM_RANK", "FileStatus", "Freedom", "FreedomStatus", "Presence", "ReferenceKind", "Requirement", "Severity", "VerdictStatus"]
