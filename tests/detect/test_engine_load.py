"""How the engine loads ScanCode's index: unpickled with the collector off, then frozen, so no
later collection walks its objects; the approximate warm-up only when asked (before forking)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import gc, json
from osai_scan.detect.engine import ScancodeEngine
engine = ScancodeEngine()
engine.load(warm_up=False)
frozen, warm = gc.get_freeze_count(), engine._warm
engine.load()
print(json.dumps({"frozen": frozen, "warm_after_plain_load": warm, "warm_after_load": engine._warm,
                  "collecting": gc.isenabled(), "kinds": len(engine._kinds)}))
"""


def test_the_index_is_frozen_at_load_and_warmed_up_only_on_request() -> None:
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["frozen"] > 1_000_000  # the index's objects sit in the permanent generation
    assert got["warm_after_plain_load"] is False and got["warm_after_load"] is True
    assert got["collecting"] is True and got["kinds"] > 30_000
