"""``make screenshot``: docs/report-example.png, the HTML report of fixtures/example as headless
chromium renders it (the example is committed into a fresh git repository first, as in the tests)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.conftest import ROOT  # noqa: E402
from tests.report.browser import screenshot  # noqa: E402
from tests.report.conftest import scan_case  # noqa: E402

OUT = ROOT / "docs" / "report-example.png"


def main() -> None:
    from osai_scan.report import render_html

    with tempfile.TemporaryDirectory() as tmp:
        report = scan_case("example", Path(tmp))
        page = Path(tmp) / "report.html"
        page.write_text(render_html(report), encoding="utf-8")
        screenshot(page, Path(tmp) / "chromium-profile", OUT)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
