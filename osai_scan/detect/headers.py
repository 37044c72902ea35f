"""Bounded header reads of weight files: safetensors and GGUF.

Nothing here reads a whole weights file or deserializes anything executable: a safetensors
header is JSON, a GGUF header is typed key/values. Every read goes through ``read(offset, n)``
so the same code works on local files and on HTTP range requests, and stops at
``MAX_HEADER_BYTES`` whatever the header claims.

A Parquet data file (datasets) costs 12 bytes: its magic at both ends and the footer length.

Reads are exact: a safetensors header costs its 8-byte length and then exactly the header it
announces; a GGUF header is read in chunks that start at ``GGUF_FIRST_READ`` bytes and double
until every key/value (and the tensor infos) is parsed. ``HeaderInfo.bytes_read`` says what
the parse cost.
"""

from __future__ import annotations

import json
import struct
from typing import Callable

from ..constants import MAX_HEADER_BYTES
from ..models import HeaderInfo, MetadataItem

#: read(offset, size) -> bytes (may return fewer bytes at end of file)
RangeReader = Callable[[int, int], bytes]


class HeaderError(ValueError):
    """The header is malformed, truncated or larger than we are willing to read."""


class HeaderLimitError(HeaderError):
    """The header is larger than the read limit (``MAX_HEADER_BYTES``): a limit hit, not a lie."""


class _TruncatedError(HeaderError):
    """The file ends inside the header."""


#: Largest parameter count a header may give (a signed 64-bit integer): a header whose shapes
#: multiply past it is refused, so an absurd shape never yields a number of thousands of digits.
MAX_PARAMETERS = 2**63 - 1
#: Deepest nesting of GGUF arrays (arrays of arrays) a header may use.
GGUF_MAX_ARRAY_DEPTH = 4


def _shape_parameters(name: str, shape: object, total: int) -> int:
    """``total`` plus the element count of one tensor shape, within ``MAX_PARAMETERS``.

    Raises:
        HeaderError: the shape is not a list of non-negative integers, or the count is absurd.
    """
    if not isinstance(shape, list):
        raise HeaderError(f"tensor {name!r} has no shape")
    count = 1
    for dim in shape:
        if not isinstance(dim, int) or isinstance(dim, bool):
            raise HeaderError(f"tensor {name!r} has a dimension that is not an integer")
        if dim < 0:
            raise HeaderError(f"tensor {name!r} has a negative dimension ({dim})")
        if dim == 0:
            return total
        count *= dim
        if count > MAX_PARAMETERS:
            raise HeaderError(f"tensor {name!r} has more than {MAX_PARAMETERS} elements; not a real model")
    total += count
    if total > MAX_PARAMETERS:
        raise HeaderError(f"the tensor shapes give more than {MAX_PARAMETERS} parameters; not a real model")
    return total


#: GGUF metadata keys worth reporting (license evidence and lineage).
GGUF_KEYS = (
    "general.architecture",
    "general.name",
    "general.license",
    "general.license.name",
    "general.license.link",
    "general.datasets",
    "general.organization",
    "general.base_model.count",
    "general.source.url",
    "general.source.huggingface.repository",
    "general.url",
    "general.repo_url",
    "general.quantization_version",
    "general.file_type",
)


def read_safetensors_header(read: RangeReader, max_bytes: int = MAX_HEADER_BYTES,
                            file_size: int | None = None) -> HeaderInfo:
    """Parse a safetensors header: 8-byte little-endian length, then JSON.

    Args:
        read: ``read(offset, n)``.
        max_bytes: the most header bytes read.
        file_size: the file's size, when known: a length past the end is a lie, not a limit hit.

    Raises:
        HeaderError: malformed header (HeaderLimitError: one over ``max_bytes``).
    """
    prefix = read(0, 8)
    if len(prefix) < 8:
        raise HeaderError("file shorter than the 8-byte safetensors header length")
    (length,) = struct.unpack("<Q", prefix)
    if file_size is not None and length > file_size - 8:
        raise HeaderError(f"header claims {length} bytes, the file holds {max(file_size - 8, 0)} after the length")
    if length > max_bytes:
        raise HeaderLimitError(f"header claims {length} bytes, more than the {max_bytes}-byte limit")
    raw = read(8, length)
    if len(raw) < length:
        raise HeaderError(f"header truncated: it claims {length} bytes, the file holds {len(raw)} after the length")
    try:
        header = json.loads(raw)
    except RecursionError:
        raise HeaderError("header JSON is nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, an integer of over 4,300 digits
        raise HeaderError(f"header is not valid JSON ({exc})") from None
    if not isinstance(header, dict):
        raise HeaderError("header is not a JSON object")
    metadata = header.pop("__metadata__", None) or {}
    params = 0
    for name, info in header.items():
        params = _shape_parameters(name, info.get("shape") if isinstance(info, dict) else None, params)
    items = tuple(
        MetadataItem(key=str(k)[:200], value=str(v)[:1000]) for k, v in sorted(metadata.items())
    ) if isinstance(metadata, dict) else ()
    return HeaderInfo(format="safetensors", tensor_count=len(header), parameter_count=params,
                      header_bytes=8 + length, bytes_read=8 + length, metadata=items)


#: First chunk of a GGUF header read; each further read doubles, so a header of ``n`` bytes
#: costs at most about ``2 n`` bytes (and ``log2(n / 4096)`` reads), never a fixed-size block.
GGUF_FIRST_READ = 4096


class _Cursor:
    """Sequential reads over a RangeReader, in growing chunks, with a hard byte budget.

    Attributes:
        pos: bytes parsed so far.
        fetched: bytes the reader returned (what the parse cost).
    """

    def __init__(self, read: RangeReader, budget: int) -> None:
        self._read = read
        self._budget = budget
        self._buf = b""
        self._buf_start = 0
        self._chunk = GGUF_FIRST_READ
        self.pos = 0
        self.fetched = 0

    def take(self, n: int) -> bytes:
        end = self.pos + n
        if end > self._budget:
            raise HeaderLimitError(f"header larger than the {self._budget}-byte limit")
        if end > self._buf_start + len(self._buf):
            start = self._buf_start + len(self._buf)
            want = max(end - start, min(self._chunk, self._budget - start))
            self._chunk *= 2
            chunk = self._read(start, want)
            self.fetched += len(chunk)
            self._buf = self._buf[self.pos - self._buf_start:] + chunk
            self._buf_start = self.pos
            if self.pos + n > self._buf_start + len(self._buf):
                raise _TruncatedError("header truncated")
        data = self._buf[self.pos - self._buf_start:end - self._buf_start]
        self.pos = end
        return data

    def unpack(self, fmt: str) -> int | float:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))[0]

    def string(self) -> str:
        length = int(self.unpack("Q"))
        return self.take(length).decode("utf-8", "replace")


_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}


def _gguf_value(cur: _Cursor, vtype: int, keep: bool, depth: int = 0) -> object:
    if vtype in _SCALARS:
        return cur.unpack(_SCALARS[vtype])
    if vtype == 8:
        return cur.string()
    if vtype == 9:
        if depth >= GGUF_MAX_ARRAY_DEPTH:
            raise HeaderError(f"arrays nested more than {GGUF_MAX_ARRAY_DEPTH} deep")
        item_type = int(cur.unpack("I"))
        count = int(cur.unpack("Q"))
        if item_type in _SCALARS and not keep:
            cur.take(count * struct.calcsize("<" + _SCALARS[item_type]))
            return None
        values = [_gguf_value(cur, item_type, keep, depth + 1) for _ in range(count)]
        return values if keep else None
    raise HeaderError(f"unknown GGUF value type {vtype}")


def read_gguf_header(read: RangeReader, max_bytes: int = MAX_HEADER_BYTES) -> HeaderInfo:
    """Parse a GGUF header's key/values and tensor infos, within ``max_bytes``.

    Raises:
        HeaderError: not GGUF, malformed or larger than the limit.
    """
    cur = _Cursor(read, max_bytes)
    if cur.take(4) != b"GGUF":
        raise HeaderError("missing GGUF magic")
    version = int(cur.unpack("I"))
    if version < 2:
        raise HeaderError(f"GGUF version {version} is not supported")
    tensor_count = int(cur.unpack("Q"))
    kv_count = int(cur.unpack("Q"))
    items: list[MetadataItem] = [MetadataItem(key="gguf.version", value=str(version))]
    for _ in range(kv_count):
        key = cur.string()
        vtype = int(cur.unpack("I"))
        keep = key in GGUF_KEYS or key.startswith("general.base_model.") or key.startswith("general.license")
        value = _gguf_value(cur, vtype, keep)
        if keep:
            text = json.dumps(value) if isinstance(value, list) else str(value)
            items.append(MetadataItem(key=key, value=text[:1000]))
    params: int | None = 0
    try:
        for _ in range(tensor_count):
            name = cur.string()
            n_dims = int(cur.unpack("I"))
            dims = [int(cur.unpack("Q")) for _ in range(n_dims)]
            cur.unpack("I")  # tensor type
            cur.unpack("Q")  # offset
            params = _shape_parameters(name[:200], dims, params or 0)
    except (HeaderLimitError, _TruncatedError):
        params = None  # tensor infos beyond the read limit or the file's end: metadata is still valid
    return HeaderInfo(format="gguf", tensor_count=tensor_count, parameter_count=params,
                      header_bytes=cur.pos, bytes_read=cur.fetched, metadata=tuple(sorted(items, key=lambda i: i.key)))


def read_parquet_header(read: RangeReader, size: int) -> HeaderInfo:
    """Check a Parquet file's framing: ``PAR1`` at both ends, the footer length before the last magic.

    Reads 12 bytes (the leading magic, and the footer length with the trailing magic); the row
    groups and the footer's Thrift metadata are never read.

    Raises:
        HeaderError: not a Parquet file, or a footer longer than the file.
    """
    if size < 12:
        raise HeaderError("file shorter than the 12 bytes of Parquet framing")
    if read(0, 4) != b"PAR1":
        raise HeaderError("missing Parquet magic at the start")
    tail = read(size - 8, 8)
    if len(tail) < 8 or tail[4:] != b"PAR1":
        raise HeaderError("missing Parquet magic at the end")
    (footer,) = struct.unpack("<I", tail[:4])
    if footer + 12 > size:
        raise HeaderError(f"footer claims {footer} bytes, more than the file holds")
    return HeaderInfo(format="parquet", header_bytes=footer + 8, bytes_read=12,
                      metadata=(MetadataItem(key="parquet.footer_bytes", value=str(footer)),))
