"""Alignment links whose passages overlap on one side.

A stretch of text belongs to at most one link on each side. The one exception is a manual
link nested in (or equal to) another link's passage: a person drew it there on purpose (a
clause of a proposed sentence, a sentence with a second partner), so `add_manual_link`
allows it. Crossing (overlapping without one holding the other) is never deliberate. The
app refuses to make overlaps, the aligner never proposes them, and `annotator validate`
reports the ones a file has.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..annotations import AlignmentLink, LinkStatus
from ..document import Span


@dataclass(frozen=True, slots=True)
class Crossing:
    side: str
    first: str  # link ids, the earlier-starting span first
    second: str
    start: int  # the shared range
    end: int
    nested: bool = False  # one holds the other (or both are the same passage)

    def describe(self) -> str:
        how = ("and neither is a manual link" if self.nested
               else "without one holding the other")
        return (f"links {self.first} and {self.second} overlap in {self.side} "
                f"(characters {self.start}-{self.end}) {how}")


def crossings(links: Iterable[AlignmentLink]) -> list[Crossing]:
    """Every crossing pair among the links that are not rejected, by side then position."""
    live = [link for link in links if link.status is not LinkStatus.REJECTED]
    found: list[Crossing] = []
    for side in ("A", "B"):
        spans = sorted((s.start, s.end, link.id) for link in live
                       for s in (link.a if side == "A" else link.b))
        active: list[tuple[int, int, str]] = []
        for start, end, link_id in spans:
            active = [a for a in active if a[1] > start]
            for a_start, a_end, a_id in active:
                if a_id != link_id and _crosses((a_start, a_end), (start, end)):
                    found.append(Crossing(side, a_id, link_id, start, min(a_end, end)))
            active.append((start, end, link_id))
    return found


def overlaps(links: Iterable[AlignmentLink]) -> list[Crossing]:
    """Crossings, and nested or shared passages of two links neither of which is manual."""
    live = [link for link in links if link.status is not LinkStatus.REJECTED]
    manual = {link.id for link in live if link.status is LinkStatus.MANUAL}
    found = crossings(live)
    for side in ("A", "B"):
        for first, second, start, end in _pairs(live, side):
            if (not _crosses(first[:2], second[:2])
                    and not {first[2], second[2]} & manual):
                found.append(Crossing(side, first[2], second[2], start, end, nested=True))
    return sorted(found, key=lambda c: (c.side, c.start, c.first, c.second))


def _pairs(links: list[AlignmentLink], side: str
           ) -> Iterable[tuple[tuple[int, int, str], tuple[int, int, str], int, int]]:
    """Every two spans of different links that share characters on `side`, each pair once."""
    spans = sorted((s.start, s.end, link.id) for link in links
                   for s in (link.a if side == "A" else link.b))
    active: list[tuple[int, int, str]] = []
    seen: set[tuple[str, str]] = set()
    for span in spans:
        active = [a for a in active if a[1] > span[0]]
        for other in active:
            key = (other[2], span[2])
            if other[2] != span[2] and key not in seen:
                seen.add(key)
                yield other, span, span[0], min(other[1], span[1])
        active.append(span)


def crossing_with(links: Iterable[AlignmentLink], new: AlignmentLink) -> Crossing | None:
    """The first crossing `new` would make with `links`, if any."""
    others = [link for link in links if link.id != new.id]
    return next((c for c in crossings([*others, new]) if new.id in (c.first, c.second)), None)


def _crosses(one: tuple[int, int], other: tuple[int, int]) -> bool:
    (a0, a1), (b0, b1) = one, other
    overlap = min(a1, b1) > max(a0, b0)
    nested = (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)
    return overlap and not nested


def resolve_crossings(proposals: list[AlignmentLink], text_a: str, text_b: str,
                      anchors: Iterable[AlignmentLink] = ()) -> list[AlignmentLink]:
    """The aligner's proposals with no overlap on either side: where two share text, the
    stronger link (an anchor always) keeps the shared passage and the weaker is cut back to
    the rest of its own, or left out when nothing is left. Untouched when nothing overlaps."""
    decided = [link for link in anchors if link.status is not LinkStatus.REJECTED]
    both = [*decided, *proposals]
    proposed = {p.id for p in proposals}
    involved = {one[2] for side in ("A", "B") for first, second, _, _ in _pairs(both, side)
                for one in (first, second) if one[2] in proposed}
    if not involved:
        return proposals
    kept: dict[str, AlignmentLink] = {p.id: p for p in proposals}
    taken_a, taken_b = _Taken(), _Taken()
    for link in [p for p in proposals if p.id not in involved] + decided:
        taken_a.add(link.a)
        taken_b.add(link.b)
    for proposal in sorted((p for p in proposals if p.id in involved), key=lambda p: -p.score):
        a = _cut(proposal.a, taken_a.near(proposal.a), text_a)
        b = _cut(proposal.b, taken_b.near(proposal.b), text_b)
        if a and b:
            kept[proposal.id] = replace(proposal, a=a, b=b)
            taken_a.add(a)
            taken_b.add(b)
        else:
            del kept[proposal.id]
    return [kept[p.id] for p in proposals if p.id in kept]


class _Taken:
    """The spans already kept on one side, by start: a proposal is cut only by the few that
    can reach it, not by every link of a long pair."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.spans: list[Span] = []
        self.longest = 0

    def add(self, spans: Iterable[Span]) -> None:
        for span in spans:
            at = bisect.bisect_right(self.starts, span.start)
            self.starts.insert(at, span.start)
            self.spans.insert(at, span)
            self.longest = max(self.longest, span.end - span.start)

    def near(self, spans: Iterable[Span]) -> list[Span]:
        """Every kept span that overlaps one of `spans` (and perhaps a few that end before)."""
        found: list[Span] = []
        for span in spans:
            low = bisect.bisect_left(self.starts, span.start - self.longest)
            high = bisect.bisect_left(self.starts, span.end)
            found.extend(self.spans[low:high])
        return found


def _cut(spans: tuple[Span, ...], others: list[Span], text: str) -> tuple[Span, ...]:
    """`spans` minus every character of `others` (whitespace trimmed, pieces without a word
    left out); () if nothing is left."""
    pieces = [(span.start, span.end) for span in spans]
    for other in others:
        pieces = [piece for start, end in pieces for piece in (
            ((start, end),) if other.end <= start or end <= other.start
            else ((start, other.start), (other.end, end)))]
    out = []
    for start, end in pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and any(ch.isalnum() for ch in text[start:end]):
            out.append(Span(start, end))
    return tuple(out)
