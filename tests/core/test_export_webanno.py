"""Web Annotation JSON-LD: read back by a JSON-LD processor (pyld) and checked against the
W3C data model's shape.

The W3C context is vendored (tests/core/data/anno.jsonld, from w3c/web-annotation, W3C Document
License); the document loader refuses every other URL, so expansion needs nothing but it and
the extension context the export embeds.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from pyld import jsonld

from annotator.core import ClaimLink, Document, Project, new_project
from annotator.core.export.webanno import (
    ANNO_CONTEXT,
    ATTRIBUTE_NS,
    EXTENSION_NS,
    document_iri,
    project_to_jsonld,
)

from .export_sample import sample_project

W3C_CONTEXT = json.loads((Path(__file__).parent / "data" / "anno.jsonld").read_text("utf-8"))
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"

# W3C Web Annotation Data Model, section 3.3.5: the motivations (also valid as body purpose)
MOTIVATIONS = {"assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
               "highlighting", "identifying", "linking", "moderating", "questioning",
               "replying", "tagging"}


def _is_iri(value: Any) -> bool:
    return isinstance(value, str) and ":" in value and " " not in value


def _check_target(target: dict[str, Any], texts: dict[str, str]) -> tuple[str, int, int]:
    assert target["type"] == "SpecificResource"
    assert _is_iri(target["source"]) and target["source"] in texts
    text = texts[target["source"]]
    kinds = {s["type"]: s for s in target["selector"]}
    assert set(kinds) == {"TextQuoteSelector", "TextPositionSelector"}
    quote, pos = kinds["TextQuoteSelector"], kinds["TextPositionSelector"]
    start, end = pos["start"], pos["end"]
    assert isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)
    assert text[start:end] == quote["exact"]
    assert text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"])
    return target["source"], start, end


def _annotations(project: Project) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    data = json.loads(project_to_jsonld(project).decode("utf-8"))
    return data, data["first"]["items"]


def test_collection_shape() -> None:
    data, items = _annotations(sample_project())
    assert data["@context"][0] == ANNO_CONTEXT
    assert data["type"] == "AnnotationCollection" and _is_iri(data["id"])
    assert data["first"]["type"] == "AnnotationPage" and data["first"]["startIndex"] == 0
    assert data["total"] == len(items) == 8 + 2 + 4
    ids = [a["id"] for a in items]
    assert len(set(ids)) == len(ids) and all(_is_iri(i) for i in ids)
    for anno in items:
        assert anno["type"] == "Annotation"
        assert anno["motivation"] in MOTIVATIONS
        bodies = anno["body"] if isinstance(anno["body"], list) else [anno["body"]]
        for body in bodies:
            assert body["type"] == "TextualBody" and isinstance(body["value"], str)
            assert body["purpose"] in MOTIVATIONS
        extra = {k for k in anno if k not in {"id", "type", "motivation", "body", "target"}}
        assert extra <= set(data["@context"][1])  # every extension is a defined term


def test_claims_round_trip_through_selectors() -> None:
    project = sample_project()
    texts = {document_iri(d): d.text for d in (project.doc_a, project.doc_b)}
    _, items = _annotations(project)
    claims = [a for a in items if a["motivation"] == "classifying"]
    assert len(claims) == len(project.claims)
    for anno in claims:
        claim = project.claims[anno["id"].rsplit(":", 1)[1]]
        source, start, end = _check_target(anno["target"], texts)
        assert texts[source] == project.document(claim.doc).text
        assert (start, end) == (claim.start, claim.end)
        quote = next(s for s in anno["target"]["selector"] if s["type"] == "TextQuoteSelector")
        assert (quote["exact"], quote["prefix"], quote["suffix"]) == (
            claim.exact, claim.prefix, claim.suffix)
        values = {b["purpose"]: b["value"] for b in anno["body"]}
        assert values["classifying"] == claim.type
        assert values.get("commenting", "") == claim.note
        assert anno.get("claimAttributes", {}) == claim.attrs


def test_claim_links_have_two_targets_and_alignment_links_every_span() -> None:
    project = sample_project()
    texts = {document_iri(d): d.text for d in (project.doc_a, project.doc_b)}
    _, items = _annotations(project)
    linking = [a for a in items if a["motivation"] == "linking"]
    claim_links = [a for a in linking if ":claimlink:" in a["id"]]
    assert len(claim_links) == 2
    for anno in claim_links:
        cl = project.claim_links[anno["id"].rsplit(":", 1)[1]]
        assert [t.rsplit(":", 1)[1] for t in anno["target"]] == [cl.source, cl.target]
        assert {b["purpose"]: b["value"] for b in anno["body"]}["classifying"] == cl.relation
        assert anno["fromClaim"].endswith(f":claim:{cl.source}")
    alignment = [a for a in linking if ":link:" in a["id"]]
    assert len(alignment) == len(project.links)
    for anno in alignment:
        link = project.links[anno["id"].rsplit(":", 1)[1]]
        got = [_check_target(t, texts)[1:] for t in anno["target"]]
        assert got == [(s.start, s.end) for s in (*link.a, *link.b)]
        assert anno["alignmentStatus"] == link.status.value
        assert anno["alignmentScore"] == link.score


def test_non_ascii_is_written_as_utf8() -> None:
    data = project_to_jsonld(sample_project())
    assert "😀".encode() in data and "مرحبا".encode() in data


# --- read by a JSON-LD processor ---------------------------------------------------------

def _offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url != ANNO_CONTEXT:
        raise AssertionError(f"the processor tried to load {url}")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": W3C_CONTEXT}


OPTIONS = {"documentLoader": _offline_loader}


def _expanded(project: Project) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The export and its expanded nodes by @id (annotations and the collection)."""
    doc = json.loads(project_to_jsonld(project))
    expanded = jsonld.expand(doc, OPTIONS)
    nodes: dict[str, dict[str, Any]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if "@id" in node and len(node) > 1:
                nodes[node["@id"]] = node
            for value in node.values():
                walk(value)

    walk(expanded)
    return doc, nodes


def _values(node: dict[str, Any], prop: str) -> list[Any]:
    return node.get(prop, [])


def test_expansion_keeps_every_claim_attribute_as_a_typed_property() -> None:
    project = sample_project()
    claim = project.claims["c2"]
    project.put_claim(replace(claim, attributes=(
        ("source", "Ministry of Finance"), ("sourceKind", "named"),
        ("verification", "disputed"), ("speaker", "spokesman"))))
    doc, nodes = _expanded(project)
    base = doc["id"]
    checked = 0
    for c in project.claims.values():
        node = nodes[f"{base}:claim:{c.id}"]
        assert _values(node, "@type") == [OA + "Annotation"]
        attr_nodes = _values(node, EXTENSION_NS + "claimAttributes")
        if not c.attributes:
            assert attr_nodes == []
            continue
        (attrs,) = attr_nodes
        assert OA + "hasSource" not in attrs  # `source` is the claim's, not the model's
        got = {k[len(ATTRIBUTE_NS):]: v for k, v in attrs.items()}
        assert got == {name: [{"@value": value, "@type": XSD + "string"}]
                       for name, value in c.attributes}
        checked += len(c.attributes)
    assert checked == 4 + 2 + 2 + 1  # c2, c1, c6, c7


def test_claim_links_reference_the_claim_annotations_by_id() -> None:
    project = sample_project()
    doc, nodes = _expanded(project)
    base = doc["id"]
    for cl in project.claim_links.values():
        node = nodes[f"{base}:claimlink:{cl.id}"]
        targets = [t["@id"] for t in _values(node, OA + "hasTarget")]
        assert targets == [f"{base}:claim:{cl.source}", f"{base}:claim:{cl.target}"]
        for target in targets:  # each resolves to a claim annotation in the same export
            assert _values(nodes[target], OA + "motivatedBy") == [{"@id": OA + "classifying"}]
        assert _values(node, EXTENSION_NS + "fromClaim") == [{"@id": targets[0]}]
        assert _values(node, EXTENSION_NS + "toClaim") == [{"@id": targets[1]}]
    link = nodes[f"{base}:link:l1"]
    assert _values(link, EXTENSION_NS + "alignmentScore") == [
        {"@value": 0.91, "@type": XSD + "double"}]


@pytest.mark.parametrize("project", [
    sample_project(),
    new_project(Document.from_text("A", "One."), Document.from_text("B", "Two.")),
], ids=["sample", "empty"])
def test_compacting_the_expansion_gives_the_export_back(project: Project) -> None:
    """Nothing is dropped: a term the processor could not map would not come back."""
    doc = json.loads(project_to_jsonld(project))
    compacted = jsonld.compact(jsonld.expand(doc, OPTIONS), {"@context": doc["@context"]},
                               OPTIONS)
    assert compacted == doc


def test_attribute_names_that_clash_with_model_terms_stay_attributes() -> None:
    project = sample_project()
    # attribute names are NCNames (the project schema says so), some of them the model's terms
    names = ("id", "type", "target", "body", "motivation", "Sprecher.in-ü")
    c = project.make_claim("B", 0, 7, "factual", attributes=[(n, n.upper()) for n in names])
    project.put_claim(c)
    project.put_claim_link(ClaimLink("k9", "c1", c.id, "same"))
    doc, nodes = _expanded(project)
    node = nodes[f"{doc['id']}:claim:{c.id}"]
    assert _values(node, "@type") == [OA + "Annotation"]
    assert _values(node, OA + "motivatedBy") == [{"@id": OA + "classifying"}]
    (attrs,) = _values(node, EXTENSION_NS + "claimAttributes")
    assert attrs == {ATTRIBUTE_NS + quote(n, safe=""): [
        {"@value": n.upper(), "@type": XSD + "string"}] for n in names}
