"""The targets file: one AI system per line, ``#`` comments.

A line holds one target (a path, ``hf:ORG/NAME[@REV]`` or a Hub URL), or several separated by
spaces, judged as one system (``./code hf:org/weights``); a path with spaces is quoted as in a
shell (``'my models/x'``). A line's targets are kept as one string (``split_system`` reads it back).
"""

from __future__ import annotations

import shlex
from pathlib import Path

from ..errors import UsageError


def parse_targets(text: str) -> list[str]:
    """The targets of a targets file's text, in order, each once.

    Blank lines and everything from a ``#`` that starts a line or follows a space are ignored
    (``#`` inside a URL fragment-free target such as a path is kept when not preceded by a space).
    """
    seen: set[str] = set()
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            continue
        cut = stripped.find(" #")
        target = (stripped[:cut] if cut >= 0 else stripped).strip()
        if target:
            target = shlex.join(split_system(target))
        if target and target not in seen:
            seen.add(target)
            out.append(target)
    return out


def split_system(line: str) -> list[str]:
    """The targets of one line of a targets file (one system): split as a shell would.

    Raises:
        UsageError: an unbalanced quote.
    """
    try:
        return shlex.split(line)
    except ValueError as exc:
        raise UsageError(f"cannot read the targets line {line!r}: {exc}.",
                         hint="Quote a path with spaces as in a shell: 'my models/x'.") from None


def read_targets(path: Path) -> list[str]:
    """The targets listed in the file ``path`` (``-`` is not special).

    Raises:
        UsageError: the file cannot be read, or lists no target.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read the targets file '{path}': {exc.strerror or exc}.") from None
    except UnicodeDecodeError:
        raise UsageError(f"the targets file '{path}' is not UTF-8 text.") from None
    targets = parse_targets(text)
    if not targets:
        raise UsageError(f"the targets file '{path}' lists no target.",
                         hint="Write one target per line: a folder, hf:ORG/NAME[@REVISION] or a Hub URL.")
    return targets
