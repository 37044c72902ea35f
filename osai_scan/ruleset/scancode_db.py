"""ScanCode's license DB as files: the metadata and reference text of a license key.

Reading ``<key>.LICENSE`` from the installed ``licensedcode`` package is cheap and does not
load ScanCode's match index, so the rules loader and ``osai-scan explain`` can use it.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

import yaml

#: libyaml's safe loader when available (about 10 times faster than PyYAML's), else PyYAML's.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: A license key or SPDX id token inside an expression.
SYMBOL = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+_-]*")


def _scancode_data_dir() -> Path | None:
    spec = importlib.util.find_spec("licensedcode")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "licenses"


@lru_cache(maxsize=4096)
def scancode_license_info(key: str) -> dict[str, object] | None:
    """The YAML front matter of ScanCode's ``<key>.LICENSE`` file, or None if unknown."""
    folder = _scancode_data_dir()
    if folder is None or not SYMBOL.fullmatch(key):
        return None
    path = folder / f"{key}.LICENSE"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    if not text.startswith("---"):
        return {"key": key}
    end = text.find("\n---", 3)
    try:
        info = yaml.load(text[3:end], Loader=_SAFE_LOADER) if end > 0 else {}  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        info = {}
    return info if isinstance(info, dict) else {"key": key}


def scancode_license_text(key: str) -> str | None:
    """The reference text of a ScanCode license (front matter removed), or None."""
    folder = _scancode_data_dir()
    if folder is None or not SYMBOL.fullmatch(key):
        return None
    try:
        text = (folder / f"{key}.LICENSE").read_text(encoding="utf-8")
    except OSError:
        return None
    if text.startswith("---"):
        end = text.find("\n---", 3)
        text = text[end + 4:] if end > 0 else text
    return text.strip() + "\n"


__all__ = ["SYMBOL", "scancode_license_info", "scancode_license_text"]
