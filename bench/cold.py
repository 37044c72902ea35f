"""A single cold ``osai-scan scan hf:ORG/NAME``: where its wall time goes, next to ScanCode's own CLI.

The target is a Hub model with a card, a LICENSE and a config (the catalogue's MIT kind,
tests/fleet/catalogue.py), served by the fake Hub (tests/fakehub.py) from this process. Each run is
cold: a new process, an empty detection cache and an empty HF_HOME. The breakdown:

* interpreter start: ``python -c pass``; imports: ``python -c "import osai_scan.cli.main,
  osai_scan.sources.hub"`` less the start (what a Hub scan imports before it scans);
* rules, inventory, classify, headers, index load, matching, report: the scan's own phases
  (``--verbose``); ScanCode's import, measured like the imports, is part of the index load;
* network: the time the fake Hub spent answering the scan's requests (server side; inside the
  phases above, mostly inventory and the reads);
* teardown: from the scan's last line on stderr to its exit (the CLI leaves with ``os._exit``
  once its output is flushed); for reference, the same measure for a process that loads the
  index and exits the ordinary way;
* other: the rest (argument parsing, opening the Hub target, writing the report); the start and
  the imports are measured in processes of their own, so under load "other" can come out
  slightly negative: it is then the measurement's noise.

Then ScanCode's own CLI (``scancode --license --json-pp``) runs, cold as well, on the files the
scan downloaded (from its Hugging Face cache), and both are printed side by side with the license
each found per file. Medians of ``--runs`` runs.

Usage: python -m bench.cold [--runs 3] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

#: The catalogue repo scanned: number 1 is the MIT kind (card + LICENSE + config).
TARGET_NUMBER = 1
IMPORTS = "import osai_scan.cli.main, osai_scan.sources.hub"
SCANCODE_IMPORTS = "import licensedcode.cache, scancode.api"
LOAD_AND_EXIT = ("import sys; from osai_scan.detect.engine import ScancodeEngine; ScancodeEngine().load(); "
                 "print('loaded', file=sys.stderr, flush=True)")


def _bin(name: str) -> str:
    return str(Path(sysconfig.get_path("scripts")) / name)


def _timed_run(argv: list[str], env: dict[str, str]) -> tuple[int, float, float, str]:
    """Run ``argv``; return (exit code, wall time, seconds from its last stderr line to its exit, stderr)."""
    lines: list[tuple[float, str]] = []
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append((time.perf_counter(), line))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code = proc.wait()
    end = time.perf_counter()
    reader.join()
    last = lines[-1][0] if lines else end
    return code, end - start, max(0.0, end - last), "".join(line for _, line in lines)


def _python_seconds(code: str, env: dict[str, str], runs: int) -> float:
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def _phases(stderr: str) -> dict[str, float]:
    line = next((ln.split("phases: ", 1)[1] for ln in stderr.splitlines() if "phases: " in ln), "")
    out: dict[str, float] = {}
    for part in line.strip().split(", "):
        name, _, seconds = part.removesuffix(" s").rpartition(" ")
        if name:
            out[name] = float(seconds)
    return out


def _network_clock() -> list[float]:
    """Start timing the fake Hub's request handling (this process serves it); returns the list it fills."""
    from tests import fakehub

    spent: list[float] = []
    original = fakehub._Handler._dispatch

    def timed(self: Any, method: str) -> None:
        start = time.perf_counter()
        try:
            original(self, method)
        finally:
            spent.append(time.perf_counter() - start)

    fakehub._Handler._dispatch = timed  # type: ignore[method-assign]
    return spent


def _downloaded(home: Path, work: Path) -> Path:
    """The files the scan downloaded, copied out of its Hugging Face cache (links resolved)."""
    snapshots = sorted((home / "hub").glob("models--*/snapshots/*"))
    if not snapshots:
        raise SystemExit(f"no downloaded files under {home / 'hub'}")
    target = work / "downloaded"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(snapshots[0], target, symlinks=False)
    return target


def _scancode_licenses(path: Path) -> dict[str, str | None]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {f["path"].split("/", 1)[-1]: f.get("detected_license_expression")
            for f in data["files"] if f["type"] == "file"}


def run_cold(out_dir: Path, runs: int = 3) -> dict[str, Any]:
    """Measure ``runs`` cold scans and ScanCode CLI runs; print and return the figures."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.fakehub import FakeHub
    from tests.fleet.catalogue import repo_id, write_catalogue
    from tests.hubenv import hub_env

    work = Path(tempfile.mkdtemp(prefix="osai-cold-bench-"))
    try:
        write_catalogue(work / "hub", TARGET_NUMBER + 1)
        target = f"hf:{repo_id(TARGET_NUMBER)}"
        spent = _network_clock()
        scans, scancodes = [], []
        with FakeHub(work / "hub") as hub:
            base = hub_env(work / "home-base", hub.endpoint)
            base.pop("SOURCE_DATE_EPOCH", None)
            start_s = _python_seconds("pass", base, runs)
            imports_s = _python_seconds(IMPORTS, base, runs) - start_s
            scancode_import_s = _python_seconds(SCANCODE_IMPORTS, base, runs) - start_s
            print(f"cold scan of {target} on {hub.endpoint}, {runs} runs", flush=True)
            for n in range(runs):
                env = hub_env(work / f"home-{n}", hub.endpoint)
                env["OSAI_SCAN_CACHE_DIR"] = str(work / f"cache-{n}")
                env.pop("SOURCE_DATE_EPOCH", None)
                del spent[:]
                report = work / f"report-{n}.json"
                code, wall, teardown, err = _timed_run(
                    [_bin("osai-scan"), "scan", target, "--verbose", "-o", str(report)], env)
                if code not in (0, 3):
                    raise SystemExit(f"osai-scan scan {target} failed ({code}):\n{err[-2000:]}")
                scans.append({"wall": wall, "teardown": teardown, "network": sum(spent), "requests": len(spent),
                              "phases": _phases(err)})
                files = _downloaded(work / f"home-{n}", work)
                sc_json = work / f"scancode-{n}.json"
                sc_code, sc_wall, _, sc_err = _timed_run(
                    [_bin("scancode"), "--license", "--quiet", "--json-pp", str(sc_json), str(files)], env)
                if sc_code != 0 or not sc_json.exists():
                    raise SystemExit(f"scancode failed ({sc_code}):\n{sc_err[-2000:]}")
                scancodes.append(sc_wall)
                print(f"  run {n + 1}: osai-scan {wall:.2f} s, scancode {sc_wall:.2f} s", flush=True)
            _, _, normal_exit, _ = _timed_run([sys.executable, "-c", LOAD_AND_EXIT], base)
        osai = {f["path"]: f["detected_expression"] for f in json.loads(report.read_text(encoding="utf-8"))["files"]}
        figures = _figures(scans, scancodes, start_s, imports_s, scancode_import_s, normal_exit)
        figures["target"] = target
        figures["licenses"] = {"osai-scan": osai, "scancode": _scancode_licenses(sc_json)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "cold.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    _print(figures)
    return figures


def _figures(scans: list[dict[str, Any]], scancodes: list[float], start_s: float, imports_s: float,
             scancode_import_s: float, normal_exit: float) -> dict[str, Any]:
    def median(key: str) -> float:
        return statistics.median(s[key] for s in scans)

    names = list(dict.fromkeys(name for s in scans for name in s["phases"]))
    phases = {name: statistics.median(s["phases"].get(name, 0.0) for s in scans) for name in names}
    wall = median("wall")
    accounted = start_s + imports_s + sum(phases.values()) + median("teardown")
    return {
        "runs": len(scans), "osai_scan_wall": wall, "scancode_wall": statistics.median(scancodes),
        "walls": {"osai-scan": [s["wall"] for s in scans], "scancode": scancodes},
        "breakdown": {"interpreter start": start_s, "imports": imports_s, **phases, "teardown": median("teardown"),
                      "other": wall - accounted},
        "scancode_import_within_index_load": scancode_import_s,
        "network_within_phases": median("network"), "requests": median("requests"),
        "teardown_with_an_ordinary_exit": normal_exit,
        "ratio_vs_scancode": wall / statistics.median(scancodes),
    }


def _print(f: dict[str, Any]) -> None:
    print(f"\nCold single scan of {f['target']} (card + LICENSE + config), median of {f['runs']} runs")
    print(f"{'':36}{'wall':>9}")
    print(f"{'osai-scan scan ' + f['target']:36}{f['osai_scan_wall']:>8.2f}s")
    print(f"{'scancode --license --json-pp (same files)':36}{f['scancode_wall']:>8.2f}s"
          f"   osai-scan / scancode = {f['ratio_vs_scancode']:.2f}x")
    print("\nwhere osai-scan's wall time goes:")
    for name, seconds in f["breakdown"].items():
        note = ""
        if name == "index load":
            note = f"  (ScanCode's import: {f['scancode_import_within_index_load']:.2f} s of it)"
        elif name == "teardown":
            note = f"  (an ordinary exit after loading the index: {f['teardown_with_an_ordinary_exit']:.2f} s)"
        print(f"  {name:22}{seconds:>7.2f} s  {100 * seconds / f['osai_scan_wall']:5.1f}%{note}")
    print(f"  {'network (within those)':22}{1000 * f['network_within_phases']:>7.1f} ms ({f['requests']:.0f} requests, "
          "time the fake Hub spent answering them)")
    print("\nlicense per file:")
    lic = f["licenses"]
    for path in sorted(set(lic["osai-scan"]) | set(lic["scancode"])):
        print(f"  {path:24} osai-scan: {lic['osai-scan'].get(path)!s:30} scancode: {lic['scancode'].get(path)}")


def main(argv: list[str] | None = None) -> int:
    """Run the cold-scan benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    run_cold(args.out, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
