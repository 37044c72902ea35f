"""Stage 5, attribute: the governing license of each file, with its provenance.

``attributor`` applies the attribution order of DESIGN.md (the file's own notice, a REUSE
annotation, a component-scoped license file, the nearest enclosing license file, the
repository's declared license); ``reuse`` reads REUSE annotations (``REUSE.toml``,
``.reuse/dep5``, ``.license`` sidecars); ``declared`` reads the repository's declarations (root
license files, the model card's metadata).

Takes in: the classifications and detections, the rules and the license knowledge. Hands on:
one ``Attribution`` per file and the ``Declared`` record.
"""

from __future__ import annotations

from .attributor import UNKNOWN_SPDX, Attributor, LicenseFile
from .declared import DeclaredReader, parse_front_matter
from .reuse import SIDECAR_SUFFIX, ReuseIndex, sidecar_spdx

__all__ = ["Attributor", "DeclaredReader", "LicenseFile", "ReuseIndex", "SIDECAR_SUFFIX", "UNKNOWN_SPDX",
           "parse_front_matter", "sidecar_spdx"]
