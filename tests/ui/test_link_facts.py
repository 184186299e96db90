"""An alignment's result is applied from the worker's summary: no index rebuilt, no per-link
checks, undo and redo swap the derived views back; the changes are what they always were."""

from __future__ import annotations

import random
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import AlignmentLink, Document, LinkStatus, Project, Span, edits, new_project
from annotator.core.queries import link_index
from annotator.core.queries.link_facts import summarize
from annotator.core.queries.link_index import LinkIndex
from annotator.ui import session as session_module
from annotator.ui.session import Session

TEXT = " ".join(f"Sentence number {i} says something." for i in range(60))


def _docs() -> tuple[Document, Document]:
    return Document.from_text("A", TEXT), Document.from_text("B", TEXT)


def _spans(rng: random.Random) -> tuple[Span, ...]:
    start = rng.randrange(0, len(TEXT) - 40)
    return (Span(start, start + rng.randrange(1, 40)),)


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
    session.realigner.pending_settings = project.settings
    session.realigner.on_finished(proposals, anchors, summary)
    index = session.link_index()
    assert index is summary.index and not builds
    # proposal "l1" (an anchor's id) became "l3"; "l2" is a new passage, and l2 named
    # another one a moment ago, so it becomes "l4"
    assert [lk.id for lk in index.links] == ["l1", "l3", "l4"]
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
        session.edit(edits.add_manual_link, (0, 10), (0, 10 ** 6))


def test_a_renamed_proposal_that_would_sort_differently_rebuilds_the_index(
        qtbot: QtBot) -> None:
    session, project = _session_with_proposals(qtbot)
    anchors = project.anchors()
    # all three start at 0 on both sides, so ids decide the order: the worker had anchor
    # "l1", proposal "l1", "l25"; renamed to "l3", that proposal now sorts after "l25"
    proposals = [AlignmentLink("l1", (Span(0, 30),), (Span(0, 30), Span(40, 50)), 0.8),
                 AlignmentLink("l25", (Span(0, 30),), (Span(0, 20),), 0.7)]
    summary = summarize(project.doc_a, project.doc_b, anchors + proposals)
    session.realigner.pending_settings = project.settings
    session.realigner.on_finished(proposals, anchors, summary)
    index = session.link_index()
    assert index is not summary.index
    assert [lk.id for lk in index.links] == ["l1", "l25", "l3"] == [
        lk.id for lk in project.links_sorted()]


def test_on_a_long_pair_the_diff_and_its_application_take_two_turns(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_module, "LONG_PAIR", 0)  # these short texts count as long
    session, project = _session_with_proposals(qtbot)
    anchors = project.anchors()
    proposals = [AlignmentLink("l5", (Span(80, 120),), (Span(80, 120),), 0.8)]
    session.realigner.pending_settings = project.settings
    session.realigner.on_finished(proposals, anchors,
                                   summarize(project.doc_a, project.doc_b, anchors + proposals))
    assert set(project.links) == {"l1", "l2"}  # diffed, not applied yet
    assert session.aligning and session.turns.pending(session_module.APPLY_ALIGNMENT)
    session.edit(edits.remove_link, "l2")  # an edit in between: the result is diffed again
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
    session.realigner.on_finished(proposals, project.anchors(), None)
    other = new_project(*_docs())
    session.set_project(other, None)
    session.turns.run_all()
    assert not other.links and set(project.links) == {"l1", "l2"}


def test_a_status_edit_carries_the_facts_over(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    session, project = _session_with_proposals(qtbot)
    index, coverage = session.link_index(), session.coverage()
    builds = _count_index_builds(monkeypatch)
    session.edit(edits.set_link_status, "l2", LinkStatus.ACCEPTED)  # moves nothing: nothing rebuilt
    moved = session.link_index()
    assert not builds and moved is not index and moved.links[1] is project.links["l2"]
    assert index.links[1].status is LinkStatus.PROPOSED  # the old facts are untouched
    assert session.coverage() is coverage and session.counts()["accepted"] == 2
    session.undo_stack.undo()
    assert session.link_index().links[1] is project.links["l2"] and not builds
    session.edit(edits.set_link_status, "l2", LinkStatus.REJECTED)  # changes what counts: rebuilt
    assert session.link_index().links == project.links_sorted() and builds
