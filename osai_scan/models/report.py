"""The whole scan result, ``Report``: what ``pipeline.scan`` returns and every format renders.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .enums import Component
from .files import OMIT_EMPTY, SourceInfo, TargetInfo
from .profiles import ProfileResult
from .results import (
    ComponentResult,
    Declared,
    FileResult,
    Finding,
    Reference,
    Summary,
    ToolInfo,
    Transfer,
    Verdict,
)


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
    transfer: Transfer | None = None
    #: The sources of an AI system scanned from several (then ``target`` has kind ``system``);
    #: empty, and left out of the JSON, in a one-source scan.
    sources: tuple[SourceInfo, ...] = field(default=(), metadata=OMIT_EMPTY)

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


__all__ = ["Report"]
