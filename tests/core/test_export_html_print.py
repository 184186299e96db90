"""The HTML report on paper and at a glance: changed words never share a colour with a claim
type, claim-link rows say which claims and articles they join, and the print layout keeps
table rows whole and the quote column wide (checked in the PDF headless Chromium prints,
when Chromium is installed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from annotator.core.export.html_report import project_to_html
from annotator.core.xmlio import default_taxonomy

from .export_sample import sample_project


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def test_changed_words_colour_is_no_claim_tint() -> None:
    css = project_to_html(sample_project()).decode()
    chg = re.search(r"\.chg\{background:(#[0-9a-f]{6})", css)
    assert chg is not None
    changed = _rgb(chg.group(1))
    alpha = 0x59 / 255  # claim tints are the type colour at this opacity over white
    for ct in default_taxonomy().claim_types:
        tint = tuple(alpha * c + (1 - alpha) for c in _rgb(ct.color))
        distance = sum((x - y) ** 2 for x, y in zip(tint, changed, strict=True)) ** 0.5
        assert distance > 0.15, f"changed words look like {ct.label} claims"


def test_claim_link_rows_name_both_claims_and_articles() -> None:
    project = sample_project()
    page = lxml_html.fromstring(project_to_html(project))
    (table,) = page.xpath("//table[@class='claimlinks']")
    rows = table.xpath("./tbody/tr")
    assert len(rows) == len(project.claim_links)
    k1 = next(r for r in rows if r.xpath("./td[1]/text()") == ["k1"])
    source, target = (k1.xpath("./td[2]")[0].text_content(), k1.xpath("./td[4]")[0].text_content())
    assert source.startswith("c2 · A: Article <A> & co · Statistic")
    assert target.startswith("c6 · B: Article B · Statistic")
    assert "12 percent of funds were cut" in source and "15 percent" in target
    for name in ("links", "claims", "claimlinks"):  # headers repeat on each printed page
        assert page.xpath(f"//table[@class='{name}']/thead/tr/th")


# scripts/test installs both; only a run outside it (no CI) may skip
@pytest.mark.skipif((shutil.which("chromium") is None or shutil.which("pdftotext") is None)
                    and not os.environ.get("CI"),
                    reason="needs chromium and poppler-utils (scripts/bootstrap.sh test)")
def test_chromium_prints_whole_rows_and_a_readable_quote_column(tmp_path: Path) -> None:
    project = sample_project()
    for n in range(60):  # enough claims for the Claims table to run over a page break
        start = project.doc_b.text.index("Economists")
        project.put_claim(project.make_claim("B", start, start + 40, "prediction",
                                             claim_id=f"x{n}", note="a note " * (n % 5)))
    page = tmp_path / "report.html"
    page.write_bytes(project_to_html(project))
    pdf = tmp_path / "report.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    # the quote column is wide enough to hold "Economists predict a recession" on one line
    assert "Economists predict a recession" in text
    pages = text.split("\f")
    assert len(pages) > 2
    for pg in pages:  # no claim row is split: each x-claim's id is on the page with its quote
        for claim_id in re.findall(r"\bx\d+\b", pg):
            row = pg[pg.index(claim_id):]
            assert "Economists" in row[:400], f"{claim_id} split across pages"
