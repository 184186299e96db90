"""TEI export: exact texts, resolvable string-range pointers, taxonomy, links, TEI validity."""

from __future__ import annotations

import functools
import gzip
import re
from pathlib import Path

import pytest
from lxml import etree

from annotator.core import Document, new_project
from annotator.core.export.common import sentence_table
from annotator.core.export.tei import TEI_NS, project_to_tei

from .export_sample import sample_project

NS = {"tei": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
POINTER = re.compile(r"#string-range\(//ab\[@xml:id='([^']+)'\],(\d+),(\d+)\)")
TEI_RNG = Path(__file__).parent / "data" / "tei_all-4.3.0.rng.gz"


def _parse(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def _resolve(root: etree._Element, pointer: str) -> tuple[str, int, int, str]:
    """Follow one string-range pointer: (ab id, start, end, the text it selects)."""
    m = POINTER.fullmatch(pointer)
    assert m, pointer
    ab_id, offset, length = m.group(1), int(m.group(2)), int(m.group(3))
    (ab,) = root.xpath("//tei:ab[@xml:id=$id]", namespaces=NS, id=ab_id)
    value = "".join(ab.itertext())
    return ab_id, offset, offset + length, value[offset : offset + length]


def test_texts_are_embedded_exactly_with_sentence_ids() -> None:
    project = sample_project()
    root = _parse(project_to_tei(project))
    assert root.tag == f"{{{TEI_NS}}}TEI"
    for doc in (project.doc_a, project.doc_b):
        (ab,) = root.xpath("//tei:ab[@xml:id=$id]", namespaces=NS, id=f"text-{doc.id}")
        assert "".join(ab.itertext()) == doc.text  # emoji, combining accent, RTL, markup
        ids = [s.get(XML_ID) for s in ab.iterfind("tei:s", NS)]
        assert ids == [s.id.replace(".", "-") for s in sentence_table(doc)]
    assert not root.xpath("//tei:script", namespaces=NS)  # markup in the text stayed text


def test_claims_point_at_their_exact_text_and_categories() -> None:
    project = sample_project()
    root = _parse(project_to_tei(project))
    categories = {c.get(XML_ID) for c in root.iterfind(".//tei:category", NS)}
    assert {f"type-{t.id}" for t in project.taxonomy.claim_types} <= categories
    assert {f"relation-{r.id}" for r in project.taxonomy.relations} <= categories
    spans = root.findall("tei:standOff/tei:spanGrp[@type='claims']/tei:span", NS)
    assert len(spans) == len(project.claims)
    for span in spans:
        claim = project.claims[span.get(XML_ID).removeprefix("claim-")]
        ab_id, start, end, selected = _resolve(root, span.get("target"))
        assert (ab_id, start, end) == (f"text-{claim.doc}", claim.start, claim.end)
        assert selected == claim.exact == span.text
        ana = span.get("ana").split()
        assert ana[0] == f"#type-{claim.type}" and ana[0][1:] in categories
        if claim.attributes:
            (fs,) = root.xpath("//tei:fs[@xml:id=$id]", namespaces=NS, id=ana[1][1:])
            pairs = [(f.get("name"), f.findtext("tei:string", namespaces=NS))
                     for f in fs.iterfind("tei:f", NS)]
            assert pairs == list(claim.attributes)
    notes = {n.get("target"): n.text for n in root.iterfind(".//tei:listAnnotation/tei:note", NS)}
    assert notes["#claim-c1"] == project.claims["c1"].note
    assert notes["#claimlink-k1"] == "12 → 15"


def test_alignment_and_claim_links() -> None:
    project = sample_project()
    root = _parse(project_to_tei(project))
    links = root.findall("tei:standOff/tei:linkGrp[@type='alignment']/tei:link", NS)
    assert len(links) == len(project.links)
    for el in links:
        link = project.links[el.get(XML_ID).removeprefix("link-")]
        assert el.get("type") == link.status.value
        assert float(el.get("cert")) == pytest.approx(link.score)
        resolved = [_resolve(root, p) for p in el.get("target").split()]
        expected = [("text-A", s.start, s.end) for s in link.a]
        expected += [("text-B", s.start, s.end) for s in link.b]
        assert [r[:3] for r in resolved] == expected
    n_m = root.xpath("//tei:link[@xml:id='link-l3']", namespaces=NS)[0]
    assert len(n_m.get("target").split()) == 3
    relations = root.findall("tei:standOff/tei:linkGrp[@type='claimRelations']/tei:link", NS)
    span_ids = {s.get(XML_ID) for s in root.iterfind(".//tei:span", NS)}
    assert {(r.get("type"), r.get("target")) for r in relations} == {
        ("number-changed", "#claim-c2 #claim-c6"), ("quote-altered", "#claim-c1 #claim-c7")}
    for rel in relations:
        assert {t[1:] for t in rel.get("target").split()} <= span_ids
        assert rel.get("ana") == f"#relation-{rel.get('type')}"
    ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID)]
    assert len(ids) == len(set(ids))


def test_empty_project_and_empty_text() -> None:
    project = new_project(Document.from_text("A", "Only one line."), Document("B", ""))
    root = _parse(project_to_tei(project))
    assert root.find("tei:standOff", NS) is None
    texts = ["".join(ab.itertext()) for ab in root.iterfind(".//tei:ab", NS)]
    assert texts == ["Only one line.", ""]


@functools.cache
def _tei_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.fromstring(gzip.decompress(TEI_RNG.read_bytes())))


@pytest.mark.slow
def test_valid_against_tei_all() -> None:
    """TEI P5 4.3.0 tei_all.rng (TEI Consortium, BSD-2), vendored gzipped in tests/core/data.

    It runs in every test run (compiling the schema takes ~8 s of CPU)."""
    schema = _tei_schema()
    german = new_project(Document.from_text("A", "Eins.", language="de"),
                         Document.from_text("B", "Zwei.", language="de"))
    for project in (sample_project(), german,
                    new_project(Document.from_text("A", "One."), Document.from_text("B", "Two."))):
        tree = etree.ElementTree(_parse(project_to_tei(project)))
        assert schema.validate(tree), schema.error_log
    assert b'xml:lang="de"' in project_to_tei(german)


@pytest.mark.slow
def test_impossible_source_dates_stay_valid_tei(tmp_path: Path) -> None:
    """A date is kept as the source states it; only a real one becomes @when (xsd:date)."""
    schema = _tei_schema()
    for stated, when in (("2024-02-30", None), ("2024-13", None), ("0000", None),
                         ("2024-02-29", "2024-02-29"), ("2023-11", "2023-11")):
        page = tmp_path / "page.md"
        page.write_text(f"---\ntitle: Page\ndate: {stated}\n---\n\nSome text. More text.\n",
                        encoding="utf-8")
        project = new_project(Document.load(page, "A", language="en"),
                              Document.from_text("B", "Two."))
        root = _parse(project_to_tei(project))
        (date,) = root.iterfind(".//tei:bibl/tei:date", NS)
        assert (date.text, date.get("when")) == (stated, when)
        assert schema.validate(etree.ElementTree(root)), schema.error_log
