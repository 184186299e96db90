"""What accepting or dismissing a candidate or a flag does to a project, as plain values the
caller applies (the GUI wraps them in one undoable step, the CLI applies them directly)."""

from __future__ import annotations

from dataclasses import dataclass

from ..annotations import Claim, ClaimLink, Project, ProjectError
from ..document import Document, Span
from .features import features_of
from .model import CLAIM_TYPE_FOR_KIND, RELATION_FOR_KIND, Candidate, Flag, FlagState


def claim_for(project: Project, candidate: Candidate, claim_id: str = "") -> Claim:
    """The claim a candidate becomes: its span, type and attributes (speaker, source)."""
    claim_type = project.taxonomy.claim_type(candidate.claim_type)
    allowed = {a.name for a in claim_type.attributes} if claim_type else set()
    attributes = [(k, v) for k, v in candidate.attributes if k in allowed]
    return project.make_claim(candidate.doc, candidate.start, candidate.end,
                              candidate.claim_type if claim_type else _fallback_type(project),
                              claim_id=claim_id, attributes=attributes, note=candidate.note)


@dataclass(frozen=True)
class FlagResolution:
    """Turning a flag into a claim link: the claims it needs (new ones only), the link, and
    the flag in its new state. An omission has one side, so it becomes one claim, no link."""

    new_claims: tuple[Claim, ...]
    claim_link: ClaimLink | None
    flag: Flag


def resolve_flag(project: Project, flag: Flag) -> FlagResolution:
    """The claims (reused when one already covers the evidence) and the claim link with the
    relation matching the flag's kind."""
    taken = set(project.claims) | set(project.claim_links) | set(project.links)
    new_claims: list[Claim] = []
    ends: list[str] = []
    for doc, span in ((project.doc_a, flag.a), (project.doc_b, flag.b)):
        if span is None:
            continue
        start, end = _statement_span(doc, span, flag.kind)
        existing = next((c for c in project.claims.values() if c.doc == doc.id
                         and c.start == start and c.end == end), None)
        if existing is not None:
            ends.append(existing.id)
            continue
        claim_id = _next_id("c", taken)
        type_id = CLAIM_TYPE_FOR_KIND[flag.kind]
        if project.taxonomy.claim_type(type_id) is None:
            type_id = _fallback_type(project)
        claim = project.make_claim(doc.id, start, end, type_id, claim_id=claim_id,
                                   note=f"flagged: {flag.explanation}")
        new_claims.append(claim)
        ends.append(claim_id)
    if len(ends) == 2:
        relation = RELATION_FOR_KIND[flag.kind]
        if project.taxonomy.relation(relation) is None and project.taxonomy.relations:
            relation = project.taxonomy.relations[0].id
        link = ClaimLink(_next_id("cl", taken), ends[0], ends[1], relation,
                         note=flag.explanation)
        return FlagResolution(tuple(new_claims), link, flag.with_state(FlagState.LINKED, link.id))
    return FlagResolution(tuple(new_claims), None, flag.with_state(FlagState.LINKED, ends[0]))


def apply_resolution(project: Project, resolution: FlagResolution) -> None:
    """Headless use (the CLI, tests): put the claims, the link and the flag in the project."""
    for claim in resolution.new_claims:
        project.put_claim(claim)
    if resolution.claim_link is not None:
        project.put_claim_link(resolution.claim_link)
    project.assist.flags[resolution.flag.id] = resolution.flag


def _statement_span(doc: Document, span: Span, kind: str) -> tuple[int, int]:
    """A quotation is its own claim; a changed figure, source or hedge is a claim about the
    sentence it sits in (as a fact-checker would tag it)."""
    if kind == "quote":
        return span.start, span.end
    f = features_of(doc)
    text = doc.text
    first = f.sentence_at(span.start)
    last = f.sentence_at(max(span.start, span.end - 1))
    start = first.start if first else span.start
    end = last.end if last else span.end
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())


def _next_id(prefix: str, taken: set[str]) -> str:
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    taken.add(f"{prefix}{number}")
    return f"{prefix}{number}"


def _fallback_type(project: Project) -> str:
    if not project.taxonomy.claim_types:
        raise ProjectError("the taxonomy has no claim types")
    return project.taxonomy.claim_types[0].id
