"""REUSE annotations (https://reuse.software/spec-3.3/): REUSE.toml, .reuse/dep5, .license sidecars.

They license files that cannot carry a header (weights, datasets) and come second in the
attribution order, before component, folder and declared license files. Following the REUSE
specification:

- a ``<file>.license`` sidecar replaces the file's own header (the file itself is not read for
  license information when a sidecar exists);
- a ``REUSE.toml`` annotation with ``precedence = "override"`` wins over everything, including
  the file's own notice; ``"closest"`` (the default) applies when the file says nothing
  itself; ``"aggregate"`` applies together with (AND) the file's own notice. Within one
  REUSE.toml the last matching annotation wins, and a REUSE.toml deeper in the tree wins over
  one above it. Paths are relative to the REUSE.toml; ``*`` does not cross ``/``, ``**`` does;
- ``.reuse/dep5`` (deprecated by REUSE 3.3, still common) works like ``closest``; its ``*``
  crosses ``/`` and the last matching paragraph wins.

Only SPDX-License-Identifier values are read; copyright lines are ignored. Nothing here
reports errors by raising: a file that cannot be parsed is recorded in ``problems``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Callable

#: Reads a small text file of the target; returns None when it cannot be read.
TextReader = Callable[[str], "str | None"]

_SPDX_LINE = re.compile(r"SPDX-License-Identifier:\s*(.+?)\s*(?:\*/|-->)?\s*$", re.MULTILINE)
SIDECAR_SUFFIX = ".license"
#: The REUSE layout's folder of license texts, at the root of the target.
LICENSES_FOLDER = "LICENSES"
PRECEDENCES = ("closest", "aggregate", "override")


@dataclass(frozen=True, slots=True, kw_only=True)
class Annotation:
    """A license given to a file by a REUSE annotation.

    Attributes:
        spdx: the SPDX license expression (several identifiers are joined with AND).
        source_path: the annotating file (REUSE.toml, .reuse/dep5 or the sidecar).
        precedence: closest, aggregate or override (sidecars: ``sidecar``).
        detail: how the annotation matched, for the report.
    """

    spdx: str
    source_path: str
    precedence: str
    detail: str


@dataclass(frozen=True, slots=True)
class _TomlRule:
    source_path: str
    folder: str
    patterns: tuple[re.Pattern[str], ...]
    globs: tuple[str, ...]
    spdx: str
    precedence: str


def _toml_glob(glob: str) -> re.Pattern[str]:
    """REUSE.toml globbing: ``*`` does not cross ``/``, ``**`` does, ``\\*`` is a literal star."""
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("\\\\", i):
            out.append(re.escape("\\"))
            i += 2
        elif glob.startswith("\\*", i):
            out.append(re.escape("*"))
            i += 2
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def _dep5_glob(glob: str) -> re.Pattern[str]:
    """Debian copyright globbing: ``*`` matches anything including ``/``, ``?`` one character."""
    return re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in glob) + r"\Z")


def _joined(values: object) -> str | None:
    if isinstance(values, str) and values.strip():
        return values.strip()
    if isinstance(values, list) and values and all(isinstance(v, str) and v.strip() for v in values):
        parts = [v.strip() for v in values]
        return " AND ".join(f"({p})" if " " in p else p for p in parts)
    return None


def sidecar_spdx(text: str) -> str | None:
    """The SPDX expression of a ``.license`` sidecar (several identifiers are joined with AND)."""
    found = [m.group(1).strip() for m in _SPDX_LINE.finditer(text)]
    return _joined(found) if found else None


class ReuseIndex:
    """The REUSE annotations of one target.

    Args:
        paths: every file of the target.
        read_text: reads a small text file (REUSE.toml, dep5, sidecars).
    """

    def __init__(self, paths: list[str], read_text: TextReader) -> None:
        self.problems: list[tuple[str, str]] = []
        present = set(paths)
        self.sidecars: dict[str, Annotation] = {}
        for path in paths:
            if path.endswith(SIDECAR_SUFFIX) and path[: -len(SIDECAR_SUFFIX)] in present:
                self._sidecar(path, read_text)
        self._toml: list[_TomlRule] = []
        for path in sorted((p for p in paths if PurePosixPath(p).name == "REUSE.toml"),
                           key=lambda p: (p.count("/"), p)):
            self._load_toml(path, read_text)
        self._dep5: list[tuple[tuple[re.Pattern[str], ...], str, str]] = []
        if ".reuse/dep5" in present:
            self._load_dep5(".reuse/dep5", read_text)

    @property
    def files(self) -> tuple[str, ...]:
        """Every annotating file in use (for the report's evidence)."""
        found = {r.source_path for r in self._toml} | {a.source_path for a in self.sidecars.values()}
        if self._dep5:
            found.add(".reuse/dep5")
        return tuple(sorted(found))

    def _sidecar(self, path: str, read_text: TextReader) -> None:
        text = read_text(path)
        spdx = sidecar_spdx(text) if text is not None else None
        if spdx is None:
            self.problems.append((path, "the .license sidecar has no SPDX-License-Identifier line"))
            return
        target = path[: -len(SIDECAR_SUFFIX)]
        self.sidecars[target] = Annotation(spdx=spdx, source_path=path, precedence="sidecar",
                                           detail=f"REUSE sidecar {PurePosixPath(path).name}")

    def _load_toml(self, path: str, read_text: TextReader) -> None:
        text = read_text(path)
        try:
            doc = tomllib.loads(text or "")
        except tomllib.TOMLDecodeError as exc:
            self.problems.append((path, f"invalid TOML: {exc}"))
            return
        except RecursionError:
            self.problems.append((path, "invalid TOML: nested too deeply to parse"))
            return
        if doc.get("version") != 1:
            self.problems.append((path, f"unsupported REUSE.toml version {doc.get('version')!r} (expected 1)"))
            return
        folder = str(PurePosixPath(path).parent)
        folder = "" if folder == "." else folder
        for number, raw in enumerate(doc.get("annotations") or [], 1):
            globs = [raw.get("path")] if isinstance(raw.get("path"), str) else raw.get("path")
            spdx = _joined(raw.get("SPDX-License-Identifier"))
            precedence = raw.get("precedence", "closest")
            if not isinstance(globs, list) or not all(isinstance(g, str) for g in globs) or not globs:
                self.problems.append((path, f"annotation {number} has no valid 'path'"))
                continue
            if precedence not in PRECEDENCES:
                self.problems.append((path, f"annotation {number} has unknown precedence {precedence!r}"))
                continue
            if spdx is None:
                continue  # copyright-only annotation
            self._toml.append(_TomlRule(source_path=path, folder=folder, patterns=tuple(map(_toml_glob, globs)),
                                        globs=tuple(globs), spdx=spdx, precedence=precedence))

    def _load_dep5(self, path: str, read_text: TextReader) -> None:
        text = read_text(path)
        if text is None:
            self.problems.append((path, "cannot read .reuse/dep5"))
            return
        for paragraph in re.split(r"\n\s*\n", text.strip()):
            fields: dict[str, str] = {}
            current = None
            for line in paragraph.splitlines():
                if line[:1] in (" ", "\t") and current:
                    fields[current] += " " + line.strip()
                elif ":" in line:
                    current, _, value = line.partition(":")
                    current = current.strip().lower()
                    fields[current] = value.strip()
            if "files" in fields and fields.get("license"):
                license_line = fields["license"].split("  ")[0].strip()
                globs = fields["files"].split()
                self._dep5.append((tuple(map(_dep5_glob, globs)), license_line, " ".join(globs)))
        if not self._dep5:
            self.problems.append((path, "no 'Files:' paragraph with a 'License:' field"))

    def toml_annotation(self, path: str) -> Annotation | None:
        """The REUSE.toml annotation of ``path`` (deepest REUSE.toml, then last match), or None."""
        found = None
        for rule in self._toml:  # sorted shallow → deep; later matches win
            if rule.folder and not path.startswith(rule.folder + "/"):
                continue
            relative = path[len(rule.folder) + 1:] if rule.folder else path
            for pattern, glob in zip(rule.patterns, rule.globs):
                if pattern.match(relative):
                    found = Annotation(spdx=rule.spdx, source_path=rule.source_path, precedence=rule.precedence,
                                       detail=f"REUSE.toml annotation path '{glob}' (precedence {rule.precedence})")
        return found

    def dep5_annotation(self, path: str) -> Annotation | None:
        """The .reuse/dep5 annotation of ``path`` (the last matching paragraph), or None."""
        found = None
        for patterns, spdx, globs in self._dep5:
            if any(p.match(path) for p in patterns):
                found = Annotation(spdx=spdx, source_path=".reuse/dep5", precedence="closest",
                                   detail=f".reuse/dep5 Files: {globs}")
        return found


def is_licenses_folder_text(path: str) -> bool:
    """True for a license text in the root ``LICENSES/`` folder (REUSE): it holds the texts of the
    licenses a project uses, and governs no folder."""
    folder, _, name = path.partition("/")
    return folder == LICENSES_FOLDER and bool(name) and "/" not in name


__all__ = ["Annotation", "LICENSES_FOLDER", "PRECEDENCES", "ReuseIndex", "SIDECAR_SUFFIX", "is_licenses_folder_text",
           "sidecar_spdx"]
