"""HTML: one self-contained page, checked in headless Debian chromium through its DOM."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from osai_scan.models import Report
from osai_scan.report import render_html
from tests.report.browser import dump_dom
from tests.report.conftest import CASES


def _load(report: Report, tmp_path: Path):
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    return lxml.html.fromstring(dump_dom(page, tmp_path / "chromium-profile"))


def _text(node) -> str:
    return " ".join(node.text_content().split())


def test_the_browser_shows_verdict_matrix_and_findings(case_reports: dict[str, Report], tmp_path: Path) -> None:
    dom = _load(case_reports["mit-code-llama-weights"], tmp_path)
    (verdict,) = dom.xpath('//section[@id="verdict"]')
    assert "v-not-open-source-ai" in verdict.get("class")
    assert _text(verdict.xpath('.//p[@class="label"]')[0]) == "Not Open Source AI"
    assert _text(verdict.xpath(".//li")[0]).startswith("model: does not meet the Open Source Definition")
    (model,) = dom.xpath('//table[@id="matrix"]//tr[@data-component="model"]')
    cells = {td.get("data-freedom"): (_text(td), td.get("class")) for td in model.xpath("./td[@data-freedom]")}
    assert cells == {f: ("conditional", "cell s-conditional") for f in ("study", "use", "modify", "share")}
    status = model.xpath("./td[@data-status]")[0]
    assert (_text(status), status.get("class")) == ("not-open", "cell s-not-open")
    (code,) = dom.xpath('//table[@id="matrix"]//tr[@data-component="code"]')
    assert [_text(td) for td in code.xpath("./td[@data-freedom]")] == ["meets"] * 4
    (absent,) = dom.xpath('//table[@id="matrix"]//tr[@data-component="training-data"]')
    assert [_text(td) for td in absent.xpath("./td[@data-freedom]")] == ["n/a"] * 4
    (finding,) = dom.xpath('//div[@data-finding="policy.component-not-open"]')
    assert "f-error" in finding.get("class")
    assert _text(finding.xpath('./div[@class="hint"]')[0]).startswith(
        "Hint: Relicense these files under a license the profile accepts")
    profiles = {p.get("data-profile"): _text(p.xpath('.//p[contains(@class, "verdict-text")]')[0])
                for p in dom.xpath('//div[@id="profiles"]/div')}
    assert profiles == {"blog-2024": "Not Open Source AI", "mof": "Not Open Source AI",
                        "open-science": "Not Open Source AI", "osaid-1.0": "Not Open Source AI"}
    (chosen,) = dom.xpath('//div[contains(@class, "chosen")]')
    assert chosen.get("data-profile") == "blog-2024"
    (models,) = dom.xpath('//details[@data-files="model"]')
    assert _text(models.xpath("./summary")[0]) == "model (3 files)" and models.get("open") is None
    rows = [[_text(td) for td in tr.xpath("./td")][:2] for tr in models.xpath(".//tbody/tr")]
    assert rows == [[p, "LicenseRef-scancode-llama-2-license-2023"]
                    for p in ("model/config.json", "model/model.safetensors", "model/tokenizer.json")]


@pytest.mark.parametrize("case", CASES)
def test_every_page_is_self_contained(case: str, case_reports: dict[str, Report]) -> None:
    page = lxml.html.fromstring(render_html(case_reports[case]))
    assert page.xpath("//script") == [] and page.xpath("//link") == []
    assert page.xpath("//@src") == [] and page.xpath("//@href") == []
    assert "url(" not in "".join(page.xpath("//style/text()"))
    assert page.xpath('//section[@id="verdict"]/p[@class="label"]')
