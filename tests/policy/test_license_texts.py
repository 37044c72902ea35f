"""Every curated license: its real text, detected by the real ScanCode engine, maps to its row.

For each key of rules/licenses.yaml, the reference text from ScanCode's installed license DB is
written to a ``LICENSE`` file the way repositories hold them (a title line before, a copyright
line after, and one word in the middle replaced, so that ScanCode needs its approximate matcher
instead of an exact hash) and detected in the mode the pipeline uses for license files. The
detected expression must be the key, and its freedoms row the curated one.

Generic keys have no reference text; each is detected from a notice of the kind that produces it
in source files (exact matching, as the pipeline scans source files). ``no-license`` is produced
by no ScanCode rule at all, which the test checks, so no text can ever yield it.

The ScanCode index is loaded once (session fixture); detection runs in a fork pool of 2 that
shares it copy-on-write (shared/FACTS.md). About 120 approximate detections take ~20 s on 2 cores.
"""

from __future__ import annotations

import gc
import multiprocessing
import re
import time
from pathlib import Path

import pytest

from osai_scan.detect.detector import wants_approximate
from osai_scan.licenses import LicenseKnowledge, expression_keys, scancode_license_text
from osai_scan.models import Component, Freedom
from osai_scan.ruleset import load_rules

#: Keys with no reference text: a notice that makes ScanCode report them, as a line of source code.
NOTICES = {
    "unknown": "# licensed under the standard license\n",
    "unknown-license-reference": "# See LICENSE file for details\n",
    "unknown-spdx": "# SPDX-License-Identifier: LicenseRef-Acme-Model-1.0\n",
    "free-unknown": "# This file is distributed under the same license as the package.\n",
    "public-domain": "# This file is in the public domain.\n",
}
#: Keys no ScanCode text or rule produces (checked below).
NEVER_DETECTED = {"no-license": "ScanCode 32.5.0 has no rule whose expression is no-license"}
#: Keys whose edited text ScanCode reports under another curated key with the same row.
DETECTED_AS = {
    "mulanpsl-1.0": ("mulanpsl-1.0-en", "the bilingual text with an edited English word matches only the "
                                        "English-text key; both are curated with the same row"),
}
_WORD = re.compile(r"[A-Za-z]{4,}")


def as_found_in_a_repository(text: str) -> str:
    """The reference text as a repository holds it: title, one edited word, copyright line."""
    words = list(_WORD.finditer(text))
    if len(words) >= 60:
        middle = words[len(words) // 2]
        text = text[:middle.start()] + "Example Org" + text[middle.end():]
    return "Terms for the files in this folder follow.\n\n" + text + "\n\nCopyright (c) 2025 Example Org.\n"


def _detect(job: tuple[str, str, bool]) -> tuple[str, str | None, tuple[str, ...]]:
    from osai_scan.pipeline import _ENGINE

    key, location, approximate = job
    result = _ENGINE.detect(location=location, text=None, approximate=approximate).data
    matchers = tuple(sorted({m["matcher"] for d in result.get("license_detections") or [] for m in d["matches"]}))
    return key, result.get("detected_license_expression"), matchers


@pytest.fixture(scope="module")
def knowledge() -> LicenseKnowledge:
    return LicenseKnowledge(load_rules())


@pytest.fixture(scope="module")
def detections(engine, knowledge, tmp_path_factory) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """Detect every curated license's text (or notice) in a fork pool sharing the loaded index."""
    base = tmp_path_factory.mktemp("license-texts")
    jobs = []
    for key in sorted(knowledge.curated):
        folder = base / key
        folder.mkdir()
        if key in NOTICES:
            path = folder / "notice.py"
            path.write_text(NOTICES[key] + "import os\n", encoding="utf-8")
            jobs.append((key, str(path), wants_approximate("src/notice.py", Component.CODE)))
        elif key not in NEVER_DETECTED:
            text = scancode_license_text(key)
            assert text and text.strip(), f"{key}: no reference text in ScanCode's DB; give it a notice in NOTICES"
            path = folder / "LICENSE"
            path.write_text(as_found_in_a_repository(text), encoding="utf-8")
            jobs.append((key, str(path), wants_approximate("LICENSE", Component.LEGAL)))
    jobs.sort(key=lambda job: -Path(job[1]).stat().st_size)  # largest first, for load balance
    started = time.monotonic()
    gc.collect()
    gc.freeze()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(_detect, jobs, chunksize=1)
    gc.unfreeze()
    print(f"\n{len(jobs)} license detections in {time.monotonic() - started:.1f} s")
    return {key: (expression, matchers) for key, expression, matchers in results}


def test_every_curated_license_is_covered(knowledge, detections):
    assert sorted(set(knowledge.curated) - set(detections) - set(NEVER_DETECTED)) == []
    assert set(NOTICES) <= set(knowledge.curated)


def test_license_files_use_approximate_matching(detections):
    """The edited texts really exercise ScanCode's approximate matcher (3-seq), not only hashes."""
    approximate = [k for k, (_, matchers) in detections.items() if "3-seq" in matchers]
    assert len(approximate) >= 100


@pytest.mark.parametrize("key", sorted(k for k in LicenseKnowledge(load_rules()).curated if k not in NEVER_DETECTED))
def test_text_is_detected_and_mapped_to_its_row(knowledge, detections, key):
    expression, _ = detections[key]
    assert expression is not None, f"{key}: nothing detected"
    if key in NOTICES:
        assert key in expression_keys(expression), (key, expression)
    else:
        assert expression == DETECTED_AS.get(key, (key,))[0]
    detected = knowledge.row_for_expression(expression)
    curated = knowledge.curated[key].row
    assert {f.value: detected.cell(f).status for f in Freedom} == {f.value: curated.cell(f).status for f in Freedom}
    shown = DETECTED_AS.get(key, (key,))[0]
    assert all(any(b.startswith(f"{shown}: ") for b in detected.cell(f).because) for f in Freedom)


def test_never_detected_keys_have_no_rule(engine):
    from licensedcode.cache import get_index

    expressions = {rule.license_expression for rule in get_index().rules_by_rid}
    assert sorted(set(NEVER_DETECTED) & expressions) == []
