"""HTML report: hostile text stays text, claims and links are shown, figures are present."""

from __future__ import annotations

from lxml import html as lxml_html

from annotator.core import Document, new_project
from annotator.core.export.html_report import project_to_html

from .export_sample import sample_project


def _doc(data: bytes) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(data.decode("utf-8"))


def test_untrusted_text_is_escaped_and_scripts_forbidden() -> None:
    project = sample_project()
    tree = _doc(project_to_html(project))
    assert not tree.xpath("//script | //iframe | //object | //img | //link | //b | //i")
    assert not [a for el in tree.iter() for a in el.attrib if a.lower().startswith("on")]
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0] and "script" not in csp[0]
    page = tree.text_content()
    assert "Critics <script>alert('a')</script> disagreed." in page
    assert 'Pair "one" <test>' in tree.findtext(".//title")
    titles = " ".join(tree.xpath("//span[contains(@class,'claim')]/@title"))
    assert "Speaker: The <b>minister</b>" in titles  # the label, not the id


def test_side_by_side_texts_and_claims() -> None:
    project = sample_project()
    tree = _doc(project_to_html(project))
    panes = tree.xpath("//div[@class='pair']//div[@class='doc']")
    assert len(panes) == 2
    for pane, doc in zip(panes, (project.doc_a, project.doc_b), strict=True):
        for sup in pane.xpath(".//sup"):  # link numbers are additions; drop them to compare
            sup.drop_tree()
        assert pane.text_content() == doc.text
    claim_text = {s.text_content() for s in panes[0].xpath(".//span[contains(@class,'claim')]")}
    assert "We will not back down." in claim_text and "مرحبا بالعالم" in claim_text
    nested = panes[0].xpath(".//span[contains(@class,'nest')]")
    assert [s.text_content() for s in nested] == ["12 percent"]  # c3 inside c2
    assert "background:#d62728" in nested[0].get("style")  # the inner (factual) colour


def test_links_show_shared_and_changed_words_and_figures() -> None:
    project = sample_project()
    tree = _doc(project_to_html(project))
    rows = tree.xpath("//h2[.='Alignment links']/following-sibling::table[1]//tr[td]")
    assert [r.xpath("td[1]")[0].text for r in rows] == ["l1", "l3", "l2", "l4"]
    l2 = rows[2]
    changed = [s.text for s in l2.xpath(".//span[@class='chg']")]
    shared = [s.text for s in l2.xpath(".//span[@class='same']")]
    assert "12" in changed and "15" in changed
    assert any("percent of funds were cut" in s for s in shared)
    assert "…" in rows[1].text_content()  # the n:m side shows both of its spans
    figures = {r.xpath("th")[0].text: r.xpath("td")[0].text
               for r in tree.xpath("//table[@class='figs']//tr")}
    assert figures["Alignment links"] == "4" and figures["Claim links"] == "2"
    assert figures["… rejected"] == "1" and figures["Claims with no partner"] == "4"
    assert figures["Share of A covered by links"].endswith("%")
    cl_rows = tree.xpath("//h2[.='Claim links']/following-sibling::table[1]//tr[td]")
    assert {r.xpath("td[3]")[0].text for r in cl_rows} == {"Number changed", "Quote altered"}


def test_empty_project_renders() -> None:
    project = new_project(Document.from_text("A", "x"), Document.from_text("B", "y"))
    tree = _doc(project_to_html(project))
    assert tree.xpath("//table[@class='figs']")
