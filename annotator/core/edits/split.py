"""Splitting an alignment link in two at a sentence boundary (the inverse of merging)."""

from __future__ import annotations

from dataclasses import replace

from ..annotations import AlignmentLink, LinkStatus, Project
from ..document import Span
from .change import LINK, Change, Edit
from .links import LinkEditError


def _inner_starts(project: Project, side: str, spans: tuple[Span, ...]) -> list[int]:
    """Starts of the non-blank sentences strictly inside a link's side: where it can split."""
    doc = project.doc_a if side == "A" else project.doc_b
    first, last = spans[0].start, spans[-1].end
    return [s.start for s in doc.sentences
            if first < s.start < last and doc.text[s.start:s.end].strip()
            and any(sp.start <= s.start < sp.end or s.start == sp.start for sp in spans)]


def _cut(project: Project, side: str, spans: tuple[Span, ...], at: int
         ) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    text = (project.doc_a if side == "A" else project.doc_b).text
    before: list[Span] = []
    after: list[Span] = []
    for span in spans:
        if span.end <= at:
            before.append(span)
        elif span.start >= at:
            after.append(span)
        else:
            end = at
            while end > span.start and text[end - 1].isspace():
                end -= 1
            before.append(Span(span.start, end))
            after.append(Span(at, span.end))
    return tuple(s for s in before if s.end > s.start), tuple(after)


def _fraction(spans: tuple[Span, ...], at: int) -> float:
    total = sum(s.end - s.start for s in spans) or 1
    return sum(min(s.end, at) - s.start for s in spans if s.start < at) / total


def split_link(open_project: Project | None, link_id: str, side: str, offset: int) -> Edit:
    """Cut a link in two at the sentence boundary of `side` nearest `offset`; the other side
    is cut at its own boundary nearest the same share of its text. The first part keeps the
    id (and the note), the second gets a new id; both are the user's choice now (accepted)."""
    if open_project is None:
        raise RuntimeError("no project is open")
    project = open_project
    link = project.links[link_id]
    other = "B" if side == "A" else "A"
    here, there = (link.a, link.b) if side == "A" else (link.b, link.a)
    starts, other_starts = _inner_starts(project, side, here), _inner_starts(project, other, there)
    if not starts or not other_starts:
        single = side if not starts else other
        raise LinkEditError(f"Link {link_id} holds a single sentence in {single}: there is "
                            "nothing to split.")
    at = min(starts, key=lambda s: (abs(s - offset), s))
    share = _fraction(here, at)
    other_at = min(other_starts, key=lambda s: (abs(_fraction(there, s) - share), s))
    head, tail = _cut(project, side, here, at)
    other_head, other_tail = _cut(project, other, there, other_at)
    status = LinkStatus.ACCEPTED if link.status is LinkStatus.PROPOSED else link.status
    new_id = project.new_id("l")

    def part(one: tuple[Span, ...], two: tuple[Span, ...], **extra: str) -> AlignmentLink:
        a, b = (one, two) if side == "A" else (two, one)
        return replace(link, a=a, b=b, status=status, **extra)  # type: ignore[arg-type]

    first = part(head, other_head)
    second = part(tail, other_tail, id=new_id, note="")
    return Edit(f"Split link {link_id}", [Change(LINK, link_id, link, first),
                                          Change(LINK, new_id, None, second)],
                link_id, (LINK, link_id))
