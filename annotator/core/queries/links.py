"""Read-only questions about alignment links that clicks and navigation ask.

Plain functions over the session's position index (no Qt), so "which link is here" and
"which is next" are decided in one place and tested without a window.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..annotations import AlignmentLink, LinkStatus
from ..reviewed import ReviewedPassage, split_reviewed
from .link_index import LinkIndex


def link_at(index: LinkIndex, side: str, offset: int) -> AlignmentLink | None:
    """The smallest non-rejected link whose side `side` covers `offset` (the first in A's
    reading order among equals); only the links whose extent holds `offset` are looked at."""
    best: AlignmentLink | None = None
    best_len = 0
    for rank in sorted(index.live_at(side, offset)):
        link = index.links[rank]
        for span in link.a if side == "A" else link.b:
            if span.start <= offset < span.end and (best is None or len(span) < best_len):
                best, best_len = link, len(span)
    return best


def step_from(links: list[AlignmentLink], current: AlignmentLink | None,
              direction: int) -> str | None:
    """The id of the link after (direction=1) or before (-1) `current` in `links` (A's
    reading order); from the first or last when there is no current link, or from where
    `current` would sit when it is not among them. None past either end."""
    if not links:
        return None
    ids = [lk.id for lk in links]
    if current is None:
        index = 0 if direction > 0 else len(ids) - 1
    elif current.id in ids:
        index = ids.index(current.id) + direction
    else:
        key = (current.a_start, current.b_start, current.id)
        after = [i for i, lk in enumerate(links) if (lk.a_start, lk.b_start, lk.id) > key]
        first_after = after[0] if after else len(ids)
        index = first_after if direction > 0 else first_after - 1
    return ids[index] if 0 <= index < len(ids) else None


def next_gap(gaps: list[tuple[int, int]], after: int,
             direction: int = 1) -> tuple[int, int] | None:
    """The first gap starting after `after` (or the last before it), wrapping around."""
    if direction > 0:
        return next((g for g in gaps if g[0] > after), gaps[0] if gaps else None)
    return next((g for g in reversed(gaps) if g[0] < after), gaps[-1] if gaps else None)


def next_to_review(gaps: list[tuple[int, int]], doc: str, marks: Mapping[str, ReviewedPassage],
                   after: int, direction: int = 1) -> tuple[int, int] | None:
    """Like `next_gap`, over the gaps of document `doc` not yet marked reviewed: stepping
    through what is left to look at should not stop at passages already settled."""
    todo, _done = split_reviewed(gaps, doc, marks)
    return next_gap(todo, after, direction)


def with_status(links: list[AlignmentLink], only: LinkStatus | None) -> list[AlignmentLink]:
    return links if only is None else [lk for lk in links if lk.status is only]


MADE_BY = {"copy": "verbatim copy", "lexical": "words", "wordllama": "words + WordLlama",
           "minilm": "words + MiniLM"}


def score_label(link: AlignmentLink) -> str:
    """"score 0.48 (words + WordLlama)": the score and what made the link, so a user can tell
    a copy from a match by meaning; "" for a manual link, which has no score."""
    if link.status is LinkStatus.MANUAL:
        return ""
    made_by = MADE_BY.get(link.method, link.method)
    return f"score {link.score:.2f}" + (f" ({made_by})" if made_by not in ("", "default") else "")
