"""Retries and error translation for the Hub source, and exact ranged reads.

Every request the Hub source makes runs inside ``call_with_retries``, the one retry policy in
force: the transport (``hub_transport.HubTransport``) turns 429 and 5xx answers, timeouts and
cut connections into ``HubTransientError``, which huggingface_hub's own retry loops do not
catch, so they never run. Failures are retried a bounded number of times with exponential
backoff, honouring a ``Retry-After`` up to ``max_retry_after`` seconds (a longer one is
reported, never waited for), within the scan's Hub time budget. What still fails becomes one
of the typed errors of ``osai_scan.errors``, each with a one-line message that counts the
attempts really made, and the next step.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable, TypeVar

import httpx2
from huggingface_hub import errors as hf_errors

from ..constants import (
    HUB_ATTEMPTS,
    HUB_BACKOFF_SECONDS,
    HUB_MAX_RETRY_AFTER_SECONDS,
    HUB_TIMEOUT_SECONDS,
)
from ..errors import (
    HubAccessDeniedError,
    HubDeadlineError,
    HubError,
    HubGatedError,
    HubRateLimitedError,
    HubRepoNotFoundError,
    HubRevisionNotFoundError,
    HubUnavailableError,
)
from .hub_transport import (
    RETRY_STATUSES,
    HubRefusedError,
    HubTransientError,
    HubTransport,
    install_timeouts,
    make_client,
)

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Transport failures worth another attempt (timeouts, resets, cut bodies), when they reach us unconverted.
RETRY_EXCEPTIONS = (httpx2.TimeoutException, httpx2.NetworkError, httpx2.RemoteProtocolError)
#: An error body larger than this is not read.
_MAX_ERROR_BODY = 64 * 1024
#: The transport under its former name.
TimeoutTransport = HubTransport


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    """How often and how patiently a Hub request is retried.

    Attributes:
        attempts: tries in all (the first one included).
        backoff: seconds before the second try, doubled after each failure.
        max_retry_after: a longer Retry-After is not waited for.
        timeout: the per-operation timeout in force (quoted in messages).
    """

    attempts: int = HUB_ATTEMPTS
    backoff: float = HUB_BACKOFF_SECONDS
    max_retry_after: float = HUB_MAX_RETRY_AFTER_SECONDS
    timeout: float = HUB_TIMEOUT_SECONDS


def _status(exc: BaseException) -> int | None:
    if isinstance(exc, HubTransientError):
        return exc.status
    response = getattr(exc, "response", None)
    return getattr(response, "status_code", None)


def _retry_after(exc: BaseException) -> float | None:
    if isinstance(exc, HubTransientError):
        return exc.retry_after
    response = getattr(exc, "response", None)
    value = response.headers.get("Retry-After") if response is not None else None
    try:
        return max(float(value), 0.0) if value is not None else None
    except ValueError:
        return None


def _root_cause(exc: BaseException) -> BaseException:
    """The error huggingface_hub wrapped (LocalEntryNotFoundError hides the failed HEAD)."""
    if isinstance(exc, hf_errors.LocalEntryNotFoundError) and exc.__cause__ is not None:
        return exc.__cause__
    return exc


def is_retryable(exc: BaseException) -> bool:
    """True for 429/5xx answers, timeouts and cut connections."""
    if isinstance(exc, HubTransientError):
        return True
    if isinstance(exc, hf_errors.LocalEntryNotFoundError):
        return False  # huggingface_hub already retried the HEAD behind it
    if isinstance(exc, RETRY_EXCEPTIONS):
        return True
    return isinstance(exc, hf_errors.HfHubHTTPError) and _status(exc) in RETRY_STATUSES


def call_with_retries(call: Callable[[], T], *, what: str, repo_id: str, endpoint: str,
                      revision: str | None = None, policy: RetryPolicy = RetryPolicy(),
                      sleep: Callable[[float], None] = time.sleep, ends_at: float | None = None,
                      budget_seconds: float | None = None) -> T:
    """Run ``call``; retry it on transient failures; translate what still fails.

    Args:
        call: the request (one huggingface_hub call or one ranged read).
        what: what is being fetched, for messages ("the file list", "'LICENSE'").
        repo_id: the repository concerned.
        endpoint: the Hub endpoint (quoted in messages).
        revision: the revision asked for (quoted in messages).
        policy: attempts and backoff.
        sleep: the sleep function (tests pass a fake).
        ends_at: ``time.monotonic()`` past which no attempt starts and no backoff is slept.
        budget_seconds: the scan's Hub time budget that ``ends_at`` comes from (quoted in messages).

    Raises:
        HubError: a typed error with a one-line message and the next step.
    """
    delay = policy.backoff
    last: BaseException | None = None
    for attempt in range(1, policy.attempts + 1):
        if ends_at is not None and time.monotonic() >= ends_at:
            raise _deadline(what, repo_id, endpoint, budget_seconds, last, attempt - 1, policy)
        try:
            return call()
        except HubError:
            raise
        except Exception as exc:  # noqa: BLE001 - every failure is either retried or translated
            last = exc
            if not is_retryable(exc) or attempt == policy.attempts:
                raise translate(exc, what=what, repo_id=repo_id, endpoint=endpoint, revision=revision,
                                attempts=attempt, policy=policy) from exc
            wait = _retry_after(exc) if _status(exc) == 429 else None
            if wait is not None and wait > policy.max_retry_after:
                raise translate(exc, what=what, repo_id=repo_id, endpoint=endpoint, revision=revision,
                                attempts=attempt, policy=policy) from exc
            wait = delay if wait is None else wait
            if ends_at is not None and time.monotonic() + wait >= ends_at:
                raise _deadline(what, repo_id, endpoint, budget_seconds, exc, attempt, policy) from exc
            logger.info("Hub request for %s of %s failed (%s); retrying in %.1f s", what, repo_id, exc, wait)
            sleep(wait)
            delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover


def _deadline(what: str, repo_id: str, endpoint: str, budget_seconds: float | None, last: BaseException | None,
              attempts: int, policy: RetryPolicy) -> HubDeadlineError:
    spent = f"its {budget_seconds:g} s" if budget_seconds is not None else "its"
    after = ""
    if last is not None:
        tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
        after = f" (last failure: {_describe(_root_cause(last), policy)}, {tries})"
    return HubDeadlineError(
        f"The scan of '{repo_id}' used up {spent} Hub time budget before {what} could be read from {endpoint}{after}.",
        repo_id=repo_id, deadline=budget_seconds or 0.0,
        hint="Try again later; OSAI_SCAN_HUB_DEADLINE sets the budget.")


def _describe(exc: BaseException, policy: RetryPolicy) -> str:
    if isinstance(exc, (HubTransientError, HubRefusedError)):
        return exc.description
    status = _status(exc)
    if status is not None:
        return f"HTTP {status}"
    if isinstance(exc, httpx2.TimeoutException):
        return f"no answer within {policy.timeout:g} s"
    if isinstance(exc, httpx2.ConnectError):
        return f"cannot connect: {exc}"
    if isinstance(exc, httpx2.RemoteProtocolError):
        return f"connection cut mid-answer: {exc}"
    if isinstance(exc, httpx2.TooManyRedirects):
        return f"a redirect loop ({str(exc).rstrip('.')})"
    return f"{type(exc).__name__}: {exc}"


def translate(exc: BaseException, *, what: str, repo_id: str, endpoint: str, revision: str | None = None,
              attempts: int = 1, policy: RetryPolicy = RetryPolicy()) -> HubError | OSError:
    """Turn a huggingface_hub / httpx2 failure into a typed error with the next step.

    GatedRepoError is a subclass of RepositoryNotFoundError, so it is tested first. Errors about
    one file that say nothing about the repository (a missing entry) stay plain OSErrors, so the
    file is reported as unreadable rather than ending the scan.
    """
    cause = _root_cause(exc)
    page = f"{endpoint.rstrip('/')}/{repo_id}"
    token_hint = "pass a token that has access with --token or HF_TOKEN (or run `hf auth login`)"
    if isinstance(cause, hf_errors.GatedRepoError):
        return HubGatedError(
            f"Hub repo '{repo_id}' is gated and {'the token given has' if _status(cause) == 403 else 'no token with'} "
            f"access to it was sent (HTTP {_status(cause)}).",
            repo_id=repo_id, hint=f"Request access at {page}, then {token_hint}.")
    if isinstance(cause, hf_errors.RepositoryNotFoundError):
        return HubRepoNotFoundError(
            f"Hub repo '{repo_id}' was not found at {endpoint}.",
            repo_id=repo_id, hint=f"Check the id; if the repo is private, {token_hint}.")
    if isinstance(cause, hf_errors.RevisionNotFoundError):
        return HubRevisionNotFoundError(
            f"Revision '{revision}' of Hub repo '{repo_id}' was not found.",
            repo_id=repo_id, hint=f"Give an existing branch, tag or commit (see {page}/tree/main).")
    if isinstance(cause, hf_errors.RemoteEntryNotFoundError):
        return FileNotFoundError(f"{what} is not in the repository at this commit")
    if isinstance(cause, hf_errors.DisabledRepoError):
        return HubAccessDeniedError(f"Hub repo '{repo_id}' is disabled: the Hub refuses to serve its files.",
                                    repo_id=repo_id, hint="Nothing can be scanned until its owners re-enable it.")
    status = _status(cause)
    tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
    if status == 429:
        after = _retry_after(cause)
        return HubRateLimitedError(
            f"The Hub at {endpoint} rate-limited the requests for {what} of '{repo_id}' (HTTP 429, {tries}).",
            repo_id=repo_id, retry_after=after,
            hint=(f"Wait {after:g} s and scan again" if after is not None else "Wait a minute and scan again")
            + "; authenticated requests (--token or HF_TOKEN) get a higher limit.")
    if status in (401, 403):
        return HubAccessDeniedError(
            f"The Hub at {endpoint} refused access to {what} of '{repo_id}' (HTTP {status}).",
            repo_id=repo_id, hint=f"Check that the token is valid; if the repo is private or gated, {token_hint}.")
    if isinstance(cause, (hf_errors.HfHubHTTPError, *RETRY_EXCEPTIONS, httpx2.TransportError, httpx2.TooManyRedirects,
                          HubTransientError, HubRefusedError, hf_errors.FileMetadataError,
                          hf_errors.OfflineModeIsEnabled)):
        return HubUnavailableError(
            f"The Hub at {endpoint} did not serve {what} of '{repo_id}' ({_describe(cause, policy)}, {tries}).",
            repo_id=repo_id,
            hint="Try again later; check your network, proxy and HF_ENDPOINT "
                 "(OSAI_SCAN_HUB_TIMEOUT sets the per-request timeout).")
    if isinstance(cause, OSError):
        return cause
    return OSError(f"{what}: {type(cause).__name__}: {cause}")


def ranged_get(client: httpx2.Client, url: str, headers: dict[str, str], offset: int, size: int) -> bytes:
    """GET bytes ``offset`` to ``offset + size - 1`` of ``url``, never reading more than ``size`` bytes.

    The answer must be a 206 starting at ``offset``, or a 200 whose Content-Length is within
    the range asked for (a whole small file). Anything else is refused without reading the body,
    so a server that ignores ``Range`` cannot make us download a weights file.

    Raises:
        HfHubHTTPError: the server answered with an error status.
        OSError: the server ignored the range, or sent a body that does not fit it.
        httpx2.HTTPError: transport failure (timeouts, cut connection).
    """
    from huggingface_hub.utils import hf_raise_for_status

    request_headers = dict(headers, Range=f"bytes={offset}-{offset + size - 1}")
    request_headers["Accept-Encoding"] = "identity"
    with client.stream("GET", url, headers=request_headers) as response:
        if response.status_code >= 400:
            length = response.headers.get("Content-Length")
            if length is not None and length.isdigit() and int(length) <= _MAX_ERROR_BODY:
                hf_raise_for_status(response)
            raise hf_errors.HfHubHTTPError(f"HTTP {response.status_code} for {url}", response=response)
        length_header = response.headers.get("Content-Length")
        declared = int(length_header) if length_header and length_header.isdigit() else None
        if response.status_code == 206:
            content_range = response.headers.get("Content-Range", "")
            if not content_range.startswith(f"bytes {offset}-"):
                raise OSError(f"server answered range {content_range!r} to a request for bytes {offset}-")
        elif response.status_code == 200:
            if offset != 0 or declared is None or declared > size:
                raise OSError(f"server ignored the Range header (HTTP 200, Content-Length {declared}); "
                              "the body was not read")
        else:
            raise OSError(f"unexpected HTTP {response.status_code} to a ranged read")
        chunks: list[bytes] = []
        got = 0
        for chunk in response.iter_bytes():
            chunks.append(chunk[: size - got])
            got += len(chunks[-1])
            if got >= size:
                break
    data = b"".join(chunks)
    if declared is not None and len(data) < min(declared, size):
        raise httpx2.RemoteProtocolError(f"body cut after {len(data)} of {min(declared, size)} bytes")
    return data


__all__ = ["HubRefusedError", "HubTransientError", "RetryPolicy", "TimeoutTransport", "call_with_retries",
           "install_timeouts", "make_client", "ranged_get", "translate"]
