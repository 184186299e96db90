"""W3C Web Annotation (JSON-LD) export: one annotation per claim, claim link and alignment link.

Targets carry both a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector
(code-point start/end), the pair Hypothesis-style clients re-anchor with, so the export is
lossless for our anchors. Everything sits in one AnnotationCollection whose first page embeds
all items. Fields the model has no term for (attributes, score, status) use an `annotator:`
prefix declared in the context, as the model allows for extensions.
"""

from __future__ import annotations

import json
from typing import Any

from ..annotations import CONTEXT_CHARS, AlignmentLink, Claim, ClaimLink, Project
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

Json = dict[str, Any]


def document_iri(doc: Document) -> str:
    """An IRI for the exact text: it names the content (hash), not a file that may move."""
    return f"urn:x-annotator:text:sha256:{doc.sha256}"


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
        anno["annotator:attributes"] = dict(claim.attributes)
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
        "target": [_claim_target(project, project.claims[cl.source]),
                   _claim_target(project, project.claims[cl.target])],
        "annotator:source": iri("claim", cl.source),
        "annotator:target": iri("claim", cl.target),
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
        "annotator:status": link.status.value,
        "annotator:score": float(link.score),
        "annotator:method": link.method,
    }


def project_to_annotations(project: Project) -> Json:
    """The project as an AnnotationCollection (a plain dict ready for json.dumps)."""
    iri = _Minter(project)
    items = [claim_annotation(project, c, iri) for c in claims_in_order(project)]
    items += [claim_link_annotation(project, cl, iri) for cl in claim_links_in_order(project)]
    items += [alignment_annotation(project, lk, iri) for lk in links_in_order(project)]
    label = project.name or f"{project.doc_a.title} / {project.doc_b.title}"
    return {
        "@context": [ANNO_CONTEXT, {"annotator": EXTENSION_NS}],
        "id": iri.base,
        "type": "AnnotationCollection",
        "label": label,
        "generator": {"type": "Software", "name": generator()},
        "total": len(items),
        "first": {"id": f"{iri.base}:page:1", "type": "AnnotationPage", "startIndex": 0,
                  "items": items},
    }


def project_to_jsonld(project: Project) -> bytes:
    data = project_to_annotations(project)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
