"""Known exceptions → one-line messages and exit codes (most specific first)."""

from __future__ import annotations

from ..errors import OsaiScanError, RuleError, TargetNotFoundError, UsageError


def format_known(exc: BaseException) -> tuple[str, int] | None:
    """Return (message, exit code) for an exception the user can act on, else None."""
    for kind in (RuleError, TargetNotFoundError, UsageError, OsaiScanError):
        if isinstance(exc, kind):
            assert isinstance(exc, OsaiScanError)
            return str(exc), exc.exit_code
    return None
