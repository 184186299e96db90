"""Replacing one article's text with a corrected version, keeping the work done on it.

Claims and the alignment links a person decided (accepted, manual, rejected) are re-attached
to the new text by `anchoring`; a claim whose passage is gone becomes an orphan, kept in the
project with its old quote until the user places or deletes it, and so do the claim links that
touch it. Proposed links are dropped for the caller to re-align. The report says what moved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .anchoring import AnchorStatus, Reanchored, reanchor, reanchor_claims
from .annotations import CONTEXT_CHARS, AlignmentLink, Claim, ClaimLink, Project, ProjectError
from .document import Document, Span


@dataclass(frozen=True)
class LinkOutcome:
    """A decided alignment link: `new` is None when a passage of it is gone."""

    old: AlignmentLink
    new: AlignmentLink | None


@dataclass(frozen=True)
class ReplaceReport:
    doc_id: str
    old_length: int
    new_length: int
    claims: tuple[Reanchored, ...]
    links: tuple[LinkOutcome, ...]
    proposals_dropped: int

    def claims_with(self, *statuses: AnchorStatus) -> list[Reanchored]:
        return [r for r in self.claims if r.anchor.status in statuses]

    @property
    def orphaned_claims(self) -> list[Claim]:
        return [r.old for r in self.claims if r.new is None]

    @property
    def orphaned_links(self) -> list[AlignmentLink]:
        return [o.old for o in self.links if o.new is None]

    def lines(self, realign: bool = True) -> list[str]:
        """The report for a person: counts, then every claim or link that did not stay put;
        `realign` False when the proposals are not aligned again (`reanchor --no-align`)."""
        exact = self.claims_with(AnchorStatus.EXACT)
        moved = self.claims_with(AnchorStatus.MOVED)
        fuzzy = self.claims_with(AnchorStatus.FUZZY)
        out = [
            f"Replaced the text of {self.doc_id}: {self.old_length:,} -> {self.new_length:,} "
            "characters.",
            f"Claims: {len(exact)} in place, {len(moved)} moved, {len(fuzzy)} re-attached to "
            f"changed text, {len(self.orphaned_claims)} orphaned.",
        ]
        for r in moved + fuzzy:
            assert r.new is not None
            how = "moved" if r.anchor.status is AnchorStatus.MOVED else (
                f"changed (similarity {r.anchor.score:.2f})")
            out.append(f"  {how}: {r.old.id} {_quote(r.old.exact)} {r.old.start}-{r.old.end} "
                       f"-> {r.new.start}-{r.new.end} {_quote(r.new.exact)}")
        for claim in self.orphaned_claims:
            out.append(f"  ORPHANED: {claim.id} ({claim.type}) {_quote(claim.exact)} was at "
                       f"{claim.start}-{claim.end}; place it or delete it")
        kept = [o for o in self.links if o.new is not None]
        shifted = [o for o in kept if o.new != o.old]
        out.append(f"Decided alignment links: {len(kept)} kept ({len(shifted)} moved), "
                   f"{len(self.orphaned_links)} orphaned.")
        for link in self.orphaned_links:
            out.append(f"  ORPHANED: link {link.id} ({link.status.value}): a passage of it is "
                       "gone; link the new text again if it still matches")
        then = "to be re-aligned" if realign else "not re-aligned (--no-align)"
        out.append(f"Proposed links: {self.proposals_dropped} dropped, {then}.")
        return out


def _quote(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return '"' + (text if len(text) <= width else text[: width - 1] + "…") + '"'


def replace_document(project: Project, doc_id: str, new_doc: Document) -> tuple[Project,
                                                                              ReplaceReport]:
    """A new project over `new_doc` in place of document `doc_id`, and what happened."""
    old_doc = project.document(doc_id)
    # the new version's own provenance and language: it was read from another file, maybe of
    # another format, and its sentences are split by its language's rules
    doc = replace(new_doc, id=doc_id, title=new_doc.title or old_doc.title)
    a, b = (doc, project.doc_b) if doc_id == project.doc_a.id else (project.doc_a, doc)
    out = Project(a, b, project.taxonomy, project.name, project.settings)
    # dismissed candidates of the other article still apply; flags are checked again
    out.assist.dismissed = {k: d for k, d in project.assist.dismissed.items() if d.doc != doc_id}
    out.reviewed = {k: m for k, m in project.reviewed.items() if m.doc != doc_id}
    for claim in project.claims.values():
        if claim.doc != doc_id:
            out.put_claim(claim)
    for claim in project.orphans.values():
        if claim.doc != doc_id:
            out.orphans[claim.id] = claim
    # earlier orphans of this document get another chance on the new text
    ours = [c for c in (*project.claims.values(), *project.orphans.values()) if c.doc == doc_id]
    results = reanchor_claims(ours, doc)
    for r in results:
        if r.new is not None:
            out.put_claim(r.new)
        else:
            out.orphans[r.old.id] = r.old
    for cl in (*project.claim_links.values(), *project.orphan_links.values()):
        if cl.source in out.claims and cl.target in out.claims:
            out.put_claim_link(cl)
        else:
            out.orphan_links[cl.id] = cl
    outcomes = []
    dropped = 0
    for link in project.links.values():
        if not link.status.is_anchor:
            dropped += 1
            continue
        moved = _move_link(link, doc_id == project.doc_a.id, old_doc.text, doc.text)
        if moved is not None:
            out.put_link(moved)
        outcomes.append(LinkOutcome(link, moved))
    report = ReplaceReport(doc_id, len(old_doc.text), len(doc.text), tuple(results),
                           tuple(outcomes), dropped)
    return out, report


def _move_link(link: AlignmentLink, side_a: bool, old: str, new: str) -> AlignmentLink | None:
    spans = []
    for span in link.a if side_a else link.b:
        found = reanchor(new, old[span.start : span.end],
                         old[max(0, span.start - CONTEXT_CHARS) : span.start],
                         old[span.end : span.end + CONTEXT_CHARS], span.start, span.end)
        if found.status is AnchorStatus.ORPHAN:
            return None
        spans.append(Span(found.start, found.end))
    return replace(link, a=tuple(spans)) if side_a else replace(link, b=tuple(spans))


def place_orphan(project: Project, orphan_id: str, start: int, end: int) -> Claim:
    """Put an orphaned claim back at [start, end) of its document (its type, attributes and
    note kept); its orphaned claim links come back once both their ends are claims."""
    orphan = project.orphans.get(orphan_id)
    if orphan is None:
        raise ProjectError(f"there is no orphaned claim {orphan_id}")
    claim = project.make_claim(orphan.doc, start, end, orphan.type, claim_id=orphan.id,
                               attributes=orphan.attributes, note=orphan.note)
    del project.orphans[orphan_id]
    project.put_claim(claim)
    for cl in list(project.orphan_links.values()):
        if cl.source in project.claims and cl.target in project.claims:
            del project.orphan_links[cl.id]
            project.put_claim_link(cl)
    return claim


def delete_orphan(project: Project, orphan_id: str) -> list[ClaimLink]:
    """Delete an orphaned claim and the orphaned claim links that touch it; returns those."""
    if project.orphans.pop(orphan_id, None) is None:
        raise ProjectError(f"there is no orphaned claim {orphan_id}")
    gone = [cl for cl in project.orphan_links.values() if orphan_id in (cl.source, cl.target)]
    for cl in gone:
        del project.orphan_links[cl.id]
    return gone
