"""One target's line in the results file: what ``scan_target`` returns, in a worker, for any outcome.

A record is a JSON object: ``target``, ``ok``, ``exit_code`` (as ``osai-scan scan`` would exit:
0 scanned, 3 incomplete or failed, 2 unusable target), ``error`` and ``error_kind`` (None when
scanned), ``summary`` (the compact view, also written alone with ``--summary-only``),
``report`` (the full JSON report, unless summary-only), ``timings`` and ``worker``.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections import Counter
from dataclasses import replace
from typing import Any

from .. import pipeline
from ..errors import OsaiScanError
from ..report import render_json
from .targets import split_system

#: Scans in one process wait for the first that may load the index, so threads of one worker
#: (``dask worker --nthreads 2``) never load it twice.
_FIRST_LOAD = threading.Lock()


def _worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def summarize_report(data: dict[str, Any]) -> dict[str, Any]:
    """The compact view of a JSON report: target, commit, verdict per profile, model license, findings."""
    target = data.get("target") or {}
    model_license = None
    for item in (data.get("declared") or {}).get("licenses") or []:
        if item.get("source") == "model-card" and item.get("value"):
            model_license = str(item["value"])
            break
    if model_license is None:
        for item in (data.get("declared") or {}).get("licenses") or []:
            if item.get("expression_spdx") or item.get("expression"):
                model_license = str(item.get("expression_spdx") or item.get("expression"))
                break
    findings = data.get("findings") or []
    sources = {"sources": [{"label": i.get("label"), "given": i.get("given"), "commit": (i.get("target") or {}).get("commit"),
                            "error": i.get("error")} for i in data["sources"]]} if data.get("sources") else {}
    return {
        **sources,
        "kind": target.get("kind"),
        "repo_id": target.get("repo_id"),
        "revision": target.get("revision"),
        "commit": target.get("commit"),
        "profile": data.get("profile"),
        "verdict": (data.get("verdict") or {}).get("status"),
        "verdicts": {pid: (p.get("verdict") or {}).get("status") for pid, p in sorted((data.get("profiles") or {}).items())},
        "model_license": model_license,
        "files": (data.get("summary") or {}).get("files"),
        "complete": data.get("complete"),
        "findings_by_severity": (data.get("summary") or {}).get("findings_by_severity") or {},
        "findings": dict(sorted(Counter(str(f.get("id")) for f in findings).items())),
    }


def error_record(target: str, error: str, kind: str, exit_code: int = 3,
                 timings: dict[str, float] | None = None, worker: str | None = None) -> dict[str, Any]:
    """The line of a target that could not be scanned."""
    return {"target": target, "ok": False, "exit_code": exit_code, "error": error, "error_kind": kind,
            "summary": None, "timings": timings or {}, "worker": worker}


def _scan(target: str, options: pipeline.ScanOptions, summary_only: bool) -> dict[str, Any]:
    stats = pipeline.ScanStats()
    loaded_before = pipeline.index_loaded()
    start = time.perf_counter()
    try:
        system = split_system(target)  # one target, or several judged as one system
        report = pipeline.scan(system[0] if len(system) == 1 else system,
                               replace(options, jobs=1, progress=None, stats=stats))
    except OsaiScanError as exc:
        return error_record(target, str(exc), type(exc).__name__, exc.exit_code,
                            {"total": round(time.perf_counter() - start, 4)}, _worker_name())
    except Exception as exc:  # noqa: BLE001 - one target's bug must not stop the batch
        return error_record(target, f"osai-scan hit a bug scanning it: {type(exc).__name__}: {exc}",
                            "InternalError", 3, {"total": round(time.perf_counter() - start, 4)}, _worker_name())
    data = json.loads(render_json(report))
    timings = {name: round(seconds, 4) for name, seconds in stats.seconds.items()}
    timings["total"] = round(time.perf_counter() - start, 4)
    record: dict[str, Any] = {
        "target": target, "ok": True, "exit_code": 0 if report.complete else 3, "error": None,
        "error_kind": None, "summary": summarize_report(data), "timings": timings, "worker": _worker_name(),
        "index_loaded_here": stats.index_loaded and not loaded_before,
    }
    if not summary_only:
        record["report"] = data
    return record


def scan_target(target: str, options: pipeline.ScanOptions, summary_only: bool = False) -> dict[str, Any]:
    """Scan one target with ``options`` (matching in this process) and return its record; never raises.

    The first scan of a process that may load ScanCode's index runs alone; later ones reuse it.
    """
    if pipeline.index_loaded():
        return _scan(target, options, summary_only)
    with _FIRST_LOAD:
        return _scan(target, options, summary_only)


def record_line(record: dict[str, Any]) -> bytes:
    """A record as one JSON line (UTF-8, newline-terminated, keys sorted)."""
    return (json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
