"""Defaults, limits and environment variables, read in one place."""

from __future__ import annotations

import os

SCHEMA_VERSION = "1.1.0"
DEFAULT_PROFILE = "blog-2024"

#: Bytes of a file read to look for content signals when classifying.
CLASSIFY_HEAD_BYTES = 256 * 1024
#: Text files larger than this are not handed to ScanCode (reported as skipped).
MAX_TEXT_BYTES = int(os.environ.get("OSAI_SCAN_MAX_TEXT_BYTES", 4 * 1024 * 1024))
#: Bytes sniffed to tell text from binary.
SNIFF_BYTES = 8192
#: Upper bound on a weights-file header we are willing to read (safetensors, GGUF).
MAX_HEADER_BYTES = 8 * 1024 * 1024
#: Files up to this size get a content id computed locally when git has none.
HASH_MAX_BYTES = 16 * 1024 * 1024
#: Soft per-file ScanCode deadline, in seconds.
DETECT_DEADLINE_SECONDS = float(os.environ.get("OSAI_SCAN_DEADLINE", 60))

#: Set this to a timestamp to make reports carry a fixed generation time.
SOURCE_DATE_EPOCH = os.environ.get("SOURCE_DATE_EPOCH")
