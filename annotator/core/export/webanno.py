"""W3C Web Annotation (JSON-LD) export: one annotation per claim, claim link and alignment link.

Targets carry both a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector
(code-point start/end), the pair Hypothesis-style clients re-anchor with, so the export is
lossless for our anchors. Everything sits in one AnnotationCollection whose first page embeds
all items. Fields the model has no term for (claim attributes, the claims a claim link joins,
alignment score and status) are defined in an extension context embedded in the export itself,
so a JSON-LD processor needs nothing but the W3C context to read every field as a typed
property. A claim link targets the two claim annotations by id. A discrepancy flag (issue 17)
is a `questioning` annotation that targets the evidence in both texts, with its kind as a
classifying body and its explanation as a describing one; an omission targets the one side
that has the statement and names the other text in `flagMissingIn`.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from ..annotations import CONTEXT_CHARS, AlignmentLink, Claim, ClaimLink, Project
from ..assist.model import Flag
from ..document import Document, Span
from .common import (
    claim_links_in_order,
    claims_in_order,
    generator,
    links_in_order,
    project_key,
    relation_label,
    type_label,
)

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
EXTENSION_NS = "urn:x-annotator:ns:1#"
ATTRIBUTE_NS = "urn:x-annotator:attribute:"
_XSD = "http://www.w3.org/2001/XMLSchema#"

Json = dict[str, Any]


def document_iri(doc: Document) -> str:
    """An IRI for the exact text: it names the content (hash), not a file that may move."""
    return f"urn:x-annotator:text:sha256:{doc.sha256}"


def document_description(doc: Document) -> Json:
    """The text every target's `source` names, with where it came from: `via` (the W3C term
    for the resource it was retrieved from) is the page's address; the rest are extension
    terms."""
    described: Json = {"id": document_iri(doc), "type": "Text", "format": "text/plain",
                       "annotator:title": doc.title}
    meta = doc.meta
    if meta.url.lower().startswith(("http://", "https://")):
        described["via"] = meta.url
    for name, value in meta.items():
        if name not in ("url", "title"):
            described["annotator:" + "".join(
                p if i == 0 else p.title() for i, p in enumerate(name.split("_")))] = value
    return described


def _selectors(doc: Document, span: Span) -> list[Json]:
    text = doc.text
    return [
        {"type": "TextQuoteSelector", "exact": text[span.start : span.end],
         "prefix": text[max(0, span.start - CONTEXT_CHARS) : span.start],
         "suffix": text[span.end : span.end + CONTEXT_CHARS]},
        {"type": "TextPositionSelector", "start": span.start, "end": span.end},
    ]


def _claim_target(project: Project, claim: Claim) -> Json:
    doc = project.document(claim.doc)
    return {
        "type": "SpecificResource",
        "source": document_iri(doc),
        "selector": [
            {"type": "TextQuoteSelector", "exact": claim.exact, "prefix": claim.prefix,
             "suffix": claim.suffix},
            {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
        ],
    }


def _body(purpose: str, value: str) -> Json:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


class _Minter:
    def __init__(self, project: Project) -> None:
        self.base = f"urn:x-annotator:project:{project_key(project)}"

    def __call__(self, kind: str, item_id: str) -> str:
        return f"{self.base}:{kind}:{item_id}"


def claim_annotation(project: Project, claim: Claim, iri: _Minter) -> Json:
    bodies = [_body("classifying", claim.type), _body("tagging", type_label(project, claim.type))]
    if claim.note:
        bodies.append(_body("commenting", claim.note))
    anno: Json = {
        "id": iri("claim", claim.id),
        "type": "Annotation",
        "motivation": "classifying",
        "body": bodies,
        "target": _claim_target(project, claim),
    }
    if claim.attributes:
        anno["claimAttributes"] = dict(claim.attributes)
    return anno


def claim_link_annotation(project: Project, cl: ClaimLink, iri: _Minter) -> Json:
    bodies = [_body("classifying", cl.relation),
              _body("tagging", relation_label(project, cl.relation))]
    if cl.note:
        bodies.append(_body("commenting", cl.note))
    return {
        "id": iri("claimlink", cl.id),
        "type": "Annotation",
        "motivation": "linking",
        "body": bodies,
        "target": [iri("claim", cl.source), iri("claim", cl.target)],
        "fromClaim": iri("claim", cl.source),
        "toClaim": iri("claim", cl.target),
    }


def alignment_annotation(project: Project, link: AlignmentLink, iri: _Minter) -> Json:
    targets = [{"type": "SpecificResource", "source": document_iri(doc),
                "selector": _selectors(doc, span)}
               for doc, spans in ((project.doc_a, link.a), (project.doc_b, link.b))
               for span in spans]
    return {
        "id": iri("link", link.id),
        "type": "Annotation",
        "motivation": "linking",
        "body": _body("classifying", "same-content"),
        "target": targets,
        "alignmentStatus": link.status.value,
        "alignmentScore": float(link.score),
        "alignmentMethod": link.method,
    }


def flag_annotation(project: Project, flag: Flag, iri: _Minter) -> Json:
    """A discrepancy flag: both sides' evidence as targets, kind, explanation and state."""
    bodies = [_body("classifying", flag.kind), _body("describing", flag.explanation)]
    sides = ((project.doc_a, flag.a), (project.doc_b, flag.b))
    targets = [{"type": "SpecificResource", "source": document_iri(doc),
                "selector": _selectors(doc, span)} for doc, span in sides if span is not None]
    anno: Json = {
        "id": iri("flag", flag.id),
        "type": "Annotation",
        "motivation": "questioning",  # `assessing` is missing from the W3C context
        "body": bodies,
        "target": targets if len(targets) > 1 else targets[0],  # one, as JSON-LD compacts it
        "flagKind": flag.kind,
        "flagState": flag.state.value,
    }
    missing = [document_iri(doc) for doc, span in sides if span is None]
    if missing:
        anno["flagMissingIn"] = missing[0]
    if flag.made:
        made_claim = flag.made in project.claims and flag.made not in project.claim_links
        anno["flagMadeInto"] = iri("claim" if made_claim else "claimlink", flag.made)
    return anno


def extension_context(project: Project) -> Json:
    """Terms for the fields the W3C model has none for; every claim attribute name in use gets
    its own string-typed property (scoped to `claimAttributes`, so a name such as `source`
    cannot be read as the model's `oa:hasSource`)."""
    names = sorted({name for c in project.claims.values() for name, _ in c.attributes})
    attributes = {name: {"@id": ATTRIBUTE_NS + quote(name, safe=""), "@type": _XSD + "string"}
                  for name in names}
    return {
        "@version": 1.1,
        "annotator": EXTENSION_NS,
        "claimAttributes": {"@id": "annotator:claimAttributes", "@context": attributes},
        "fromClaim": {"@id": "annotator:fromClaim", "@type": "@id"},
        "toClaim": {"@id": "annotator:toClaim", "@type": "@id"},
        "alignmentStatus": {"@id": "annotator:alignmentStatus", "@type": _XSD + "string"},
        "alignmentScore": {"@id": "annotator:alignmentScore", "@type": _XSD + "double"},
        "alignmentMethod": {"@id": "annotator:alignmentMethod", "@type": _XSD + "string"},
        "flagKind": {"@id": "annotator:flagKind", "@type": _XSD + "string"},
        "flagState": {"@id": "annotator:flagState", "@type": _XSD + "string"},
        "flagMissingIn": {"@id": "annotator:flagMissingIn", "@type": "@id"},
        "flagMadeInto": {"@id": "annotator:flagMadeInto", "@type": "@id"},
    }


def project_to_annotations(project: Project) -> Json:
    """The project as an AnnotationCollection (a plain dict ready for json.dumps)."""
    iri = _Minter(project)
    items = [claim_annotation(project, c, iri) for c in claims_in_order(project)]
    items += [claim_link_annotation(project, cl, iri) for cl in claim_links_in_order(project)]
    items += [alignment_annotation(project, lk, iri) for lk in links_in_order(project)]
    items += [flag_annotation(project, f, iri) for f in project.assist.flags_sorted()]
    label = project.name or f"{project.doc_a.title} / {project.doc_b.title}"
    return {
        "@context": [ANNO_CONTEXT, extension_context(project)],
        "id": iri.base,
        "type": "AnnotationCollection",
        "label": label,
        "generator": {"type": "Software", "name": generator()},
        "annotator:documents": [document_description(d) for d in (project.doc_a, project.doc_b)],
        "total": len(items),
        "first": {"id": f"{iri.base}:page:1", "type": "AnnotationPage", "startIndex": 0,
                  "items": items},
    }


def project_to_jsonld(project: Project) -> bytes:
    data = project_to_annotations(project)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
