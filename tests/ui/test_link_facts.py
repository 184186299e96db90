"""An alignment's result is applied from the worker's summary: no index rebuilt, no per-link
checks, undo and redo swap the derived views back; the changes are what they always were."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import AlignmentLink, Document, LinkStatus, Project, Span, new_project
from annotator.ui import link_facts, link_index
from annotator.ui import session as session_module
from annotator.ui.commands import LINK, Change
from annotator.ui.link_facts import LinkFacts, summarize
from annotator.ui.link_index import LinkIndex
from annotator.ui.proposals import proposal_changes
from annotator.ui.session import Session

TEXT = " ".join(f"Sentence number {i} says something." for i in range(60))


def _docs() -> tuple[Document, Document]:
    return Document.from_text("A", TEXT), Document.from_text("B", TEXT)


def _spans(rng: random.Random) -> tuple[Span, ...]:
    start = rng.randrange(0, len(TEXT) - 40)
    return (Span(start, start + rng.randrange(1, 40)),)


def _old_proposal_changes(project: Project, proposals: list[AlignmentLink]) -> list[Change]:
    """The loop the session ran before (the reference)."""
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


def _session_with_proposals(qtbot: QtBot) -> tuple[Session, Project]:
    session = Session()
    project = new_project(*_docs())
    project.put_link(AlignmentLink("l1", (Span(0, 30),), (Span(0, 30),), 0.9,
                                   LinkStatus.ACCEPTED))
    project.put_link(AlignmentLink("l2", (Span(40, 70),), (Span(40, 70),), 0.6))
    session.set_project(project, None)
    return session, project


def _count_index_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    builds: list[int] = []
    init = LinkIndex.__init__

    def counting(self: LinkIndex, links: Any) -> None:
        builds.append(1)
        init(self, links)

    monkeypatch.setattr(link_index.LinkIndex, "__init__", counting)
    return builds


def test_realign_applies_the_worker_summary_without_rebuilding(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    session, project = _session_with_proposals(qtbot)
    before = session.link_index()  # built for the view
    anchors = project.anchors()
    # the aligner reuses the anchor's id "l1": the session renames that proposal
    proposals = [AlignmentLink("l1", (Span(80, 120),), (Span(80, 120),), 0.8),
                 AlignmentLink("l2", (Span(130, 160),), (Span(130, 160),), 0.7)]
    summary = summarize(project.doc_a, project.doc_b, anchors + proposals)
    builds = _count_index_builds(monkeypatch)

    def no_checks(*_args: Any) -> None:
        raise AssertionError("an aligned link was checked like a hand edit")

    monkeypatch.setattr(Project, "put_link", no_checks)
    session._pending_settings = project.settings
    session._on_alignment_finished(proposals, anchors, summary)
    index = session.link_index()
    assert index is summary.index and not builds
    assert [lk.id for lk in index.links] == ["l1", "l3", "l2"]  # proposal "l1" became "l3"
    assert all(project.links[lk.id] is lk for lk in index.links)  # the project's objects
    assert session.counts() == {"proposed": 2, "accepted": 1, "rejected": 0, "manual": 0}
    assert session.coverage() == summary.coverage
    session.undo_stack.undo()
    assert session.link_index() is before and set(project.links) == {"l1", "l2"}
    session.undo_stack.redo()
    assert session.link_index() is summary.index and not builds


def test_a_hand_edit_is_still_checked(qtbot: QtBot) -> None:
    session, _project = _session_with_proposals(qtbot)
    with pytest.raises(ValueError):
        session.add_manual_link((0, 10), (0, 10 ** 6))


def test_a_renamed_proposal_that_would_sort_differently_rebuilds_the_index(
        qtbot: QtBot) -> None:
    session, project = _session_with_proposals(qtbot)
    anchors = project.anchors()
    # all three start at 0 on both sides, so ids decide the order: the worker had anchor
    # "l1", proposal "l1", "l25"; renamed to "l3", that proposal now sorts after "l25"
    proposals = [AlignmentLink("l1", (Span(0, 30),), (Span(0, 30), Span(40, 50)), 0.8),
                 AlignmentLink("l25", (Span(0, 30),), (Span(0, 20),), 0.7)]
    summary = summarize(project.doc_a, project.doc_b, anchors + proposals)
    session._pending_settings = project.settings
    session._on_alignment_finished(proposals, anchors, summary)
    index = session.link_index()
    assert index is not summary.index
    assert [lk.id for lk in index.links] == ["l1", "l25", "l3"] == [
        lk.id for lk in project.links_sorted()]


def test_link_facts_compute_what_they_were_not_given() -> None:
    project = new_project(*_docs())
    project.put_link(AlignmentLink("l1", (Span(0, 30),), (Span(0, 30),), 0.9))
    facts = LinkFacts(project)
    assert facts.counts()["proposed"] == 1 and facts.index().links == project.links_sorted()
    assert facts.coverage() == link_facts._coverage(project) and facts.coverage()[0] > 0
    assert facts.unmatched("A") == link_index.unmatched_sentences(project, "A")


def test_on_a_long_pair_the_diff_and_its_application_take_two_turns(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_module, "LONG_PAIR", 0)  # these short texts count as long
    session, project = _session_with_proposals(qtbot)
    anchors = project.anchors()
    proposals = [AlignmentLink("l5", (Span(80, 120),), (Span(80, 120),), 0.8)]
    session._pending_settings = project.settings
    session._on_alignment_finished(proposals, anchors,
                                   summarize(project.doc_a, project.doc_b, anchors + proposals))
    assert set(project.links) == {"l1", "l2"}  # diffed, not applied yet
    assert session.aligning and session.turns.pending(session_module.APPLY_ALIGNMENT)
    session.remove_link("l2")  # an edit in between: the result is diffed again
    session.turns.run_all()
    assert set(project.links) == {"l1", "l5"} and not session.aligning
    assert session.link_index().links == project.links_sorted()
    assert [session.undo_stack.text(i) for i in range(session.undo_stack.count())] == [
        "Remove link l2", f"Re-align at {project.settings.threshold:.2f}"]


def test_a_result_waiting_for_its_turn_is_dropped_when_the_project_is_replaced(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_module, "LONG_PAIR", 0)
    session, project = _session_with_proposals(qtbot)
    proposals = [AlignmentLink("l5", (Span(80, 120),), (Span(80, 120),), 0.8)]
    session._on_alignment_finished(proposals, project.anchors(), None)
    other = new_project(*_docs())
    session.set_project(other, None)
    session.turns.run_all()
    assert not other.links and set(project.links) == {"l1", "l2"}


def test_a_status_edit_carries_the_facts_over(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    session, project = _session_with_proposals(qtbot)
    index, coverage = session.link_index(), session.coverage()
    builds = _count_index_builds(monkeypatch)
    session.set_link_status("l2", LinkStatus.ACCEPTED)  # moves nothing: nothing rebuilt
    moved = session.link_index()
    assert not builds and moved is not index and moved.links[1] is project.links["l2"]
    assert index.links[1].status is LinkStatus.PROPOSED  # the old facts are untouched
    assert session.coverage() is coverage and session.counts()["accepted"] == 2
    session.undo_stack.undo()
    assert session.link_index().links[1] is project.links["l2"] and not builds
    session.set_link_status("l2", LinkStatus.REJECTED)  # changes what counts: rebuilt
    assert session.link_index().links == project.links_sorted() and builds
