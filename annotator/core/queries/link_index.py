"""Links indexed by position, so a scroll or paint looks at the links in view, not all of them.

The gutter and scroll sync ask on every frame which links are in view or at a point; a long
pair has thousands of links, so sorted extents and bisection make both questions cost the
logarithm plus the links actually in view. The index is rebuilt whenever the links change
(the session caches it next to its sorted list).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from operator import itemgetter

import numpy as np

from ..annotations import AlignmentLink, LinkStatus, Project

LONG = 20_000  # code points: extents longer than this are few and checked one by one


class SpanIndex:
    """Half-open ranges [start, end) tagged with a rank; finds those touching a range."""

    def __init__(self, items: Sequence[tuple[int, int, int]]) -> None:
        self.long = [item for item in items if item[1] - item[0] > LONG]
        short = sorted(item for item in items if item[1] - item[0] <= LONG)
        self.items = short
        self.starts = [item[0] for item in short]
        self.max_len = max((end - start for start, end, _ in short), default=0)

    def touching(self, lo: int, hi: int) -> list[int]:
        """Ranks of ranges with start <= hi and end > lo (a point query when lo == hi)."""
        first = bisect_left(self.starts, lo - self.max_len)
        out = [rank for start, end, rank in self.items[first:bisect_right(self.starts, hi)]
               if end > lo]
        out += [rank for start, end, rank in self.long if start <= hi and end > lo]
        return out


class LinkIndex:
    """The links in A's reading order (their rank), with both sides' extents indexed."""

    def __init__(self, links: Iterable[AlignmentLink]) -> None:
        # one pass for both extents, then A's reading order: (a_start, b_start, id), the
        # order of Project.links_sorted, whose properties recompute the minimum per call
        rows = []
        for lk in links:
            sa, sb = lk.a, lk.b
            a0, a1 = (sa[0].start, sa[0].end) if len(sa) == 1 else (
                min(s.start for s in sa), max(s.end for s in sa))
            b0, b1 = (sb[0].start, sb[0].end) if len(sb) == 1 else (
                min(s.start for s in sb), max(s.end for s in sb))
            rows.append((a0, b0, lk.id, a1, b1, lk))
        rows.sort(key=itemgetter(0, 1, 2))  # stable: equal keys keep their given order
        self.links = [row[5] for row in rows]
        self.extents: dict[str, list[tuple[int, int]]] = {
            "A": [(row[0], row[3]) for row in rows], "B": [(row[1], row[4]) for row in rows]}
        rejected = LinkStatus.REJECTED
        live = [r for r, lk in enumerate(self.links) if lk.status is not rejected]
        self._all = {side: SpanIndex([(s, e, r) for r, (s, e) in enumerate(ext)])
                     for side, ext in self.extents.items()}
        self._live = {side: SpanIndex([(*ext[r], r) for r in live])
                      for side, ext in self.extents.items()}
        self._by_end = {side: sorted((ext[r][1], r) for r in live)
                        for side, ext in self.extents.items()}
        self._by_start = {side: sorted((ext[r][0], r) for r in live)
                          for side, ext in self.extents.items()}

    def with_links(self, links: list[AlignmentLink]) -> LinkIndex:
        """A copy over other objects for the same links, rank for rank (a status edit that
        leaves every extent and which links are rejected as they were)."""
        copy = object.__new__(LinkIndex)
        copy.__dict__.update(self.__dict__)
        copy.links = links
        return copy

    def visible(self, range_a: tuple[int, int], range_b: tuple[int, int]) -> list[AlignmentLink]:
        """Links (rejected too) with a side touching that side's visible range, in order."""
        ranks = set(self._all["A"].touching(*range_a)) | set(self._all["B"].touching(*range_b))
        return [self.links[r] for r in sorted(ranks)]

    def live_at(self, side: str, offset: int) -> list[int]:
        """Ranks of the non-rejected links whose extent on `side` holds `offset`."""
        return self._live[side].touching(offset, offset)

    def partner_offset(self, side: str, offset: int) -> int | None:
        """Same answer as scroll_sync.partner_offset over all the links, by bisection."""
        other = "B" if side == "A" else "A"
        inside = self._live[side].touching(offset, offset)
        if inside:
            rank = min(inside)
            (s0, s1), (t0, t1) = self.extents[side][rank], self.extents[other][rank]
            return t0 + round((offset - s0) * (t1 - t0) / max(1, s1 - s0))
        by_end = self._by_end[side]
        k = bisect_right(by_end, (offset, len(self.links))) - 1
        if k >= 0:  # the link ending nearest before offset (lowest rank among equal ends)
            rank = by_end[bisect_left(by_end, (by_end[k][0], -1))][1]
            s1, t1 = self.extents[side][rank][1], self.extents[other][rank][1]
            return t1 + (offset - s1)
        by_start = self._by_start[side]
        k = bisect_right(by_start, (offset, len(self.links)))
        if k == len(by_start):
            return None
        rank = by_start[k][1]
        s0, t0 = self.extents[side][rank][0], self.extents[other][rank][0]
        return max(0, t0 - (s0 - offset))


def unmatched_sentences(project: Project, side: str) -> list[tuple[int, int]]:
    """Sentences of one side that no accepted, manual or proposed link covers (half+).

    In numpy, for all sentences at once: the covered ranges merged into disjoint sorted runs,
    then the covered characters before each sentence's start and end found by bisection over
    the runs, so a long text's thousands of sentences cost no Python loop of their own."""
    doc = project.doc_a if side == "A" else project.doc_b
    sentences = doc.sentences
    if not sentences:
        return []
    spans = [s for lk in project.links.values() if lk.status is not LinkStatus.REJECTED
             for s in (lk.a if side == "A" else lk.b)]
    first = np.fromiter((seg.start for seg in sentences), np.int64, len(sentences))
    last = np.fromiter((seg.end for seg in sentences), np.int64, len(sentences))
    if spans:
        begin = np.fromiter((s.start for s in spans), np.int64, len(spans))
        end = np.fromiter((s.end for s in spans), np.int64, len(spans))
        order = np.argsort(begin, kind="stable")
        begin, reach = begin[order], np.maximum.accumulate(end[order])
        fresh = begin[1:] > reach[:-1]  # a span starting past every earlier end: a new run
        starts = begin[np.concatenate(([True], fresh))]
        lengths = reach[np.concatenate((fresh, [True]))] - starts
        before = np.concatenate(([0], np.cumsum(lengths)))

        def covered_before(x: np.ndarray) -> np.ndarray:
            k = np.searchsorted(starts, x, side="right") - 1
            at = np.maximum(k, 0)
            inside = np.clip(x - starts[at], 0, lengths[at])
            return np.where(k >= 0, before[at] + inside, 0)

        hit = covered_before(last) - covered_before(first)
    else:
        hit = np.zeros(len(sentences), dtype=np.int64)
    keep = np.flatnonzero(hit * 2 < last - first)
    return [(sentences[i].start, sentences[i].end) for i in keep.tolist()]
