"""Read-only questions about claims that the panel, panes and navigation share.

Plain functions over a `Project` (no Qt), so ordering and "what is next" are decided in one
place and tested without a window. Reading order is A before B, then start, longest first
(an enclosing claim comes before the claims nested in it), then id.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..annotations import Claim, ClaimLink, LinkStatus, Project


def reading_key(project: Project, claim: Claim) -> tuple[int, int, int, str]:
    return (0 if claim.doc == project.doc_a.id else 1, claim.start, -claim.end, claim.id)


def claims_in_order(project: Project, doc_id: str | None = None) -> list[Claim]:
    claims = [c for c in project.claims.values() if doc_id is None or c.doc == doc_id]
    return sorted(claims, key=lambda c: reading_key(project, c))


def claims_at(project: Project, doc_id: str, offset: int) -> list[Claim]:
    """Claims of one document covering `offset`, innermost (shortest) first."""
    hits = [c for c in project.claims.values()
            if c.doc == doc_id and c.start <= offset < c.end]
    return sorted(hits, key=lambda c: (c.end - c.start, c.start, c.id))


def links_of(project: Project, claim_id: str) -> list[ClaimLink]:
    return sorted((cl for cl in project.claim_links.values()
                   if claim_id in (cl.source, cl.target)), key=lambda cl: cl.id)


def partner(link: ClaimLink, claim_id: str) -> str:
    return link.target if link.source == claim_id else link.source


def partners(project: Project, claim_id: str) -> list[Claim]:
    """The claims linked to `claim_id`, in reading order."""
    ids = {partner(cl, claim_id) for cl in links_of(project, claim_id)}
    return [c for c in claims_in_order(project) if c.id in ids]


def linked_ids(project: Project) -> set[str]:
    return {end for cl in project.claim_links.values() for end in (cl.source, cl.target)}


def step(items: list[Claim], project: Project, current: Claim | None,
         direction: int) -> Claim | None:
    """The item after (direction 1) or before (-1) `current` in reading order, wrapping."""
    if not items:
        return None
    if current is None:
        return items[0] if direction > 0 else items[-1]
    key = reading_key(project, current)
    if direction > 0:
        return next((c for c in items if reading_key(project, c) > key), items[0])
    return next((c for c in reversed(items) if reading_key(project, c) < key), items[-1])


def next_unlinked(project: Project, current: Claim | None, direction: int = 1) -> Claim | None:
    linked = linked_ids(project)
    items = [c for c in claims_in_order(project) if c.id not in linked]
    return step(items, project, current, direction)


def _overlaps(ranges: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in ranges)


def untagged_aligned(project: Project, side: str) -> list[tuple[int, int]]:
    """Passages of one side that a non-rejected alignment link covers but no claim touches:
    the places a coder has not looked at yet although the other article says the same."""
    doc = project.doc_a if side == "A" else project.doc_b
    claims = [(c.start, c.end) for c in project.claims.values() if c.doc == doc.id]
    spans = sorted({(s.start, s.end) for lk in project.links.values()
                    if lk.status is not LinkStatus.REJECTED
                    for s in (lk.a if side == "A" else lk.b)})
    return [(s, e) for s, e in spans if not _overlaps(claims, s, e)]


def next_untagged(project: Project, side: str, after: int,
                  direction: int = 1) -> tuple[int, int] | None:
    gaps = untagged_aligned(project, side)
    if direction > 0:
        return next((g for g in gaps if g[0] > after), gaps[0] if gaps else None)
    return next((g for g in reversed(gaps) if g[0] < after), gaps[-1] if gaps else None)
