"""Defaults, limits and environment variables, read in one place."""

from __future__ import annotations

import os

SCHEMA_VERSION = "1.1.0"
DEFAULT_PROFILE = "blog-2024"

#: Bytes of a file read to look for content signals when classifying.
CLASSIFY_HEAD_BYTES = 256 * 1024
#: Text files larger than this are not handed to ScanCode (reported as skipped).
MAX_TEXT_BYTES = int(os.environ.get("OSAI_SCAN_MAX_TEXT_BYTES", 4 * 1024 * 1024))
#: Bytes of a model card (README.md) read for its YAML front matter.
CARD_MAX_BYTES = 1024 * 1024
#: A model card's YAML front matter larger than this is not parsed (pure-Python YAML, with
#: aliases refused, parses about 200 KB/s; real cards' front matter is a few KB).
FRONT_MATTER_MAX_BYTES = 256 * 1024
#: Most bytes one local scan reads in total (content ids, classification heads, headers, cards,
#: the text given to ScanCode); files past it are reported skipped with this limit.
MAX_SCAN_READ_BYTES = int(os.environ.get("OSAI_SCAN_MAX_READ_BYTES", 4 * 1024**3))
#: Bytes sniffed to tell text from binary.
SNIFF_BYTES = 8192
#: Upper bound on a weights-file header we are willing to read (safetensors, GGUF).
MAX_HEADER_BYTES = 8 * 1024 * 1024
#: Files up to this size get a content id computed locally when git has none.
HASH_MAX_BYTES = 16 * 1024 * 1024
#: Per-file license-matching budget in seconds (``--timeout``): ScanCode's soft deadline; a hard
#: stop comes at twice this. A file that reaches either is reported ``partial``.
DETECT_DEADLINE_SECONDS = float(os.environ.get("OSAI_SCAN_TIMEOUT", os.environ.get("OSAI_SCAN_DEADLINE", 60)))

#: Environment variable naming the cache folder (``--cache-dir``).
CACHE_DIR_ENV = "OSAI_SCAN_CACHE_DIR"

#: Set this to a timestamp to make reports carry a fixed generation time.
SOURCE_DATE_EPOCH = os.environ.get("SOURCE_DATE_EPOCH")

# -- Hugging Face Hub ------------------------------------------------------------------------------

#: The public Hub; HF_ENDPOINT (read when a Hub source is opened) points elsewhere (mirrors, private hubs).
HUB_DEFAULT_ENDPOINT = "https://huggingface.co"
#: Longest wait, in seconds, for any single network operation against the Hub (connect, read, write).
HUB_TIMEOUT_SECONDS = float(os.environ.get("OSAI_SCAN_HUB_TIMEOUT", 10))
#: Longest time, in seconds, one Hub request may take in all (connect, headers and body): a server
#: that drips its answer a byte at a time never trips ``HUB_TIMEOUT_SECONDS`` but trips this.
HUB_REQUEST_DEADLINE_SECONDS = float(os.environ.get("OSAI_SCAN_HUB_REQUEST_DEADLINE", 60))
#: Longest time, in seconds, one scan may spend waiting on the Hub (requests, retries and backoff
#: together); past it the scan stops with a one-line error (exit 3).
HUB_SCAN_DEADLINE_SECONDS = float(os.environ.get("OSAI_SCAN_HUB_DEADLINE", 1800))
#: Attempts per Hub request before giving up on 429, 5xx, timeouts and cut connections. This is the
#: only retry in force: huggingface_hub's own retries are switched off (``sources/hub_transport.py``).
HUB_ATTEMPTS = 3
#: First backoff between attempts, in seconds (doubled each time) when the server gives no Retry-After.
HUB_BACKOFF_SECONDS = 0.5
#: A Retry-After longer than this is not waited for: the scan stops and says when to try again.
HUB_MAX_RETRY_AFTER_SECONDS = 30.0
#: Default per-file download cap: larger files are not downloaded (reported as skipped).
HUB_MAX_FILE_DOWNLOAD = 1024 * 1024
#: Default total download cap for one scan (whole small files plus header ranges).
HUB_MAX_DOWNLOAD = 64 * 1024 * 1024
#: A read of at most this many bytes of a large (LFS) file is a ranged request, never a download
#: (content sniffing of extension-less files). Weight headers are read exactly, with no read-ahead.
HUB_READ_AHEAD = 64 * 1024
#: A file listing spread over more pages than this is refused (a ``Link: rel=next`` that never ends).
HUB_MAX_PAGES = int(os.environ.get("OSAI_SCAN_HUB_MAX_PAGES", 1000))
#: Redirects followed for one Hub request (a loop stops here).
HUB_MAX_REDIRECTS = 10
#: An API answer (model info, a page of the file list) larger than this is not read.
HUB_MAX_API_BYTES = 64 * 1024 * 1024
#: At most this many base models and datasets are looked up on the Hub per scan.
HUB_MAX_LOOKUPS = 20
#: ``scan --follow``: at most this many sources in one system (given ones and followed ones).
MAX_SOURCES = 5
