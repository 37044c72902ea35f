"""Hub options and endpoint resolution: what the CLI and the pipeline need about the Hub
without importing the Hub client (kept off the path of local scans)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..constants import (
    HUB_DEFAULT_ENDPOINT,
    HUB_MAX_API_BYTES,
    HUB_MAX_DOWNLOAD,
    HUB_MAX_FILE_DOWNLOAD,
    HUB_MAX_PAGES,
    HUB_REQUEST_DEADLINE_SECONDS,
    HUB_SCAN_DEADLINE_SECONDS,
    HUB_TIMEOUT_SECONDS,
)

if TYPE_CHECKING:
    from .hub_http import RetryPolicy


def hub_endpoint(explicit: str | None = None) -> str:
    """The Hub endpoint: ``explicit``, else HF_ENDPOINT (read now, not at import), else the public Hub."""
    return (explicit or os.environ.get("HF_ENDPOINT") or HUB_DEFAULT_ENDPOINT).rstrip("/")


@dataclass(frozen=True, kw_only=True)
class HubOptions:
    """How to reach the Hub and how much to transfer.

    Attributes:
        token: a Hub token; None uses HF_TOKEN or the cached login; False sends none.
        endpoint: the Hub endpoint; None reads HF_ENDPOINT when the source is opened.
        max_download: total bytes a scan may transfer (whole small files and header ranges).
        max_file_download: larger files are not downloaded (weights never are).
        cache_dir: huggingface_hub cache folder; None uses its default (HF_HUB_CACHE).
        timeout: seconds for any single network operation.
        retry: attempts and backoff for each request.
        request_deadline: seconds one request may take in all (a dripping server trips it).
        scan_deadline: seconds the scan may spend waiting on the Hub, retries and backoff included.
        max_pages: pages of a file listing before it is refused.
        max_api_bytes: bytes of one API answer (model info, a page of the file list).
    """

    token: str | bool | None = field(default=None, repr=False)
    endpoint: str | None = None
    max_download: int = HUB_MAX_DOWNLOAD
    max_file_download: int = HUB_MAX_FILE_DOWNLOAD
    cache_dir: Path | None = None
    timeout: float = HUB_TIMEOUT_SECONDS
    retry: RetryPolicy | None = None
    request_deadline: float = HUB_REQUEST_DEADLINE_SECONDS
    scan_deadline: float = HUB_SCAN_DEADLINE_SECONDS
    max_pages: int = HUB_MAX_PAGES
    max_api_bytes: int = HUB_MAX_API_BYTES


def with_endpoint(options: HubOptions | None, endpoint: str | None) -> HubOptions:
    """``options`` with ``endpoint`` filled in when the target named one."""
    options = options or HubOptions()
    return replace(options, endpoint=endpoint) if endpoint else options
