"""Flags in the exports: the HTML report's section and marks, the flags CSV, the TEI
`linkGrp` (read with lxml, valid against tei_all.rng) and the Web Annotation JSON-LD
annotations (expanded by pyld against the vendored W3C context)."""

from __future__ import annotations

import csv
import gzip
import io
import json
from typing import Any

import pytest
from lxml import etree, html
from pyld import jsonld

from annotator.core.assist.actions import apply_resolution, resolve_flag
from annotator.core.assist.check import check_project
from annotator.core.assist.model import FlagState
from annotator.core.export import EXPORTERS
from annotator.core.export.tei import TEI_NS
from annotator.core.export.webanno import EXTENSION_NS, document_iri

from .assist_helpers import aligned
from .test_export_tei import TEI_RNG, _parse, _resolve
from .test_export_webanno import OA, OPTIONS, _expanded

A = "A landslide destroyed 85 houses in Orvik, officials said. Roads stayed shut for days."
B = "A landslide destroyed 58 houses in Orvik, officials said. Roads stayed shut for days."


def checked_project():  # type: ignore[no-untyped-def]
    project = aligned(A, B)
    project.assist.flags = {f.id: f for f in check_project(project)}
    return project


def test_html_report_lists_flags_and_marks_both_sides() -> None:
    project = checked_project()
    page = html.fromstring(EXPORTERS["html"].render(project))
    heading = page.xpath("//h2[text()='Discrepancy flags']")
    assert heading
    row = heading[0].getnext().getnext().xpath(".//tr[td]")[0]
    cells = [c.text_content() for c in row.xpath("td")]
    assert cells[:3] == ["f1", "number", "open"]
    assert "85" in cells[3] and "58" in cells[3]
    assert [m.text_content() for m in row.xpath(".//span[@class='flagged']")] == ["85", "58"]
    marks = page.xpath("//div[@class='doc']//span[contains(@class, 'flag')]")
    assert sorted(m.text_content() for m in marks) == ["58", "85"]
    assert all("number differs" in m.get("title") for m in marks)


def test_html_report_without_flags_has_no_section() -> None:
    page = html.fromstring(EXPORTERS["html"].render(aligned(A, B)))
    assert not page.xpath("//h2[text()='Discrepancy flags']")


def test_dismissed_flag_is_listed_but_not_marked() -> None:
    project = checked_project()
    project.assist.flags["f1"] = project.assist.flags["f1"].with_state(FlagState.DISMISSED)
    page = html.fromstring(EXPORTERS["html"].render(project))
    assert not page.xpath("//div[@class='doc']//span[contains(@class, 'flag')]")
    assert "dismissed" in page.xpath("//h2[text()='Discrepancy flags']/following::table[1]")[
        0].text_content()


def test_flags_csv() -> None:
    rows = list(csv.DictReader(io.StringIO(EXPORTERS["csv-flags"].render(
        checked_project()).decode("utf-8"))))
    assert len(rows) == 1
    row = rows[0]
    assert (row["kind"], row["state"], row["a_text"], row["b_text"]) == ("number", "open",
                                                                         "85", "58")
    assert A[int(row["a_start"]):int(row["a_end"])] == "85"


OMITTED = "The repairs will cost $4 million, the mayor said. "
NS = {"tei": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def three_states_project():  # type: ignore[no-untyped-def]
    """A number flag turned into a claim link, an omission left open, both kinds exported."""
    project = aligned(A.replace("Roads", OMITTED + "Roads"), B)
    project.assist.flags = {f.id: f for f in check_project(project)}
    assert [(f.id, f.kind) for f in project.assist.flags_sorted()] == [
        ("f1", "number"), ("f2", "omission")]
    apply_resolution(project, resolve_flag(project, project.assist.flags["f1"]))
    return project


def test_tei_has_each_flag_as_a_link_into_both_texts_with_its_explanation() -> None:
    project = three_states_project()
    root = _parse(EXPORTERS["tei"].render(project))
    links = root.findall("tei:standOff/tei:linkGrp[@type='discrepancies']/tei:link", NS)
    assert [(x.get(XML_ID), x.get("type"), x.get("subtype")) for x in links] == [
        ("flag-f1", "number", "linked"), ("flag-f2", "omission", "open")]
    number, omission = links
    evidence = [_resolve(root, t) for t in number.get("target").split()]
    assert [(ab, text) for ab, _, _, text in evidence] == [("text-A", "85"), ("text-B", "58")]
    made = project.assist.flags["f1"].made
    (claim_link,) = root.xpath("//tei:link[@xml:id=$id]", namespaces=NS,
                               id=number.get("corresp").lstrip("#"))
    assert claim_link.get("type") == "number-changed" and made in claim_link.get(XML_ID)
    statement, other_text = omission.get("target").split()
    assert _resolve(root, statement)[3] == OMITTED.strip()
    (missing_in,) = root.xpath("//tei:ab[@xml:id=$id]", namespaces=NS,
                               id=other_text.lstrip("#"))
    assert "".join(missing_in.itertext()) == project.doc_b.text
    notes = {n.get("target"): n.text for n in root.iterfind(".//tei:listAnnotation/tei:note",
                                                             NS)}
    assert "85" in notes["#flag-f1"] and "58" in notes["#flag-f1"]
    assert "$4 million" in notes["#flag-f2"]


@pytest.mark.slow
def test_tei_with_flags_is_valid_tei_all() -> None:
    schema = etree.RelaxNG(etree.fromstring(gzip.decompress(TEI_RNG.read_bytes())))
    tree = etree.ElementTree(_parse(EXPORTERS["tei"].render(three_states_project())))
    assert schema.validate(tree), schema.error_log


def _selected(project, target: dict[str, Any]) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(document id, text) that an expanded target's position selector picks, checked
    against its quote selector."""
    docs = {document_iri(d): d for d in (project.doc_a, project.doc_b)}
    doc = docs[target[OA + "hasSource"][0]["@id"]]
    selectors = {s["@type"][0]: s for s in target[OA + "hasSelector"]}
    pos = selectors[OA + "TextPositionSelector"]
    start, end = pos[OA + "start"][0]["@value"], pos[OA + "end"][0]["@value"]
    exact = selectors[OA + "TextQuoteSelector"][OA + "exact"][0]["@value"]
    assert doc.text[start:end] == exact
    return doc.id, exact


def test_jsonld_has_each_flag_as_an_annotation_of_both_sides() -> None:
    project = three_states_project()
    doc, nodes = _expanded(project)
    base = doc["id"]
    number, omission = nodes[f"{base}:flag:f1"], nodes[f"{base}:flag:f2"]
    for node in (number, omission):
        assert node["@type"] == [OA + "Annotation"]
        assert node[OA + "motivatedBy"] == [{"@id": OA + "questioning"}]
    assert [_selected(project, t) for t in number[OA + "hasTarget"]] == [("A", "85"),
                                                                         ("B", "58")]
    bodies = {b[OA + "hasPurpose"][0]["@id"]: b["http://www.w3.org/1999/02/22-rdf-syntax-ns#value"][0][
        "@value"] for b in number[OA + "hasBody"]}
    assert bodies[OA + "classifying"] == "number"
    assert "85" in bodies[OA + "describing"] and "58" in bodies[OA + "describing"]
    ext = EXTENSION_NS
    assert number[ext + "flagKind"][0]["@value"] == "number"
    assert number[ext + "flagState"][0]["@value"] == "linked"
    made = number[ext + "flagMadeInto"][0]["@id"]
    assert made == f"{base}:claimlink:{project.assist.flags['f1'].made}"
    assert nodes[made][OA + "motivatedBy"] == [{"@id": OA + "linking"}]  # resolves in the export
    assert [_selected(project, t) for t in omission[OA + "hasTarget"]] == [
        ("A", OMITTED.strip())]
    assert omission[ext + "flagMissingIn"] == [{"@id": document_iri(project.doc_b)}]
    assert omission[ext + "flagState"][0]["@value"] == "open"


def test_jsonld_with_flags_compacts_back_to_itself() -> None:
    doc = json.loads(EXPORTERS["jsonld"].render(three_states_project()))
    compacted = jsonld.compact(jsonld.expand(doc, OPTIONS), {"@context": doc["@context"]},
                               OPTIONS)
    assert compacted == doc
