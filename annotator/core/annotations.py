"""The whole project state: two documents, alignment links, claims and claim links.

Items are immutable values; the Project holds them by id and offers small, invertible edits
(add, replace, remove) so the UI can wrap each in an undo command and the XML can round-trip
the state exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from .assist.model import AssistState
from .document import Document, Span
from .graphemes import snap
from .limits import MAX_CLAIM_LINKS, MAX_CLAIMS, MAX_LINKS
from .reviewed import ReviewedPassage
from .taxonomy import Taxonomy

CONTEXT_CHARS = 32


class LinkStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    MANUAL = "manual"

    @property
    def is_anchor(self) -> bool:
        """Decisions a person made; re-alignment keeps these links as they are."""
        return self in (LinkStatus.ACCEPTED, LinkStatus.MANUAL, LinkStatus.REJECTED)


@dataclass(frozen=True)
class AlignmentLink:
    """Passages of A and B that say the same thing; a side may hold several spans (n:m)."""

    id: str
    a: tuple[Span, ...]
    b: tuple[Span, ...]
    score: float
    status: LinkStatus = LinkStatus.PROPOSED
    method: str = ""
    note: str = ""  # the reviewer's words on this pair of passages

    @property
    def a_start(self) -> int:
        return min(s.start for s in self.a)

    @property
    def b_start(self) -> int:
        return min(s.start for s in self.b)

    def with_status(self, status: LinkStatus) -> AlignmentLink:
        return replace(self, status=status)


@dataclass(frozen=True)
class Claim:
    """A tagged span with a robust anchor (offsets plus exact quote and context)."""

    id: str
    doc: str
    type: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    attributes: tuple[tuple[str, str], ...] = ()
    note: str = ""

    @property
    def attrs(self) -> dict[str, str]:
        return dict(self.attributes)


@dataclass(frozen=True)
class ClaimLink:
    """A typed relation from a claim in one document to a claim in the other."""

    id: str
    source: str
    target: str
    relation: str
    note: str = ""


@dataclass(frozen=True)
class AlignSettings:
    threshold: float = field(default_factory=lambda: _default_threshold())
    method: str = "default"


def _default_threshold() -> float:
    """The aligner's calibrated default (imported late: the aligner imports this module)."""
    from .align.calibration import DEFAULT_THRESHOLD

    return DEFAULT_THRESHOLD


class ProjectError(ValueError):
    """An edit that would make the project inconsistent."""


def _room(count: int, limit: int, what: str) -> None:
    if count >= limit:
        raise ProjectError(f"a project holds at most {limit:,} {what}")


@dataclass
class Project:
    doc_a: Document
    doc_b: Document
    taxonomy: Taxonomy
    name: str = ""
    settings: AlignSettings = field(default_factory=AlignSettings)
    links: dict[str, AlignmentLink] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    claim_links: dict[str, ClaimLink] = field(default_factory=dict)
    # Claims whose text is gone after the document was replaced (reanchor), kept with their
    # old quote until the user places or deletes them, and claim links that touch them.
    orphans: dict[str, Claim] = field(default_factory=dict)
    orphan_links: dict[str, ClaimLink] = field(default_factory=dict)
    assist: AssistState = field(default_factory=AssistState)  # flags, dismissed candidates
    # unmatched passages a person checked: "no counterpart" (by ReviewedPassage.id)
    reviewed: dict[str, ReviewedPassage] = field(default_factory=dict)

    # --- lookups -------------------------------------------------------------------------
    def document(self, doc_id: str) -> Document:
        if doc_id == self.doc_a.id:
            return self.doc_a
        if doc_id == self.doc_b.id:
            return self.doc_b
        raise ProjectError(f"no document {doc_id!r}")

    def new_id(self, prefix: str) -> str:
        """The next free id of the form prefix+N, unique across every item kind."""
        taken = (self.links.keys() | self.claims.keys() | self.claim_links.keys()
                 | self.orphans.keys() | self.orphan_links.keys())
        pattern = re.compile(re.escape(prefix) + r"(\d+)$")
        numbers = [int(m.group(1)) for key in taken if (m := pattern.match(key))]
        return f"{prefix}{max(numbers, default=0) + 1}"

    def snapshot(self) -> Project:
        """A copy with tables of its own (the items themselves are immutable): it can be
        written out in another thread while this project goes on changing."""
        return replace(self, links=dict(self.links), claims=dict(self.claims),
                       claim_links=dict(self.claim_links), orphans=dict(self.orphans),
                       orphan_links=dict(self.orphan_links), assist=self.assist.copy(),
                       reviewed=dict(self.reviewed))

    def links_sorted(self) -> list[AlignmentLink]:
        return sorted(self.links.values(), key=lambda link: (link.a_start, link.b_start, link.id))

    # --- claims --------------------------------------------------------------------------
    def make_claim(
        self,
        doc_id: str,
        start: int,
        end: int,
        type_id: str,
        *,
        claim_id: str = "",
        attributes: Iterable[tuple[str, str]] = (),
        note: str = "",
    ) -> Claim:
        """A claim over doc[start:end] with its quote and context filled in; the ends move
        out to whole characters (an accent stays with its letter)."""
        text = self.document(doc_id).text
        if not 0 <= start < end <= len(text):
            raise ProjectError(f"claim range [{start}, {end}) is outside the document")
        start, end = snap(text, start, end)
        return Claim(
            id=claim_id or self.new_id("c"),
            doc=doc_id,
            type=type_id,
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
            attributes=tuple(attributes),
            note=note,
        )

    def put_claim(self, claim: Claim) -> None:
        """Add or replace a claim (same id)."""
        self.document(claim.doc)
        if claim.id not in self.claims:
            _room(len(self.claims) + len(self.orphans), MAX_CLAIMS, "claims")
        self.claims[claim.id] = claim

    def remove_claim(self, claim_id: str) -> list[ClaimLink]:
        """Remove a claim and the claim links that touch it; returns those links."""
        self.claims.pop(claim_id)
        dropped = [cl for cl in self.claim_links.values() if claim_id in (cl.source, cl.target)]
        for cl in dropped:
            del self.claim_links[cl.id]
        return dropped

    def put_claim_link(self, link: ClaimLink) -> None:
        for end in (link.source, link.target):
            if end not in self.claims:
                raise ProjectError(f"claim link {link.id} refers to a missing claim {end!r}")
        if self.claims[link.source].doc == self.claims[link.target].doc:
            raise ProjectError("a claim link joins claims of the two different documents")
        if link.id not in self.claim_links:
            _room(len(self.claim_links) + len(self.orphan_links), MAX_CLAIM_LINKS, "claim links")
        self.claim_links[link.id] = link

    def remove_claim_link(self, link_id: str) -> ClaimLink:
        return self.claim_links.pop(link_id)

    # --- alignment links -----------------------------------------------------------------
    def put_link(self, link: AlignmentLink) -> None:
        for span in link.a:
            self._check_span(self.doc_a, span)
        for span in link.b:
            self._check_span(self.doc_b, span)
        if link.id not in self.links:
            _room(len(self.links), MAX_LINKS, "alignment links")
        self.links[link.id] = link

    def remove_link(self, link_id: str) -> AlignmentLink:
        return self.links.pop(link_id)

    def anchors(self) -> list[AlignmentLink]:
        return [link for link in self.links.values() if link.status.is_anchor]

    def replace_proposals(self, proposals: Iterable[AlignmentLink]) -> int:
        """Swap every proposed link for new proposals; decisions (anchors) stay.

        Beyond MAX_LINKS (only texts of hundreds of thousands of tiny sentences get there)
        the lowest-scoring proposals are left out; returns how many were."""
        kept = {k: v for k, v in self.links.items() if v.status.is_anchor}
        self.links = kept
        fresh = list(proposals)
        room = MAX_LINKS - len(kept)
        left_out = max(0, len(fresh) - room)
        if left_out:
            best = sorted(range(len(fresh)), key=lambda i: -fresh[i].score)[:room]
            fresh = [fresh[i] for i in sorted(best)]
        for link in fresh:
            if link.status.is_anchor:
                raise ProjectError("new proposals must have status 'proposed'")
            if link.id in self.links:
                link = replace(link, id=self.new_id("l"))
            self.put_link(link)
        return left_out

    @staticmethod
    def _check_span(doc: Document, span: Span) -> None:
        if span.end > len(doc.text):
            raise ProjectError(f"span [{span.start}, {span.end}) is outside document {doc.id}")
