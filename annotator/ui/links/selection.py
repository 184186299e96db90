"""Where a selected link went when the aligner's links changed under it."""

from __future__ import annotations

from annotator.core import AlignmentLink, LinkStatus
from annotator.core.queries.link_index import LinkIndex


def follow_link(before: AlignmentLink, same_id: AlignmentLink | None,
                index: LinkIndex) -> AlignmentLink | None:
    """The link that now holds `before`'s passage: the one with its id when that still
    overlaps it on both sides, else the live link overlapping it most on both sides."""
    if same_id is not None and _overlap(before, same_id) > 0:
        return same_id
    a0, a1 = before.a[0].start, before.a[-1].end
    b0, b1 = before.b[0].start, before.b[-1].end
    best, best_overlap = None, 0
    for link in index.visible((a0, a1), (b0, b1)):
        overlap = _overlap(before, link)
        if link.status is not LinkStatus.REJECTED and overlap > best_overlap:
            best, best_overlap = link, overlap
    return best


def _overlap(one: AlignmentLink, other: AlignmentLink) -> int:
    """Characters shared on A plus on B; 0 unless both sides overlap."""
    over_a = min(one.a[-1].end, other.a[-1].end) - max(one.a[0].start, other.a[0].start)
    over_b = min(one.b[-1].end, other.b[-1].end) - max(one.b[0].start, other.b[0].start)
    return over_a + over_b if over_a > 0 and over_b > 0 else 0
