"""``make bench``: osai-scan against plain ScanCode on one realistic tree, side by side, in one run.

Steps: build the tree (bench/tree.py) in a temporary folder; run ``scancode -l -n 2 --json-pp``
on it; run ``osai-scan scan --jobs 2`` cold (empty cache) and warm (full cache, median of
three); add a 20 GiB sparse safetensors file and run warm again (median of three), so the
difference is the cost of that file alone; compare the per-file expressions; print the figures
and the ratios against the targets; then where a single cold ``osai-scan scan hf:ORG/NAME`` spends
its time, next to ScanCode's own CLI on the same downloaded files (bench/cold.py); then the fleet
throughput (bench/fleet.py: one process per target, ``batch`` serial, ``batch`` on 2 Dask
workers, over 200 fake-Hub repos); write everything to ``bench/out/``.

Usage: python -m bench.run [--keep] [--out DIR] [--jobs N] [--fleet-only] [--cold-only]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import sysconfig
import tempfile
from dataclasses import asdict
from pathlib import Path

from .cold import run_cold
from .compare import Comparison, compare
from .fleet import run_fleet
from .measure import Measurement, machine, run
from .tree import SPARSE_BYTES, add_sparse_weights, build_tree

#: (b) and (c) run this many times, alternating, and the medians are compared: a shared
#: machine's load changes during a run, and (c) needs both cores where (b) needs one.
FLEET_REPEAT = 3

GIB = 1024 ** 3
TARGETS = {
    "cold_vs_scancode": 0.10,      # cold wall time at most 0.1x ScanCode's
    "text_equal": 0.995,          # per-file expressions equal on at least 99.5% of text files
    "key_equal": 1.0,             # ... and on 100% of license/notice/README files
    "warm_speedup": 20.0,         # warm at least 20x faster than cold
    "sparse_seconds": 1.0,        # the 20 GiB file adds less than 1 s
    "peak_pss_bytes": 2 * GIB,    # parent + workers under 2 GiB with --jobs 2
}


def _bin(name: str) -> str:
    path = Path(sysconfig.get_path("scripts")) / name
    if not path.exists():
        raise SystemExit(f"{path} not found: run `make install` first")
    return str(path)


def _osai(tree: Path, report: Path, jobs: int, env: dict[str, str]) -> Measurement:
    m = run([_bin("osai-scan"), "scan", str(tree), "--jobs", str(jobs), "--verbose", "-o", str(report)], env=env)
    if m.returncode not in (0, 3):
        raise SystemExit(f"osai-scan failed ({m.returncode}):\n{m.stderr}")
    return m


def _phases(stderr: str) -> str:
    return next((line.split("phases: ", 1)[1] for line in stderr.splitlines() if "phases: " in line), "")


def _fmt_bytes(n: int | None) -> str:
    return "n/a" if n is None else f"{n / GIB:.2f} GiB"


def _check(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _report(out: Path, info: dict[str, object], sc: Measurement, cold: Measurement, warm: list[Measurement],
            big: list[Measurement], cmp: Comparison, same_reports: bool, text_files: int) -> dict[str, object]:
    warm_s = statistics.median(m.wall for m in warm)
    big_s = statistics.median(m.wall for m in big)
    figures = {
        "machine": info,
        "tree_text_files": text_files,
        "scancode": {"wall": sc.wall, "peak_pss": sc.peak_pss, "peak_rss": sc.peak_rss},
        "osai_cold": {"wall": cold.wall, "peak_pss": cold.peak_pss, "peak_rss": cold.peak_rss,
                      "processes": cold.peak_processes, "phases": _phases(cold.stderr)},
        "osai_warm": {"walls": [m.wall for m in warm], "median": warm_s, "peak_pss": max(m.peak_pss or 0 for m in warm),
                      "phases": _phases(warm[-1].stderr)},
        "osai_warm_with_20gib": {"walls": [m.wall for m in big], "median": big_s, "phases": _phases(big[-1].stderr)},
        "ratios": {
            "cold_vs_scancode": cold.wall / sc.wall,
            "text_equal": cmp.equal / cmp.text_files,
            "text_equal_strict": cmp.strict_equal / cmp.text_files,
            "key_equal": cmp.key_equal / cmp.key_files if cmp.key_files else 1.0,
            "warm_speedup": cold.wall / warm_s,
            "sparse_seconds": big_s - warm_s,
            "peak_pss_bytes": cold.peak_pss,
        },
        "comparison": {"text_files": cmp.text_files, "equal": cmp.equal, "strict_equal": cmp.strict_equal,
                       "key_files": cmp.key_files, "key_equal": cmp.key_equal, "not_compared": cmp.not_compared,
                       "scancode_found_in_not_compared": cmp.scancode_found_in_not_compared,
                       "differences": [asdict(d) for d in cmp.differences]},
        "cold_and_warm_reports_identical": same_reports,
    }
    (out / "results.json").write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")
    return figures


def _print(f: dict[str, object], cmp: Comparison) -> None:
    r = f["ratios"]  # type: ignore[index]
    info = f["machine"]  # type: ignore[index]
    sc, cold, warm, big = f["scancode"], f["osai_cold"], f["osai_warm"], f["osai_warm_with_20gib"]  # type: ignore[index]
    mem = info.get("memory_bytes")  # type: ignore[union-attr]
    print(f"\nmachine: {info.get('usable_cpus')} usable cores ({info.get('cpu_model')}), "  # type: ignore[union-attr]
          f"{_fmt_bytes(mem)} memory, load average at start {info.get('load_average_at_start')}")  # type: ignore[union-attr]
    print(f"tree: {f['tree_text_files']} text files, README model card, 50 MiB model.safetensors\n")
    print(f"{'run':44} {'wall':>9} {'peak PSS':>10} {'peak RSS':>10}")
    print(f"{'scancode -l -n 2 --json-pp':44} {sc['wall']:8.1f}s {_fmt_bytes(sc['peak_pss']):>10} "
          f"{_fmt_bytes(sc['peak_rss']):>10}")
    print(f"{'osai-scan scan --jobs 2, cold (empty cache)':44} {cold['wall']:8.2f}s {_fmt_bytes(cold['peak_pss']):>10} "
          f"{_fmt_bytes(cold['peak_rss']):>10}")
    print(f"{'osai-scan scan --jobs 2, warm (median of 3)':44} {warm['median']:8.2f}s {_fmt_bytes(warm['peak_pss']):>10}")
    print(f"{'  ... with a 20 GiB safetensors (median of 3)':44} {big['median']:8.2f}s")
    print(f"\ncold phases: {cold['phases']}\nwarm phases: {warm['phases']}\n")
    rows = [
        ("cold / scancode wall time", f"{r['cold_vs_scancode']:.3f}x", f"<= {TARGETS['cold_vs_scancode']}x",
         r["cold_vs_scancode"] <= TARGETS["cold_vs_scancode"]),
        ("text files with equal expressions", f"{r['text_equal']:.2%} ({cmp.equal}/{cmp.text_files}; "
         f"identical strings {r['text_equal_strict']:.2%})", f">= {TARGETS['text_equal']:.1%}",
         r["text_equal"] >= TARGETS["text_equal"]),
        ("license/notice/README files equal", f"{r['key_equal']:.2%} ({cmp.key_equal}/{cmp.key_files})", "100%",
         r["key_equal"] >= TARGETS["key_equal"]),
        ("warm speed-up over cold", f"{r['warm_speedup']:.1f}x", f">= {TARGETS['warm_speedup']:.0f}x",
         r["warm_speedup"] >= TARGETS["warm_speedup"]),
        (f"time added by a {SPARSE_BYTES // GIB} GiB weights file", f"{r['sparse_seconds']:+.3f} s",
         f"< {TARGETS['sparse_seconds']} s", r["sparse_seconds"] < TARGETS["sparse_seconds"]),
        ("peak PSS, parent + workers, --jobs 2", _fmt_bytes(r["peak_pss_bytes"]), "< 2 GiB",
         r["peak_pss_bytes"] is not None and r["peak_pss_bytes"] < TARGETS["peak_pss_bytes"]),
    ]
    for name, value, target, ok in rows:
        print(f"{_check(ok)}  {name:40} {value:45} target {target}")
    print(f"\ncold and warm reports identical: {f['cold_and_warm_reports_identical']}")
    print(f"\n{len(cmp.differences)} file(s) whose expressions differ (every one, with its reason):")
    for d in cmp.differences:
        print(f"- {d.path}{' [license/notice/README]' if d.key_file else ''}\n    osai-scan: {d.osai}\n"
              f"    ScanCode:  {d.scancode}\n    why: {d.reason}")
    print(f"\nnot compared (osai-scan did not read them as text): {cmp.not_compared} file(s); ScanCode found "
          f"licenses in {len(cmp.scancode_found_in_not_compared)} of them"
          + "".join(f"\n- {p}: {e}" for p, e in cmp.scancode_found_in_not_compared))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns 0 when every target is met, 1 otherwise."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the temporary tree")
    parser.add_argument("--fleet-only", action="store_true", help="only the fleet throughput (bench/fleet.py)")
    parser.add_argument("--cold-only", action="store_true", help="only the cold single Hub scan (bench/cold.py)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.cold_only:
        run_cold(args.out)
        return 0
    if args.fleet_only:
        return 0 if run_fleet(args.out, repeat=FLEET_REPEAT)[1] else 1
    info = machine()
    work = Path(tempfile.mkdtemp(prefix="osai-bench-"))
    try:
        tree = build_tree(work / "tree")
        print(f"built {tree.root} ({tree.text_files} text files from {len(tree.packages)} packages)", flush=True)
        env = dict(os.environ, OSAI_SCAN_CACHE_DIR=str(work / "cache"), PYTHONHASHSEED="0")
        env.pop("SOURCE_DATE_EPOCH", None)
        print("running ScanCode (this takes minutes)...", flush=True)
        sc_json = args.out / "scancode.json"
        sc = run([_bin("scancode"), "-l", "-n", str(args.jobs), "--json-pp", str(sc_json), str(tree.root)],
                 env=env, interval=0.1)
        if not sc_json.exists():
            raise SystemExit(f"scancode failed ({sc.returncode}):\n{sc.stderr[-2000:]}")
        print(f"ScanCode: {sc.wall:.1f} s; osai-scan cold...", flush=True)
        cold = _osai(tree.root, args.out / "osai-cold.json", args.jobs, env)
        warm = [_osai(tree.root, args.out / "osai-warm.json", args.jobs, env) for _ in range(3)]
        add_sparse_weights(tree.root)
        big = [_osai(tree.root, args.out / "osai-warm-20gib.json", args.jobs, env) for _ in range(3)]
        report = json.loads((args.out / "osai-cold.json").read_text(encoding="utf-8"))
        same = (args.out / "osai-cold.json").read_bytes() == (args.out / "osai-warm.json").read_bytes()
        cmp = compare(report, json.loads(sc_json.read_text(encoding="utf-8")), tree.root.name)
        figures = _report(args.out, info, sc, cold, warm, big, cmp, same, tree.text_files)
        _print(figures, cmp)
        print(f"\nfigures: {args.out / 'results.json'}")
        r = figures["ratios"]  # type: ignore[index]
        met = (r["cold_vs_scancode"] <= TARGETS["cold_vs_scancode"] and r["text_equal"] >= TARGETS["text_equal"]
               and r["key_equal"] >= TARGETS["key_equal"] and r["warm_speedup"] >= TARGETS["warm_speedup"]
               and r["sparse_seconds"] < TARGETS["sparse_seconds"]
               and (r["peak_pss_bytes"] or 0) < TARGETS["peak_pss_bytes"])
        run_cold(args.out)
        fleet_met = run_fleet(args.out, repeat=FLEET_REPEAT)[1]
        return 0 if met and fleet_met else 1
    finally:
        if args.keep:
            print(f"tree kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
