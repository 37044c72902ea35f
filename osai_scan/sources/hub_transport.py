"""The one HTTP transport every Hub request goes through: timeouts, deadlines, caps, and no hidden retries.

``huggingface_hub`` retries on its own inside its HEAD, download and pagination calls (up to
five times, honouring any ``Retry-After``, an hour included), and passes ``timeout=None`` on
its API calls. ``HubTransport``, installed as its client factory, takes that over:

* every request gets a per-operation timeout (``HUB_TIMEOUT_SECONDS``) and an overall
  deadline (``HUB_REQUEST_DEADLINE_SECONDS``) that also covers a server dripping its answer a
  byte at a time: every socket read and write is bounded by what is left of the deadline;
* a 429, a 5xx, a timeout or a cut connection is raised as ``HubTransientError``, which the
  client does not catch, so it never retries: ``hub_http.call_with_retries`` is the one retry
  policy, and its messages count the true number of attempts;
* what osai-scan will not use is raised as ``HubRefusedError`` (never retried): an API
  request or redirect to another host than the endpoint (a next-page link, a redirected file
  list), a file list of more than ``max_pages`` pages or whose next-page link loops, a body
  larger than the listing says or than the download caps allow (counted on the bytes that
  arrive, not on what the server announces), a compressed body when none was asked for;
* the ``Authorization`` header never leaves the endpoint's host.

The limits of one Hub operation travel in a ``RequestBudget`` set for the calling thread
(``budget()``); requests made outside one get the defaults and no host checks.
"""

from __future__ import annotations

import threading
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator
from urllib.parse import urlsplit

import httpcore2
import httpx2

from ..constants import (
    HUB_MAX_API_BYTES,
    HUB_MAX_PAGES,
    HUB_MAX_REDIRECTS,
    HUB_REQUEST_DEADLINE_SECONDS,
    HUB_TIMEOUT_SECONDS,
)

#: HTTP statuses worth another attempt.
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})

_local = threading.local()


class HubTransientError(Exception):
    """A failure worth another attempt: a 429 or 5xx answer, a timeout, a cut connection.

    Not an ``OSError`` nor an ``httpx2`` error, so no ``huggingface_hub`` retry loop catches it.

    Attributes:
        description: what happened, for messages ("HTTP 503", "no answer within 10 s").
        status: the HTTP status, when there was an answer.
        retry_after: the server's Retry-After in seconds, when it gave one.
        url: the URL asked for.
    """

    def __init__(self, description: str, *, status: int | None = None, retry_after: float | None = None,
                 url: str = "") -> None:
        super().__init__(description)
        self.description, self.status, self.retry_after, self.url = description, status, retry_after, url


class HubRefusedError(Exception):
    """An answer or a link osai-scan does not follow or read; never retried.

    Attributes:
        description: what was refused and why.
        url: the URL concerned.
    """

    def __init__(self, description: str, *, url: str = "") -> None:
        super().__init__(description)
        self.description, self.url = description, url


@dataclass(slots=True)
class RequestBudget:
    """The limits of one Hub operation (one client call, redirects and pages included).

    Attributes:
        endpoint: the Hub endpoint; the token never leaves its host.
        files: True when the operation reads a file (HEAD, body, range), which may be served from
            another host (the Hub's CDN); any other operation (model info, the file list, a card)
            refuses a request or a redirect to another host.
        request_deadline: seconds one request may take in all.
        ends_at: ``time.monotonic()`` value past which no request may run (the scan's Hub time budget).
        max_body: bytes of file bodies this operation may receive (None: no cap).
        max_pages: pages of a file listing.
        max_api_bytes: bytes of one API answer.
        body_bytes: file body bytes received so far (what arrived, cut bodies included).
        pages: file-listing pages asked for so far.
    """

    endpoint: str
    files: bool = False
    request_deadline: float = HUB_REQUEST_DEADLINE_SECONDS
    ends_at: float | None = None
    max_body: int | None = None
    max_pages: int = HUB_MAX_PAGES
    max_api_bytes: int = HUB_MAX_API_BYTES
    body_bytes: int = 0
    pages: list[str] = field(default_factory=list)


@contextmanager
def budget(limits: RequestBudget) -> Iterator[RequestBudget]:
    """Apply ``limits`` to the Hub requests this thread makes inside the block."""
    previous = getattr(_local, "budget", None)
    _local.budget = limits
    try:
        yield limits
    finally:
        _local.budget = previous


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme, 0)
    try:
        port = parts.port or default
    except ValueError:
        port = -1
    return parts.scheme, (parts.hostname or "").lower(), port


def _where(url: str) -> str:
    scheme, host, port = _origin(url)
    return f"{scheme}://{host}:{port}"


# -- deadlines at the socket ---------------------------------------------------------------------------


class _DeadlinePassed(httpcore2.ReadTimeout):
    """The request's overall deadline passed (mapped by httpx2 to a ReadTimeout whose cause is this)."""


def _left(timeout: float | None) -> float | None:
    deadline = getattr(_local, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise _DeadlinePassed("the request deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore2.NetworkStream):
    """A socket stream whose every read and write ends by the calling thread's request deadline."""

    def __init__(self, inner: httpcore2.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            return self._inner.read(max_bytes, _left(timeout))
        except httpcore2.ReadTimeout:
            _left(None)  # the deadline, rather than the per-read timeout, when both passed
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore2.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _left(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore2.NetworkBackend):
    """Opens ``_DeadlineStream``s (connects are bounded by the deadline too)."""

    def __init__(self, inner: httpcore2.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore2.NetworkStream:
        return _DeadlineStream(self._inner.connect_tcp(host, port, _left(timeout), local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore2.NetworkStream:
        return _DeadlineStream(self._inner.connect_unix_socket(path, _left(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


# -- the transport -----------------------------------------------------------------------------------------


def _retry_after(response: httpx2.Response) -> float | None:
    value = (response.headers.get("Retry-After") or "").strip()
    try:
        return max(float(value), 0.0) if value else None
    except ValueError:
        return None


class HubTransport(httpx2.HTTPTransport):
    """An HTTP transport with bounded time, bounded bodies, host checks, and failures the client cannot retry.

    Args:
        timeout: seconds for each of connect, read, write and pool (a request's own longer or
            missing timeout is capped to it).
        deadline: seconds one request may take in all, when no ``RequestBudget`` says otherwise.
        **kwargs: passed to ``httpx2.HTTPTransport`` (for example ``proxy``).
    """

    def __init__(self, timeout: float, deadline: float = HUB_REQUEST_DEADLINE_SECONDS, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.timeout = timeout
        self.deadline = deadline
        pool = getattr(self, "_pool", None)
        if pool is not None and hasattr(pool, "_network_backend"):
            # httpcore2 takes the backend as a ConnectionPool argument that httpx2 does not pass on.
            pool._network_backend = _DeadlineBackend(pool._network_backend)

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        """Check the host, bound the time, send; turn transient failures into ``HubTransientError``."""
        limits: RequestBudget | None = getattr(_local, "budget", None)
        url = str(request.url)
        api = not limits.files if limits is not None else request.url.path.startswith("/api/")
        if limits is not None:
            self._check_request(request, url, api, limits)
            # Sizes are checked on the bytes that arrive: ask for no compression (no gzip bombs).
            request.headers["Accept-Encoding"] = "identity"
        now = time.monotonic()
        deadline = now + (self.deadline if limits is None else limits.request_deadline)
        if limits is not None and limits.ends_at is not None:
            deadline = min(deadline, limits.ends_at)
        _local.deadline = deadline
        current = dict(request.extensions.get("timeout") or {})
        request.extensions["timeout"] = {
            key: self.timeout if current.get(key) is None else min(float(current[key]), self.timeout)
            for key in ("connect", "read", "write", "pool")
        }
        try:
            response = super().handle_request(request)
        except httpx2.TransportError as exc:
            raise transient(exc, url, deadline - now, self.timeout) from exc
        return self._check_response(request, response, url, api, limits, deadline - now)

    def _check_request(self, request: httpx2.Request, url: str, api: bool, limits: RequestBudget) -> None:
        if _origin(url) != _origin(limits.endpoint):
            request.headers.pop("Authorization", None)  # the token stays with the endpoint's host
            if api:
                raise HubRefusedError(f"a link to another host ({_where(url)}) was not followed", url=url)
        if api and "/tree/" in url and request.method == "GET":
            if url in limits.pages:
                raise HubRefusedError("its next-page link points back at a page already read (a pagination loop)",
                                      url=url)
            if len(limits.pages) >= limits.max_pages:
                raise HubRefusedError(
                    f"the listing goes on past {limits.max_pages} pages (limit: OSAI_SCAN_HUB_MAX_PAGES)", url=url)
            limits.pages.append(url)

    def _check_response(self, request: httpx2.Request, response: httpx2.Response, url: str, api: bool,
                        limits: RequestBudget | None, allowed: float) -> httpx2.Response:
        status = response.status_code
        if status in RETRY_STATUSES:
            response.close()
            raise HubTransientError(f"HTTP {status}", status=status, retry_after=_retry_after(response), url=url)
        location = response.headers.get("Location")
        if limits is not None and api and 300 <= status < 400 and location:
            target = str(request.url.join(location))
            if _origin(target) != _origin(limits.endpoint):
                response.close()
                raise HubRefusedError(f"it redirected to another host ({_where(target)}); not followed", url=url)
        if not 200 <= status < 300 or request.method == "HEAD":
            return response
        cap = None
        if limits is not None:
            cap = limits.max_api_bytes if api else (
                None if limits.max_body is None else max(limits.max_body - limits.body_bytes, 0))
        encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
        decoder = None
        if encoding not in ("", "identity") and request.headers.get("Accept-Encoding") == "identity":
            if not api or encoding not in ("gzip", "x-gzip", "deflate"):
                response.close()
                raise HubRefusedError(f"it sent a {encoding}-compressed body though none was asked for; not read",
                                      url=url)
            # An API answer compressed anyway is decoded here, so its cap counts the decoded bytes.
            decoder = zlib.decompressobj(zlib.MAX_WBITS | 16 if "gzip" in encoding else zlib.MAX_WBITS)
            del response.headers["Content-Encoding"]
        length = response.headers.get("Content-Length", "")
        if cap is not None and length.isdigit() and int(length) > cap:
            response.close()
            raise HubRefusedError(f"it announced a body of {int(length)} bytes, over the {cap} bytes allowed; "
                                  "not read", url=url)
        guarded = _GuardedStream(response.stream, cap=cap, limits=None if api else limits, url=url,
                                 allowed=allowed, timeout=self.timeout, decoder=decoder)
        response.stream = guarded  # type: ignore[assignment]
        return response


class _GuardedStream(httpx2.SyncByteStream):
    """A response body cut off at ``cap`` bytes, counted as it arrives; transport failures made transient."""

    def __init__(self, inner: Any, *, cap: int | None, limits: RequestBudget | None, url: str,
                 allowed: float, timeout: float, decoder: Any = None) -> None:
        self._inner, self._cap, self._limits, self._url = inner, cap, limits, url
        self._allowed, self._timeout, self._decoder = allowed, timeout, decoder
        self._got = 0

    def __iter__(self) -> Iterator[bytes]:
        try:
            for chunk in self._inner:
                if self._limits is not None:
                    self._limits.body_bytes += len(chunk)
                if self._decoder is None:
                    yield self._count(chunk)
                    continue
                while chunk:  # decoded a bounded piece at a time: a bomb stops at the cap
                    room = 1 + (self._cap - self._got if self._cap is not None else len(chunk) * 64)
                    try:
                        out = self._decoder.decompress(chunk, room)
                    except zlib.error as exc:
                        raise HubRefusedError(f"its compressed answer is corrupt ({exc})", url=self._url) from exc
                    chunk = self._decoder.unconsumed_tail
                    yield self._count(out)
        except httpx2.TransportError as exc:
            raise transient(exc, self._url, self._allowed, self._timeout) from exc

    def _count(self, data: bytes) -> bytes:
        self._got += len(data)
        if self._cap is not None and self._got > self._cap:
            raise HubRefusedError(f"it sent more than the {self._cap} bytes allowed; stopped there", url=self._url)
        return data

    def close(self) -> None:
        self._inner.close()


def transient(exc: BaseException, url: str, allowed: float, timeout: float) -> HubTransientError:
    """A ``HubTransientError`` describing a transport failure (timeout, deadline, cut connection)."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, _DeadlinePassed):
        cause = cause.__cause__ or cause.__context__
    if cause is not None:
        return HubTransientError(f"no complete answer within the {allowed:.3g} s request deadline", url=url)
    if isinstance(exc, httpx2.TimeoutException):
        return HubTransientError(f"no answer within {timeout:g} s", url=url)
    if isinstance(exc, httpx2.ConnectError):
        return HubTransientError(f"cannot connect: {exc}", url=url)
    if isinstance(exc, httpx2.RemoteProtocolError):
        return HubTransientError(f"connection cut mid-answer: {exc}", url=url)
    return HubTransientError(f"{type(exc).__name__}: {exc}", url=url)


# -- the client factory ------------------------------------------------------------------------------------


def _environment_proxies() -> dict[str, str | None]:
    try:
        from httpx2._utils import get_environment_proxies
    except ImportError:  # pragma: no cover - depends on httpx2 internals
        return {}
    return get_environment_proxies()


def make_client(timeout: float, deadline: float = HUB_REQUEST_DEADLINE_SECONDS) -> httpx2.Client:
    """An ``httpx2.Client`` like huggingface_hub's default one, with ``HubTransport``.

    Passing a transport turns off httpx2's own proxy handling, so the environment's proxies
    (HTTPS_PROXY, NO_PROXY, ...) are mounted here with the same limits. Redirects are followed
    up to ``HUB_MAX_REDIRECTS`` (httpx2 drops the Authorization header when one leaves the host).
    """
    from huggingface_hub.utils._http import hf_request_event_hook

    mounts: dict[str, httpx2.BaseTransport | None] = {
        pattern: None if proxy is None else HubTransport(timeout, deadline, proxy=proxy)
        for pattern, proxy in _environment_proxies().items()
    }
    return httpx2.Client(transport=HubTransport(timeout, deadline), mounts=mounts or None,
                         event_hooks={"request": [hf_request_event_hook]}, follow_redirects=True,
                         max_redirects=HUB_MAX_REDIRECTS, timeout=None)


_installed: tuple[tuple[float, float], Any] | None = None
_install_lock = threading.Lock()


def install_timeouts(timeout: float = HUB_TIMEOUT_SECONDS, deadline: float = HUB_REQUEST_DEADLINE_SECONDS) -> None:
    """Make huggingface_hub's shared HTTP client use ``HubTransport`` (again if someone replaced it).

    This replaces the client factory for the whole process, as ``huggingface_hub.set_client_factory``
    does for any caller.
    """
    global _installed
    from huggingface_hub import set_client_factory
    from huggingface_hub.utils import _http

    with _install_lock:
        current = getattr(_http, "_GLOBAL_CLIENT_FACTORY", None)
        if _installed is not None and _installed[0] == (timeout, deadline) and current is _installed[1]:
            return

        def factory() -> httpx2.Client:
            return make_client(timeout, deadline)

        set_client_factory(factory)
        _installed = ((timeout, deadline), factory)


__all__ = ["RETRY_STATUSES", "HubRefusedError", "HubTransientError", "HubTransport", "RequestBudget", "budget",
           "install_timeouts", "make_client", "transient"]
