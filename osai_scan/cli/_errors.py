"""Known exceptions → one-line messages and exit codes (most specific first).

osai-scan's own errors carry their message, next step and exit code. Hub client errors that
reach the boundary without being translated (they should not) are translated here with the
same table the Hub source uses; GatedRepoError is a subclass of RepositoryNotFoundError, so the
translation tests it first.
"""

from __future__ import annotations

import sys

from ..errors import (
    DownloadCapExceededError,
    HubAccessDeniedError,
    HubGatedError,
    HubRateLimitedError,
    HubRepoNotFoundError,
    HubRevisionNotFoundError,
    HubUnavailableError,
    OsaiScanError,
    RuleError,
    TargetNotFoundError,
    UsageError,
)

#: Ordered subclass first: the first matching entry decides the message and the exit code.
KNOWN: tuple[type[OsaiScanError], ...] = (
    RuleError,
    TargetNotFoundError,
    UsageError,
    HubGatedError,
    HubRepoNotFoundError,
    HubRevisionNotFoundError,
    HubAccessDeniedError,
    HubRateLimitedError,
    HubUnavailableError,
    DownloadCapExceededError,
    OsaiScanError,
)


def _hub_client_error(exc: BaseException) -> OsaiScanError | None:
    if "huggingface_hub" not in sys.modules:
        return None
    import httpx2
    from huggingface_hub import errors as hf_errors

    if not isinstance(exc, (hf_errors.HfHubHTTPError, hf_errors.LocalEntryNotFoundError, httpx2.HTTPError)):
        return None
    from ..sources.hub import hub_endpoint
    from ..sources.hub_http import translate

    translated = translate(exc, what="a request", repo_id=getattr(exc, "repo_id", None) or "?",
                           endpoint=hub_endpoint())
    return translated if isinstance(translated, OsaiScanError) else None


def format_known(exc: BaseException) -> tuple[str, int] | None:
    """Return (message, exit code) for an exception the user can act on, else None."""
    if not isinstance(exc, OsaiScanError):
        exc = _hub_client_error(exc) or exc
    for kind in KNOWN:
        if isinstance(exc, kind):
            assert isinstance(exc, OsaiScanError)
            return str(exc), exc.exit_code
    return None
