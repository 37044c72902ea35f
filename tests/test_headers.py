"""Bounded header reads: safetensors and GGUF, including lying headers."""

from __future__ import annotations

import json
import struct

import pytest

from osai_scan.detect.headers import HeaderError, read_gguf_header, read_safetensors_header


class CountingReader:
    def __init__(self, data: bytes, size: int | None = None) -> None:
        self.data = data
        self.size = size if size is not None else len(data)
        self.read_bytes = 0

    def __call__(self, offset: int, n: int) -> bytes:
        chunk = self.data[offset:offset + n]
        self.read_bytes += len(chunk)
        return chunk


def safetensors(header: dict) -> bytes:
    raw = json.dumps(header).encode()
    return struct.pack("<Q", len(raw)) + raw


def test_safetensors_counts_tensors_parameters_and_metadata() -> None:
    data = safetensors({"__metadata__": {"format": "pt", "license": "apache-2.0"},
                        "a": {"dtype": "F16", "shape": [1024, 4096], "data_offsets": [0, 1]},
                        "b": {"dtype": "F16", "shape": [4096], "data_offsets": [1, 2]}}) + b"\0" * 4096
    reader = CountingReader(data)
    info = read_safetensors_header(reader)
    assert (info.format, info.tensor_count, info.parameter_count) == ("safetensors", 2, 1024 * 4096 + 4096)
    assert {(m.key, m.value) for m in info.metadata} == {("format", "pt"), ("license", "apache-2.0")}
    assert reader.read_bytes == info.header_bytes < len(data)


def test_safetensors_lying_header_is_refused_without_reading_it() -> None:
    reader = CountingReader(struct.pack("<Q", 2**40) + b"{}")
    with pytest.raises(HeaderError, match="header claims 1099511627776 bytes"):
        read_safetensors_header(reader)
    assert reader.read_bytes == 8


def gguf_string(s: str) -> bytes:
    raw = s.encode()
    return struct.pack("<Q", len(raw)) + raw


def gguf(kvs: list[tuple[str, int, bytes]], tensors: list[tuple[str, list[int]]]) -> bytes:
    out = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(kvs))
    for key, vtype, value in kvs:
        out += gguf_string(key) + struct.pack("<I", vtype) + value
    for name, dims in tensors:
        out += gguf_string(name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims)
        out += struct.pack("<IQ", 0, 0)
    return out


def test_gguf_reads_license_keys_and_skips_big_arrays() -> None:
    tokens = struct.pack("<IQ", 8, 3) + b"".join(gguf_string(t) for t in ("<s>", "a", "b"))
    scores = struct.pack("<IQ", 6, 50_000) + b"\0" * 200_000
    data = gguf([("general.architecture", 8, gguf_string("llama")),
                 ("general.license", 8, gguf_string("llama3.1")),
                 ("tokenizer.ggml.tokens", 9, tokens),
                 ("tokenizer.ggml.scores", 9, scores),
                 ("general.base_model.count", 4, struct.pack("<I", 1))],
                [("tok_embd.weight", [4096, 32000]), ("output.weight", [4096])])
    info = read_gguf_header(CountingReader(data + b"\0" * 1000))
    meta = {m.key: m.value for m in info.metadata}
    assert meta["general.license"] == "llama3.1" and meta["general.architecture"] == "llama"
    assert meta["general.base_model.count"] == "1" and "tokenizer.ggml.tokens" not in meta
    assert (info.tensor_count, info.parameter_count) == (2, 4096 * 32000 + 4096)


def test_gguf_read_budget_is_enforced() -> None:
    huge = struct.pack("<IQ", 8, 10**9)  # claims a billion strings
    data = gguf([("tokenizer.ggml.tokens", 9, huge)], []) + b"\x10" * 100
    reader = CountingReader(data + b"\0" * (4 * 1024 * 1024))
    with pytest.raises(HeaderError):
        read_gguf_header(reader, max_bytes=64 * 1024)
    assert reader.read_bytes <= 64 * 1024


def test_not_gguf() -> None:
    with pytest.raises(HeaderError, match="missing GGUF magic"):
        read_gguf_header(CountingReader(b"PK\x03\x04" + b"\0" * 64))


def test_safetensors_read_is_exact() -> None:
    """The 8-byte length, then exactly the header: never a fixed-size block."""
    header = json.dumps({"w": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]}}).encode()
    data = struct.pack("<Q", len(header)) + header + b"\0" * 16 + b"\1" * 100_000
    reader = CountingReader(data)
    info = read_safetensors_header(reader)
    assert reader.read_bytes == 8 + len(header) == info.bytes_read == info.header_bytes
    assert (info.tensor_count, info.parameter_count) == (1, 4)


def test_gguf_reads_grow_from_a_small_first_read() -> None:
    """A small GGUF header costs a few KiB, a big one at most about twice its size."""
    small = gguf([("general.license", 8, gguf_string("mit"))], [("w", [8])])
    reader = CountingReader(small + b"\0" * 10_000_000)
    info = read_gguf_header(reader)
    assert info.bytes_read == reader.read_bytes == 4096  # one first read of GGUF_FIRST_READ bytes
    tokens = struct.pack("<IQ", 8, 20_000) + b"".join(gguf_string(f"token{i}") for i in range(20_000))
    big = gguf([("general.license", 8, gguf_string("mit")), ("tokenizer.ggml.tokens", 9, tokens)], [("w", [8])])
    reader = CountingReader(big + b"\0" * 10_000_000)
    info = read_gguf_header(reader)
    assert info.header_bytes is not None and info.header_bytes < reader.read_bytes <= 2 * info.header_bytes + 4096
    assert info.bytes_read == reader.read_bytes


def test_parquet_framing_is_read_not_the_rows() -> None:
    from osai_scan.detect.headers import read_parquet_header

    data = b"PAR1" + b"\0" * 5000 + b"\x15" * 300 + struct.pack("<I", 300) + b"PAR1"
    reader = CountingReader(data)
    info = read_parquet_header(reader, len(data))
    assert (info.format, info.header_bytes, info.bytes_read, reader.read_bytes) == ("parquet", 308, 12, 12)
    with pytest.raises(HeaderError, match="magic at the end"):
        read_parquet_header(CountingReader(data[:-1] + b"X"), len(data))
    with pytest.raises(HeaderError, match="footer claims"):
        bad = b"PAR1" + b"\0" * 8 + struct.pack("<I", 10**6) + b"PAR1"
        read_parquet_header(CountingReader(bad), len(bad))


def test_safetensors_length_past_the_end_is_a_lie_not_a_limit() -> None:
    from osai_scan.detect.headers import HeaderLimitError

    data = struct.pack("<Q", 2**40) + b"{}"
    with pytest.raises(HeaderError, match="header claims 1099511627776 bytes, the file holds 2 after the length") as lie:
        read_safetensors_header(CountingReader(data), file_size=len(data))
    assert not isinstance(lie.value, HeaderLimitError)
    with pytest.raises(HeaderLimitError):  # the same length in a file that large: over the read limit
        read_safetensors_header(CountingReader(data), file_size=2**41)
