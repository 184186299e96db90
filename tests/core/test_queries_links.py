"""Clicks and navigation answer from the position index exactly as the walks over every link
they replaced."""

from __future__ import annotations

import random

from annotator.core import AlignmentLink, LinkStatus, Span
from annotator.core.queries.link_index import LinkIndex
from annotator.core.queries.links import link_at, next_gap, score_label, step_from


def _walk_link_at(links: list[AlignmentLink], side: str, offset: int) -> AlignmentLink | None:
    best: AlignmentLink | None = None
    best_len = 0
    for link in links:
        if link.status is LinkStatus.REJECTED:
            continue
        for span in link.a if side == "A" else link.b:
            if span.start <= offset < span.end and (best is None or len(span) < best_len):
                best, best_len = link, len(span)
    return best


def _links(rng: random.Random, count: int) -> list[AlignmentLink]:
    def spans() -> tuple[Span, ...]:
        starts = sorted(rng.randrange(3000) for _ in range(rng.choice((1, 1, 2))))
        return tuple(Span(s, s + rng.choice((1, 10, 80, 30_000))) for s in starts)

    return [AlignmentLink(f"l{n}", spans(), spans(), 0.5, rng.choice(list(LinkStatus)))
            for n in range(count)]


def test_link_at_matches_the_walk_over_all_links() -> None:
    rng = random.Random(11)
    for count in (0, 1, 5, 200):
        index = LinkIndex(_links(rng, count))
        for offset in [rng.randrange(3200) for _ in range(200)]:
            for side in ("A", "B"):
                assert link_at(index, side, offset) is _walk_link_at(index.links, side, offset)


def test_step_from_walks_in_order_and_finds_its_place() -> None:
    links = LinkIndex(_links(random.Random(2), 30)).links
    assert step_from(links, None, 1) == links[0].id
    assert step_from(links, None, -1) == links[-1].id
    assert step_from(links, links[3], 1) == links[4].id
    assert step_from(links, links[0], -1) is None and step_from(links, links[-1], 1) is None
    outside = links[10]
    rest = [lk for lk in links if lk is not outside]
    assert step_from(rest, outside, 1) == links[11].id
    assert step_from(rest, outside, -1) == links[9].id
    assert step_from([], None, 1) is None


def test_next_gap_wraps_around() -> None:
    gaps = [(0, 5), (10, 20), (30, 40)]
    assert next_gap(gaps, 5) == (10, 20) and next_gap(gaps, 35) == (0, 5)
    assert next_gap(gaps, 10, -1) == (0, 5) and next_gap(gaps, 0, -1) == (30, 40)
    assert next_gap([], 3) is None


def test_score_label_names_the_method_and_leaves_manual_links_unscored() -> None:
    def link(method: str, status: LinkStatus = LinkStatus.PROPOSED) -> AlignmentLink:
        return AlignmentLink("l1", (Span(0, 5),), (Span(0, 5),), 0.4849, status, method=method)

    assert score_label(link("copy")) == "score 0.48 (verbatim copy)"
    assert score_label(link("wordllama", LinkStatus.ACCEPTED)) == "score 0.48 (words + WordLlama)"
    assert score_label(link("")) == "score 0.48"  # files from before methods were recorded
    assert score_label(link("newmodel")) == "score 0.48 (newmodel)"
    assert score_label(link("lexical", LinkStatus.MANUAL)) == ""
