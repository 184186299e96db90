"""ClaimReview: expanded by pyld with schema.org's own context, then every type and property
checked against the schema.org vocabulary (domain and range), the two files schema.org
publishes (release 30.0, Apache-2.0, vendored gzipped in tests/core/data; nothing fetched)."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from pyld import jsonld

from annotator.core import ClaimLink, Project
from annotator.core.export import EXPORTERS
from annotator.core.export.claimreview import SCHEMA_CONTEXT, project_to_claimreview

from .export_sample import sample_project

DATA = Path(__file__).parent / "data"
SDO = "http://schema.org/"  # the context maps terms into http://; the vocabulary lists https://


def _gz_json(name: str) -> Any:
    return json.loads(gzip.decompress((DATA / name).read_bytes()))


@cache
def _vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """(class -> its superclasses and itself, property -> (domains, ranges)) by local name."""
    def ids(value: Any) -> set[str]:
        items = value if isinstance(value, list) else [value] if value else []
        return {i["@id"].removeprefix("schema:") for i in items}

    parents: dict[str, set[str]] = {}
    props: dict[str, tuple[set[str], set[str]]] = {}
    for node in _gz_json("schemaorg-current-https-30.0.jsonld.gz")["@graph"]:
        name = node["@id"].removeprefix("schema:")
        types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        if "rdfs:Class" in types:
            parents[name] = ids(node.get("rdfs:subClassOf"))
        if "rdf:Property" in types:
            props[name] = (ids(node.get("schema:domainIncludes")),
                           ids(node.get("schema:rangeIncludes")))

    def ancestors(name: str) -> set[str]:
        seen = {name}
        todo = [name]
        while todo:
            for parent in parents.get(todo.pop(), set()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    return {n: ancestors(n) for n in parents}, props


def _loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url.rstrip("/") not in (SCHEMA_CONTEXT, "http://schema.org"):
        raise AssertionError(f"the processor tried to load {url}")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": _gz_json("schemaorgcontext-30.0.jsonld.gz")}


def _check_node(node: dict[str, Any], where: str) -> str:
    """Check one expanded node against the vocabulary; returns its type's local name."""
    classes, props = _vocabulary()
    (rdf_type,) = node["@type"]
    assert rdf_type.startswith(SDO), where
    cls = rdf_type[len(SDO):]
    assert cls in classes, f"{where}: {cls} is not a schema.org type"
    for key, values in node.items():
        if key.startswith("@"):
            continue
        assert key.startswith(SDO), f"{where}: {key} is not a schema.org property"
        prop = key[len(SDO):]
        assert prop in props, f"{where}: {prop} is not a schema.org property"
        domains, ranges = props[prop]
        assert domains & classes[cls], f"{where}: {prop} does not apply to {cls}"
        for value in values:
            if "@value" in value:
                kinds = {"Text", "Number", "Integer", "URL", "DataType"}
                assert ranges & kinds or any(kinds & classes.get(r, set()) for r in ranges), (
                    f"{where}: {prop} takes no literal")
            else:
                child = _check_node(value, f"{where}.{prop}")
                assert ranges & classes[child], f"{where}: {prop} cannot hold a {child}"
    return cls


def _reviews(project: Project) -> list[dict[str, Any]]:
    doc = json.loads(project_to_claimreview(project))
    expanded = jsonld.expand(doc, {"documentLoader": _loader})
    for node in expanded:
        assert _check_node(node, "review") == "ClaimReview"
    return doc["@graph"]


def _with_verdicts(project: Project) -> Project:
    verdicts = {"c1": "false", "c3": "verified", "c6": "disputed", "c7": "misleading"}
    for cid, word in verdicts.items():
        claim = project.claims[cid]
        attrs = {**claim.attrs, "verification": word}
        project.put_claim(replace(claim, attributes=tuple(attrs.items())))
    project.put_claim_link(ClaimLink("k5", "c3", "c6", "paraphrase"))
    return project


def test_only_claims_with_a_verdict_are_reviewed() -> None:
    project = sample_project()  # c1 is "unchecked", c6 "disputed": one review
    reviews = _reviews(project)
    assert [r["claimReviewed"] for r in reviews] == [project.claims["c6"].exact]
    assert reviews[0]["reviewRating"]["alternateName"] == "Disputed"


def test_reviews_validate_against_the_schema_org_vocabulary() -> None:
    project = _with_verdicts(sample_project())
    project.doc_a = replace(project.doc_a, language="en")
    project.doc_b = replace(project.doc_b, language="en")
    reviews = _reviews(project)
    by_quote = {r["claimReviewed"]: r for r in reviews}
    assert len(reviews) == 4
    c1 = by_quote[project.claims["c1"].exact]
    assert c1["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "worstRating": 1,
                                  "bestRating": 3, "alternateName": "False"}
    assert c1["itemReviewed"]["author"] == {"@type": "Person", "name": "The <b>minister</b>"}
    assert c1["reviewBody"] == project.claims["c1"].note
    # unknown verdict words keep their text, without a number on the scale
    assert by_quote[project.claims["c7"].exact]["reviewRating"] == {
        "@type": "Rating", "alternateName": "misleading"}
    # a paraphrase link makes the other article an appearance of the same claim
    c3 = by_quote[project.claims["c3"].exact]
    headlines = [w["headline"] for w in c3["itemReviewed"]["appearance"]]
    assert headlines == [project.doc_a.title, project.doc_b.title]
    assert c3["itemReviewed"]["inLanguage"] == "en"


def test_registered_as_an_export() -> None:
    exporter = EXPORTERS["claimreview"]
    assert exporter.media_type == "application/ld+json"
    assert exporter.render(sample_project()) == project_to_claimreview(sample_project())
