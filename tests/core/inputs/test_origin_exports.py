"""Exports carry each document's provenance where their format has a place for it."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from annotator.core import Document, new_project
from annotator.core.export.html_report import project_to_html
from annotator.core.export.tei import TEI_NS, project_to_tei

DATA = Path(__file__).resolve().parents[2] / "data" / "inputs"
TEI_RNG = Path(__file__).resolve().parents[1] / "data" / "tei_all-4.3.0.rng.gz"
URL = "https://www.coastalcourier.example/news/2026/03/12/harbour-dredging-april"


def _project():  # type: ignore[no-untyped-def]
    return new_project(Document.load(DATA / "harbour_article.html", "A"),
                       Document.load(DATA / "press_release.pdf", "B"))


def test_tei_header_names_author_publisher_date_and_address() -> None:
    root = etree.fromstring(project_to_tei(_project()))
    ns = {"t": TEI_NS}
    bibl, pdf = root.findall(".//t:sourceDesc//t:bibl", ns)
    assert bibl.get("{http://www.w3.org/XML/1998/namespace}id") == "source-A"
    assert bibl.findtext("t:title", namespaces=ns) == \
        "Harbour dredging to start in April, authority says"
    assert bibl.findtext("t:author", namespaces=ns) == "Tom Reyes"
    assert bibl.findtext("t:publisher", namespaces=ns) == "The Coastal Courier"
    assert bibl.find("t:date", ns).get("when") == "2026-03-12"
    assert bibl.findtext("t:idno[@type='URI']", namespaces=ns) == URL
    assert bibl.findtext("t:note[@type='extraction']", namespaces=ns).startswith(
        "Text extracted from html by trafilatura ")
    assert pdf.findtext("t:author", namespaces=ns) == "Harbour Authority Press Office"
    assert pdf.find("t:publisher", ns) is None


def test_html_report_shows_byline_and_link() -> None:
    page = lxml_html.fromstring(project_to_html(_project()))
    lines = [p.text_content() for p in page.find_class("origin")]
    assert lines == [f"The Coastal Courier · by Tom Reyes · 2026-03-12 · {URL}",
                     "by Harbour Authority Press Office · 2026-03-12"]
    assert [a.get("href") for a in page.find_class("origin")[0].iter("a")] == [URL]


def test_html_report_names_each_texts_format_file_and_extractor() -> None:
    """The README: every document records its format, file name and extractor with its
    version in the exports that have a place for them, the HTML report among them."""
    project = _project()
    page = lxml_html.fromstring(project_to_html(project))
    lines = [p.text_content() for p in page.find_class("extraction")]
    versions = [doc.meta.extractor_version for doc in (project.doc_a, project.doc_b)]
    assert lines == [f"Saved web page · harbour_article.html · read with trafilatura {versions[0]}",
                     f"PDF · press_release.pdf · read with pypdf {versions[1]}"]
    text = Document.from_text("B", "Plain words.")
    assert not lxml_html.fromstring(project_to_html(new_project(
        Document.from_text("A", "Plain."), text))).find_class("extraction")


def test_report_never_links_a_non_web_address() -> None:
    from annotator.core.inputs import SourceMeta

    meta = SourceMeta(kind="html", url="javascript:alert(1)", site="x")
    doc = Document("A", "Text here.", "T", meta=meta)
    page = lxml_html.fromstring(project_to_html(new_project(doc, Document.from_text("B", "B."))))
    assert not list(page.find_class("origin")[0].iter("a"))


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("ANNOTATOR_SLOW"),
                    reason="compiling tei_all takes ~20 s; set ANNOTATOR_SLOW=1")
def test_tei_with_provenance_is_valid_tei_all() -> None:
    schema = etree.RelaxNG(etree.fromstring(gzip.decompress(TEI_RNG.read_bytes())))
    tree = etree.ElementTree(etree.fromstring(project_to_tei(_project())))
    assert schema.validate(tree), schema.error_log


def test_jsonld_describes_each_text_with_its_provenance() -> None:
    import json

    from annotator.core.export.webanno import document_iri, project_to_jsonld

    project = _project()
    data = json.loads(project_to_jsonld(project))
    page, pdf = data["annotator:documents"]
    assert page == {
        "id": document_iri(project.doc_a), "type": "Text", "format": "text/plain",
        "annotator:title": "Harbour dredging to start in April, authority says", "via": URL,
        "annotator:kind": "html", "annotator:file": "harbour_article.html",
        "annotator:author": "Tom Reyes", "annotator:date": "2026-03-12",
        "annotator:site": "The Coastal Courier", "annotator:extractor": "trafilatura",
        "annotator:extractorVersion": project.doc_a.meta.extractor_version,
    }
    assert "via" not in pdf and pdf["annotator:author"] == "Harbour Authority Press Office"
