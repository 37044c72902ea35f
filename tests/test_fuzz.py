"""Property-based tests: the parsers of untrusted repository content never raise anything but
their documented errors, whatever the input.

Parsers: the model card (``read_card``: never raises, says what is wrong), REUSE.toml and
``.reuse/dep5`` (``ReuseIndex``: never raises, records problems), the safetensors and GGUF
headers (only ``HeaderError``), notebooks (``detect.detector.notebook_source``: only
``ValueError``; ``classify.classifier.notebook_source``: never raises) and package manifests
(``manifest_declarations``: never raises).

``make test`` runs the ``quick`` profile (a few hundred inputs per parser); ``make fuzz`` sets
``OSAI_SCAN_FUZZ=fuzz`` for at least 10,000 per parser (docs/SECURITY.md, "Fuzzing").
"""

from __future__ import annotations

import json
import os
import struct

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osai_scan.attribute.declared import read_card
from osai_scan.attribute.reuse import ReuseIndex
from osai_scan.attribute.sources import manifest_declarations
from osai_scan.classify.classifier import notebook_source as classify_notebook_source
from osai_scan.detect.detector import notebook_source
from osai_scan.detect.headers import HeaderError, read_gguf_header, read_safetensors_header

settings.register_profile("quick", max_examples=200, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("OSAI_SCAN_FUZZ", "quick"))

# --- building blocks -------------------------------------------------------------------------------

_scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
                     st.floats(allow_nan=True), st.text(max_size=20))
_json = st.recursive(_scalars, lambda kids: st.one_of(st.lists(kids, max_size=5),
                                                      st.dictionaries(st.text(max_size=10), kids, max_size=5)),
                     max_leaves=25)
_words = st.sampled_from(["license", "mit", "apache-2.0", "other", "license_name", "license_link", "tags",
                          "base_model", "datasets", "---", "&a", "*a", "!!python/object", "[", "]", "{", "}",
                          ":", "-", "\n", "  ", "\t", "'", '"', "#", "\x00", "\xff", "LicenseRef-x", "AND", "OR",
                          "WITH", "(", ")", "Files:", "License:", "Copyright:", "version", "=", "path",
                          "SPDX-License-Identifier", "precedence", "[[annotations]]", "cells", "source"])
_soup = st.lists(st.one_of(_words, st.text(max_size=8)), max_size=40).map("".join)


def _reader(data: bytes):
    def read(offset: int, n: int) -> bytes:
        return data[offset:offset + n]
    return read


# --- model card ------------------------------------------------------------------------------------

_card_bodies = st.one_of(
    _soup,
    _json.map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
    st.dictionaries(st.sampled_from(["license", "license_name", "license_link", "tags", "datasets", "base_model"]),
                    _json, max_size=6).map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
)


@given(body=_card_bodies, raw=st.binary(max_size=200), truncated=st.booleans(), closed=st.booleans())
def test_model_card_front_matter(body: str, raw: bytes, truncated: bool, closed: bool) -> None:
    data = b"---\n" + body.encode("utf-8", "surrogatepass") + raw + (b"\n---\n# Card\n" if closed else b"")
    card, problem = read_card(data, truncated=truncated)
    assert card is None or isinstance(card, dict)
    assert problem is None or (isinstance(problem, str) and problem)


# --- REUSE.toml and .reuse/dep5 ----------------------------------------------------------------------

_toml_values = st.one_of(
    st.integers(min_value=-5, max_value=5).map(str), st.text(max_size=15).map(json.dumps),
    st.lists(st.text(max_size=8).map(json.dumps), max_size=3).map(lambda v: "[" + ", ".join(v) + "]"),
    st.sampled_from(['"closest"', '"aggregate"', '"override"', '"MIT"', '"**"', '"*.py"', "{a = 1}", "[]", "true"]),
)
_toml = st.lists(st.one_of(
    st.tuples(st.sampled_from(["version", "path", "SPDX-License-Identifier", "precedence", "annotations"]),
              _toml_values).map(lambda kv: f"{kv[0]} = {kv[1]}\n"),
    st.just("[[annotations]]\n"), st.just("[annotations]\n"), _soup), max_size=12).map("".join)


@given(toml=_toml, dep5=st.lists(st.one_of(_soup, st.sampled_from(["Files: *\n", "License: MIT\n", "\n\n",
                                                                      " continued\n", "Files: a/** b?\n"])),
                                  max_size=12).map("".join))
def test_reuse_toml_and_dep5(toml: str, dep5: str) -> None:
    texts = {"REUSE.toml": toml, "sub/REUSE.toml": dep5, ".reuse/dep5": dep5, "a.py.license": toml, "a.py": ""}
    index = ReuseIndex(sorted(texts), texts.get)
    for path in ("a.py", "sub/b.txt", "c"):
        found = index.toml_annotation(path), index.dep5_annotation(path)
        assert all(a is None or isinstance(a.spdx, str) for a in found)
    assert all(isinstance(p, str) and isinstance(m, str) for p, m in index.problems)


# --- safetensors header ------------------------------------------------------------------------------

_shapes = st.lists(st.one_of(st.integers(min_value=-3, max_value=2**64), st.text(max_size=3), st.none(),
                             st.floats()), max_size=8)
_tensors = st.dictionaries(st.text(max_size=8), st.one_of(
    st.fixed_dictionaries({"dtype": st.sampled_from(["F16", "F32", "x"]), "shape": _shapes,
                           "data_offsets": st.lists(st.integers(), max_size=2)}), _json), max_size=6)


@given(header=st.one_of(_tensors.map(json.dumps), _json.map(json.dumps), _soup),
       claimed=st.one_of(st.none(), st.integers(min_value=0, max_value=2**64 - 1)),
       tail=st.binary(max_size=64), sized=st.booleans())
def test_safetensors_header(header: str, claimed: int | None, tail: bytes, sized: bool) -> None:
    raw = header.encode("utf-8", "surrogatepass")
    data = struct.pack("<Q", len(raw) if claimed is None else claimed) + raw + tail
    try:
        info = read_safetensors_header(_reader(data), max_bytes=64 * 1024, file_size=len(data) if sized else None)
    except HeaderError:
        return
    assert info.parameter_count is not None and 0 <= info.parameter_count <= 2**63 - 1
    json.dumps({"parameters": info.parameter_count, "metadata": [(m.key, m.value) for m in info.metadata]})


@given(data=st.binary(max_size=300))
def test_safetensors_header_random_bytes(data: bytes) -> None:
    try:
        read_safetensors_header(_reader(data), max_bytes=64 * 1024, file_size=len(data))
    except HeaderError:
        pass


# --- GGUF header -------------------------------------------------------------------------------------

def _gguf_string(value: bytes) -> bytes:
    return struct.pack("<Q", len(value)) + value


_gguf_values = st.one_of(
    st.tuples(st.integers(0, 12).filter(lambda t: t not in (8, 9)), st.binary(min_size=8, max_size=8))
    .map(lambda tv: struct.pack("<I", tv[0]) + tv[1]),
    st.binary(max_size=20).map(lambda b: struct.pack("<I", 8) + _gguf_string(b)),
    st.tuples(st.integers(0, 13), st.integers(0, 2**64 - 1), st.binary(max_size=40))
    .map(lambda a: struct.pack("<IIQ", 9, a[0], a[1]) + a[2]),
    st.binary(max_size=16),
)
_gguf_kvs = st.lists(st.tuples(st.sampled_from([b"general.license", b"general.name", b"general.base_model.0.name",
                                                b"tokenizer.ggml.tokens", b"x"]), _gguf_values)
                     .map(lambda kv: _gguf_string(kv[0]) + kv[1]), max_size=6).map(b"".join)
_gguf_tensors = st.lists(st.tuples(st.binary(max_size=6), st.lists(st.integers(0, 2**64 - 1), max_size=5))
                         .map(lambda t: _gguf_string(t[0]) + struct.pack("<I", len(t[1]))
                              + b"".join(struct.pack("<Q", d) for d in t[1]) + struct.pack("<IQ", 0, 0)),
                         max_size=4).map(b"".join)


@given(version=st.integers(0, 2**32 - 1), tensors=st.integers(0, 2**64 - 1), kvs=st.integers(0, 2**64 - 1),
       body=_gguf_kvs, infos=_gguf_tensors, tail=st.binary(max_size=64), honest=st.booleans())
def test_gguf_header(version: int, tensors: int, kvs: int, body: bytes, infos: bytes, tail: bytes,
                     honest: bool) -> None:
    if honest:
        version, kvs, tensors = 3, body.count(b"general") + body.count(b"tokenizer") + body.count(b"\x01\0\0\0\0\0\0\0x"), 1
    data = b"GGUF" + struct.pack("<IQQ", version, tensors, kvs) + body + infos + tail
    try:
        info = read_gguf_header(_reader(data), max_bytes=64 * 1024)
    except HeaderError:
        return
    assert info.parameter_count is None or 0 <= info.parameter_count <= 2**63 - 1
    json.dumps([(m.key, m.value) for m in info.metadata])


@given(data=st.binary(max_size=300))
def test_gguf_header_random_bytes(data: bytes) -> None:
    try:
        read_gguf_header(_reader(b"GGUF" + data), max_bytes=64 * 1024)
    except HeaderError:
        pass


# --- notebooks ---------------------------------------------------------------------------------------

_cells = st.lists(st.one_of(st.fixed_dictionaries({"cell_type": st.sampled_from(["code", "markdown"]),
                                                   "source": st.one_of(st.text(max_size=20),
                                                                       st.lists(_scalars, max_size=4), _json)}),
                            _json), max_size=5)
_notebooks = st.one_of(st.fixed_dictionaries({"cells": _cells, "nbformat": _scalars}).map(json.dumps),
                       _json.map(json.dumps), _soup)


@given(text=_notebooks, raw=st.binary(max_size=40), cut=st.integers(0, 400))
def test_notebook_sources(text: str, raw: bytes, cut: int) -> None:
    data = text.encode("utf-8", "surrogatepass") + raw
    try:
        assert isinstance(notebook_source(data), str)
    except ValueError:
        pass
    assert isinstance(classify_notebook_source(text[:cut] if cut else text), str)  # a head read may cut it


# --- package manifests -------------------------------------------------------------------------------

_manifest_values = st.one_of(_json.map(json.dumps), _toml_values, st.sampled_from(['"MIT"', '"Apache 2.0"',
                             '"MIT OR (Apache-2.0 AND"', '{text = "MIT"}', '{file = "LICENSE"}']))
_pyproject = st.lists(st.one_of(
    st.sampled_from(["[project]\n", "[package]\n", "[tool.poetry]\n", "project = 1\n", "tool = 2\n"]),
    st.tuples(st.sampled_from(["license", "license-expression", "classifiers", "name", "poetry"]), _manifest_values)
    .map(lambda kv: f"{kv[0]} = {kv[1]}\n"), _soup), max_size=8).map("".join)
_package_json = st.one_of(_json.map(json.dumps),
                          st.dictionaries(st.sampled_from(["license", "name", "licenses"]), _json, max_size=3)
                          .map(json.dumps), _soup)
_setup_cfg = st.lists(st.one_of(st.sampled_from(["[metadata]\n", "license = MIT\n", "classifiers =\n",
                                                 "  License :: OSI Approved :: MIT License\n", "%(x)s\n"]), _soup),
                      max_size=8).map("".join)
_setup_py = st.lists(st.one_of(st.sampled_from(["setup(", "license=", "'MIT'", '"Apache-2.0"', ")",
                                                "'License :: OSI Approved :: MIT License'", ","]), _soup),
                     max_size=10).map("".join)


@given(pyproject=_pyproject, package=_package_json, cfg=_setup_cfg, setup=_setup_py)
def test_manifests(pyproject: str, package: str, cfg: str, setup: str) -> None:
    for name, text in (("pyproject.toml", pyproject), ("Cargo.toml", pyproject), ("package.json", package),
                       ("setup.cfg", cfg), ("setup.py", setup)):
        found = manifest_declarations(name, text, lambda line: [])
        assert all(d.path == name for d in found)
