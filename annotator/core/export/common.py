"""Helpers every exporter shares: sentence ids, span texts, stable ordering, claim lookups.

Exporters are pure `Project -> bytes` functions; the files on disk come from the registry,
which writes atomically. Keeping these helpers in one place means the sentence ids in the
TEI and the XCES exports agree, and every format orders items the same way.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from ..annotations import AlignmentLink, Claim, ClaimLink, LinkStatus, Project
from ..document import Document, Span


@dataclass(frozen=True)
class Sentence:
    """A sentence with the id every export gives it: `<doc>.s<n>`, counted from 1."""

    id: str
    start: int
    end: int


def sentence_table(doc: Document) -> list[Sentence]:
    return [Sentence(f"{doc.id}.s{n}", s.start, s.end)
            for n, s in enumerate(doc.sentences, start=1)]


def sentences_in(table: Sequence[Sentence], spans: Sequence[Span], text: str) -> list[str]:
    """Ids of the sentences (in text order) that the spans touch with a non-space character."""
    ends = [sent.end for sent in table]
    hit: set[int] = set()
    for span in spans:
        i = bisect.bisect_right(ends, span.start)
        while i < len(table) and table[i].start < span.end:
            lo, hi = max(table[i].start, span.start), min(table[i].end, span.end)
            if lo < hi and text[lo:hi].strip():
                hit.add(i)
            i += 1
    return [table[i].id for i in sorted(hit)]


def sentences_by_paragraph(doc: Document) -> list[list[Sentence]]:
    """Sentences grouped by the paragraph they belong to (empty paragraphs dropped)."""
    groups: dict[int, list[Sentence]] = {}
    for sent, seg in zip(sentence_table(doc), doc.sentences, strict=True):
        groups.setdefault(seg.paragraph, []).append(sent)
    return [groups[k] for k in sorted(groups)]


def side_text(doc: Document, spans: Sequence[Span], joiner: str = " … ") -> str:
    """The passage a link side covers; separate spans are joined with an ellipsis."""
    return joiner.join(doc.text[s.start : s.end] for s in sorted(spans, key=lambda s: s.start))


def links_in_order(project: Project) -> list[AlignmentLink]:
    return project.links_sorted()


def claims_in_order(project: Project) -> list[Claim]:
    """Claims of A then B in text order, outer before nested; ties by id (deterministic)."""
    order = {project.doc_a.id: 0, project.doc_b.id: 1}
    return sorted(project.claims.values(),
                  key=lambda c: (order.get(c.doc, 2), c.start, -c.end, c.id))


def claim_links_in_order(project: Project) -> list[ClaimLink]:
    """Claim links in the order of their A-side claim, then id."""
    position = {c.id: n for n, c in enumerate(claims_in_order(project))}

    def key(cl: ClaimLink) -> tuple[int, int, str]:
        ends = sorted((position.get(cl.source, 0), position.get(cl.target, 0)))
        return ends[0], ends[1], cl.id

    return sorted(project.claim_links.values(), key=key)


def live_links(project: Project) -> list[AlignmentLink]:
    """Links that still claim correspondence (everything but rejected ones)."""
    return [lk for lk in links_in_order(project) if lk.status is not LinkStatus.REJECTED]


def type_label(project: Project, type_id: str) -> str:
    ct = project.taxonomy.claim_type(type_id)
    return ct.label if ct else type_id


def relation_label(project: Project, relation_id: str) -> str:
    rel = project.taxonomy.relation(relation_id)
    return rel.label if rel else relation_id


def attribute_label(project: Project, name: str, type_id: str = "") -> str:
    """What the taxonomy calls an attribute (the claim's own type first), else its name."""
    types = project.taxonomy.claim_types
    for ct in sorted(types, key=lambda t: t.id != type_id):
        found = next((a for a in ct.attributes if a.name == name), None)
        if found is not None and found.label:
            return found.label
    return name


def attribute_text(project: Project, claim: Claim) -> str:
    """A claim's attributes for people: "Kind of source: document; Verification status: …"."""
    return "; ".join(f"{attribute_label(project, k, claim.type)}: {v}"
                     for k, v in claim.attributes)


def attribute_names(claims: Sequence[Claim], project: Project | None = None) -> list[str]:
    """Every attribute name in use (taxonomy order first, then first use), for table columns."""
    names: list[str] = []
    if project is not None:
        for ct in project.taxonomy.claim_types:
            names.extend(a.name for a in ct.attributes if a.name not in names)
    used = {name for c in claims for name, _ in c.attributes}
    ordered = [n for n in names if n in used]
    for claim in claims:
        for name, _ in claim.attributes:
            if name not in ordered:
                ordered.append(name)
    return ordered


def project_key(project: Project) -> str:
    """A short stable key for the pair of texts, used to mint IRIs and document names."""
    digest = hashlib.sha256(f"{project.doc_a.sha256}:{project.doc_b.sha256}".encode())
    return digest.hexdigest()[:16]


def generator() -> str:
    from annotator import __version__

    return f"annotator {__version__}"
