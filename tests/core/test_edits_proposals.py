"""Turning an aligner's proposals into changes, and the link facts derived from links."""

from __future__ import annotations

import random
from dataclasses import replace

from annotator.core import AlignmentLink, Document, LinkStatus, Project, Span, new_project
from annotator.core.edits import LINK, Change
from annotator.core.edits.proposals import continuing_ids, proposal_changes
from annotator.core.queries import link_facts, link_index
from annotator.core.queries.link_facts import LinkFacts

TEXT = " ".join(f"Sentence number {i} says something." for i in range(60))


def _docs() -> tuple[Document, Document]:
    return Document.from_text("A", TEXT), Document.from_text("B", TEXT)


def _spans(rng: random.Random) -> tuple[Span, ...]:
    start = rng.randrange(0, len(TEXT) - 40)
    return (Span(start, start + rng.randrange(1, 40)),)


def _old_proposal_changes(project: Project, proposals: list[AlignmentLink]) -> list[Change]:
    """The loop the session ran before (the reference), after the ids that follow passages."""
    olds = {k: v for k, v in project.links.items() if not v.status.is_anchor}
    reserved = {k for k, v in project.links.items() if v.status.is_anchor}
    wanted = continuing_ids(olds, reserved | project.claims.keys() | project.claim_links.keys(),
                            proposals)
    proposals = [replace(link, id=wanted[id(link)]) for link in proposals]
    changes: dict[str, Change] = {}
    for link in project.links.values():
        if not link.status.is_anchor:
            changes[link.id] = Change(LINK, link.id, link, None)
    taken = {k for k, v in project.links.items() if v.status.is_anchor}
    taken |= project.claims.keys() | project.claim_links.keys()
    counter = 0
    for link in proposals:
        if link.id in taken:
            counter += 1
            while f"l{counter}" in taken or f"l{counter}" in changes:
                counter += 1
            link = replace(link, id=f"l{counter}")
        taken.add(link.id)
        old = changes[link.id].before if link.id in changes else None
        if old == link:
            del changes[link.id]
        else:
            changes[link.id] = Change(LINK, link.id, old, link)
    return list(changes.values())


def test_proposal_changes_are_the_ones_the_old_loop_made() -> None:
    rng = random.Random(3)
    for _ in range(200):
        project = new_project(*_docs())
        for n in range(1, rng.randrange(2, 12)):
            status = rng.choice(list(LinkStatus))
            project.put_link(AlignmentLink(f"l{n}", _spans(rng), _spans(rng), 0.5, status))
        if rng.random() < 0.3:
            project.put_claim(project.make_claim("A", 0, 5, "quote", claim_id="l2"))
        proposals = []
        for n in range(1, rng.randrange(2, 12)):
            same = project.links.get(f"l{n}")
            if same is not None and not same.status.is_anchor and rng.random() < 0.5:
                proposals.append(replace(same))  # equal: no change, the old object stays
            else:
                proposals.append(AlignmentLink(f"l{n}", _spans(rng), _spans(rng), 0.7))
        changes, final = proposal_changes(project, proposals)
        assert changes == _old_proposal_changes(project, proposals)
        for change in changes:
            if change.after is None:
                project.links.pop(change.id)
            else:
                project.links[change.id] = change.after
        assert sorted(map(id, final.values())) == sorted(
            id(lk) for lk in project.links.values() if not lk.status.is_anchor)


def test_link_facts_compute_what_they_were_not_given() -> None:
    project = new_project(*_docs())
    project.put_link(AlignmentLink("l1", (Span(0, 30),), (Span(0, 30),), 0.9))
    facts = LinkFacts(project)
    assert facts.counts()["proposed"] == 1 and facts.index().links == project.links_sorted()
    assert facts.coverage() == link_facts._coverage(project) and facts.coverage()[0] > 0
    assert facts.unmatched("A") == link_index.unmatched_sentences(project, "A")


def test_ids_follow_passages_across_a_realignment() -> None:
    """A threshold change renumbers the aligner's links; the project's ids stay with their
    passages, and a new passage never takes an id another passage had."""
    project = new_project(*_docs())
    spans = [(Span(i * 40, i * 40 + 30),) for i in range(6)]
    for n, (a, b) in enumerate(zip(spans, spans, strict=True), start=1):
        project.put_link(AlignmentLink(f"l{n}", a, b, 0.5))
    project.put_link(project.links.pop("l6").with_status(LinkStatus.ACCEPTED))
    # the aligner numbers from l1 again: a new passage first, then l2 grown into a neighbour,
    # then l4 exactly as it was, then l5 gone and l3 unchanged
    grown = (Span(40, 110),)
    proposals = [AlignmentLink("l1", (Span(2300, 2320),), (Span(2300, 2320),), 0.2),
                 AlignmentLink("l2", (Span(0, 30),), (Span(0, 30),), 0.5),
                 AlignmentLink("l3", grown, grown, 0.4),
                 AlignmentLink("l4", spans[3], spans[3], 0.5),
                 AlignmentLink("l5", spans[2], spans[2], 0.5)]
    changes, final = proposal_changes(project, proposals)
    ids = {p.a: final[id(p)].id for p in proposals}
    assert ids[(Span(0, 30),)] == "l1"  # the same passage keeps its id
    assert ids[grown] == "l2"  # grown: still l2
    assert ids[spans[3]] == "l4" and ids[spans[2]] == "l3"
    fresh = ids[(Span(2300, 2320),)]
    assert fresh not in {"l1", "l2", "l3", "l4", "l5", "l6"}  # never an old passage's id
    assert {c.id for c in changes if c.after is None} == {"l5"}
