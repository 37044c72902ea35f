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


class HubError(SourceError):
    """A Hugging Face Hub repository cannot be listed or read (exit 3).

    Args:
        message: what failed, on which repository.
        repo_id: the repository concerned.
        hint: the next step for the user.
    """

    def __init__(self, message: str, *, repo_id: str, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.repo_id = repo_id


class HubRepoNotFoundError(HubError):
    """The repository does not exist, or is private and the token has no access to it."""


class HubGatedError(HubError):
    """The repository is gated and the token (if any) has not been granted access."""


class HubAccessDeniedError(HubError):
    """The Hub refused access (401/403) for a reason other than a gate (bad token, disabled repo)."""


class HubRevisionNotFoundError(HubError):
    """The branch, tag or commit asked for does not exist in the repository."""


class HubRateLimitedError(HubError):
    """The Hub kept answering 429 Too Many Requests after the bounded retries.

    Attributes:
        retry_after: seconds the server asked to wait, when it said.
    """

    def __init__(self, message: str, *, repo_id: str, hint: str | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(message, repo_id=repo_id, hint=hint)
        self.retry_after = retry_after


class HubUnavailableError(HubError):
    """The Hub did not answer usefully (5xx, timeouts, cut connections) after the bounded retries."""


class HubDeadlineError(HubUnavailableError):
    """The scan used up its Hub time budget (``HUB_SCAN_DEADLINE_SECONDS``, OSAI_SCAN_HUB_DEADLINE).

    Attributes:
        deadline: the budget in seconds.
    """

    def __init__(self, message: str, *, repo_id: str, deadline: float, hint: str | None = None) -> None:
        super().__init__(message, repo_id=repo_id, hint=hint)
        self.deadline = deadline


class DownloadCapExceededError(HubError):
    """Reading the evidence would download more than the total download cap allows.

    Attributes:
        cap: the total cap in bytes.
        path: the file that would have crossed it.
    """

    def __init__(self, message: str, *, repo_id: str, cap: int, path: str, hint: str | None = None) -> None:
        super().__init__(message, repo_id=repo_id, hint=hint)
        self.cap = cap
        self.path = path
