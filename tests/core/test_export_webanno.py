"""Web Annotation JSON-LD: parsed back and checked against the W3C data model's shape."""

from __future__ import annotations

import json
from typing import Any

from annotator.core import Project
from annotator.core.export.webanno import ANNO_CONTEXT, document_iri, project_to_jsonld

from .export_sample import sample_project

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
        assert all(k.startswith("annotator:") for k in extra)  # extensions are prefixed


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
        assert anno.get("annotator:attributes", {}) == claim.attrs


def test_claim_links_have_two_targets_and_alignment_links_every_span() -> None:
    project = sample_project()
    texts = {document_iri(d): d.text for d in (project.doc_a, project.doc_b)}
    _, items = _annotations(project)
    linking = [a for a in items if a["motivation"] == "linking"]
    claim_links = [a for a in linking if ":claimlink:" in a["id"]]
    assert len(claim_links) == 2
    for anno in claim_links:
        cl = project.claim_links[anno["id"].rsplit(":", 1)[1]]
        assert len(anno["target"]) == 2
        spans = [_check_target(t, texts) for t in anno["target"]]
        src, tgt = project.claims[cl.source], project.claims[cl.target]
        assert [s[1:] for s in spans] == [(src.start, src.end), (tgt.start, tgt.end)]
        assert {b["purpose"]: b["value"] for b in anno["body"]}["classifying"] == cl.relation
        assert anno["annotator:source"].endswith(f":claim:{cl.source}")
    alignment = [a for a in linking if ":link:" in a["id"]]
    assert len(alignment) == len(project.links)
    for anno in alignment:
        link = project.links[anno["id"].rsplit(":", 1)[1]]
        got = [_check_target(t, texts)[1:] for t in anno["target"]]
        assert got == [(s.start, s.end) for s in (*link.a, *link.b)]
        assert anno["annotator:status"] == link.status.value
        assert anno["annotator:score"] == link.score


def test_non_ascii_is_written_as_utf8() -> None:
    data = project_to_jsonld(sample_project())
    assert "😀".encode() in data and "مرحبا".encode() in data
