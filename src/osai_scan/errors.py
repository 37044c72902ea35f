"""Exceptions raised by osai-scan. The CLI maps them to one-line messages (cli/_errors.py)."""

from __future__ import annotations


class OsaiScanError(Exception):
    """Root of every error osai-scan raises on purpose.

    Args:
        message: what failed, on which object.
        hint: the next step for the user, if there is a useful one.
    """

    exit_code = 3

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} {self.hint}"


class UsageError(OsaiScanError):
    """The user asked for something that cannot be done as asked (exit 2)."""

    exit_code = 2


class SourceError(OsaiScanError):
    """A scan target cannot be listed or read."""


class TargetNotFoundError(SourceError, UsageError):
    """The target path does not exist or is not a folder (exit 2)."""

    exit_code = 2


class RuleError(UsageError):
    """A rules file is invalid. Carries the file and, when known, the line."""

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class DetectorError(OsaiScanError):
    """The license detector could not run."""


class ReportError(OsaiScanError):
    """A report could not be written."""
