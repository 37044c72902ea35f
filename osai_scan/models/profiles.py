"""Records of policy-profile results: one per profile, and the Model Openness Framework's view.

They are part of the report (``Report.profiles``) and serialised by ``models.to_dict`` like
every other record.
"""

from __future__ import annotations

from dataclasses import dataclass

from .enums import Component, ComponentStatus
from .results import ComponentResult, Finding, LicenseCount, Verdict


@dataclass(frozen=True, slots=True, kw_only=True)
class MofComponentResult:
    """One of the Model Openness Framework's 17 components, as found in the target.

    ``type_appropriate`` is None when the component is not open; False when its open license is
    not among those the MOF recommends for its content type (``recommended``).
    """

    id: str
    mof_id: int
    name: str
    content_type: str
    mof_class: int
    required: bool
    status: ComponentStatus
    files: int
    paths: tuple[str, ...]
    licenses: tuple[LicenseCount, ...]
    evidence: tuple[str, ...]
    type_appropriate: bool | None
    because: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MofClassResult:
    """Whether one MOF class is reached, and which components keep it from being reached."""

    mof_class: int
    name: str
    reached: bool
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MofResult:
    """The Model Openness Framework evaluation: classes are cumulative (III → II → I)."""

    framework: str
    class_reached: int | None
    next_class: int | None
    missing_for_next: tuple[str, ...]
    classes: tuple[MofClassResult, ...]
    components: tuple[MofComponentResult, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ProfileResult:
    """The result of one policy profile (every profile is evaluated on every scan)."""

    title: str
    kind: str
    source: str
    verdict: Verdict
    components: tuple[tuple[Component, ComponentResult], ...]
    findings: tuple[Finding, ...]
    mof: MofResult | None = None


__all__ = ["MofClassResult", "MofComponentResult", "MofResult", "ProfileResult"]
