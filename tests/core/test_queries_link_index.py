"""The position index and the unmatched sentences answer like the walks over every link
they replaced."""

from __future__ import annotations

import random

from annotator.core import AlignmentLink, Document, LinkStatus, Project, Span, new_project
from annotator.core.queries import link_index
from annotator.core.queries.link_index import LinkIndex


def random_links(rng: random.Random, count: int, length: int) -> list[AlignmentLink]:
    """Links with random spans (some empty, some two-part, one longer than LONG), in A's
    reading order; the UI's index tests use them too."""
    links = []
    for n in range(count):
        def spans() -> tuple[Span, ...]:
            out = []
            for _ in range(rng.choice((1, 1, 1, 2))):
                start = rng.randrange(length)
                out.append(Span(start, min(length, start + rng.choice((0, 5, 40, 300)))))
            return tuple(out)
        status = rng.choice(list(LinkStatus))
        links.append(AlignmentLink(f"l{n}", spans(), spans(), 0.5, status))
    links.append(AlignmentLink("long", (Span(10, 30_000),), (Span(5, 25),), 0.5))  # > LONG
    return sorted(links, key=lambda lk: (lk.a_start, lk.b_start, lk.id))


def test_visible_matches_the_walk_over_all_links() -> None:
    rng = random.Random(7)
    links = random_links(rng, 500, 40_000)
    index = LinkIndex(links)
    for _ in range(200):
        va = sorted(rng.randrange(41_000) for _ in range(2))
        vb = sorted(rng.randrange(41_000) for _ in range(2))
        expected = [lk for lk in links if (
            max(s.end for s in lk.a) > va[0] and min(s.start for s in lk.a) <= va[1]) or (
            max(s.end for s in lk.b) > vb[0] and min(s.start for s in lk.b) <= vb[1])]
        assert index.visible((va[0], va[1]), (vb[0], vb[1])) == expected


def _walk_unmatched(project: Project, side: str) -> list[tuple[int, int]]:
    """The per-sentence walk unmatched_sentences replaced (the reference)."""
    doc = project.doc_a if side == "A" else project.doc_b
    covered = [False] * (len(doc.text) + 1)
    for link in project.links.values():
        if link.status is not LinkStatus.REJECTED:
            for span in link.a if side == "A" else link.b:
                for i in range(span.start, span.end):
                    covered[i] = True
    return [(seg.start, seg.end) for seg in doc.sentences
            if 2 * sum(covered[seg.start:seg.end]) < seg.end - seg.start]


def test_unmatched_sentences_match_a_walk_over_every_character() -> None:
    rng = random.Random(5)
    text = " ".join(f"Sentence {i} is here." for i in range(120))
    for count in (0, 1, 7, 60):
        project = new_project(Document.from_text("A", text), Document.from_text("B", text))
        for n in range(count):
            spans = []
            for _ in range(rng.choice((1, 1, 2))):
                start = rng.randrange(len(text))
                spans.append(Span(start, min(len(text), start + rng.choice((0, 3, 20, 90)))))
            project.put_link(AlignmentLink(f"l{n}", tuple(spans), tuple(spans), 0.5,
                                           rng.choice(list(LinkStatus))))
        for side in ("A", "B"):
            assert link_index.unmatched_sentences(project, side) == _walk_unmatched(
                project, side)

