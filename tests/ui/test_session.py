"""The session on its own: the single mutation point, per-kind signals, queries."""

from __future__ import annotations

from annotator.core import AlignmentLink, Document, LinkStatus, Span, edits, new_project
from annotator.core.edits import CLAIM, LINK, Change
from annotator.ui.session import Session
from annotator.ui.view.scroll_sync import partner_offset

A = "One. Two. Three. Four."
B = "Uno. Dos. Tres. Cuatro."


def make_session(qtbot) -> Session:  # type: ignore[no-untyped-def]
    session = Session()
    project = new_project(Document.from_text("A", A), Document.from_text("B", B))
    project.put_link(AlignmentLink("l1", (Span(0, 4),), (Span(0, 4),), 0.9))
    project.put_link(AlignmentLink("l2", (Span(10, 16),), (Span(10, 15),), 0.6,
                                   LinkStatus.REJECTED))
    project.put_link(AlignmentLink("l3", (Span(5, 9),), (Span(16, 23),), 0.7))
    session.set_project(project, None)
    return session


def test_signals_per_kind_and_undo(qtbot) -> None:  # type: ignore[no-untyped-def]
    s = make_session(qtbot)
    project = s.project
    assert project is not None
    claim = project.make_claim("A", 0, 3, "quote", claim_id="c1")
    with qtbot.waitSignal(s.claims_changed) as claims, qtbot.assertNotEmitted(s.links_changed):
        s.push("Tag claim", [Change(CLAIM, "c1", None, claim)])
    assert claims.args == [["c1"]] and project.claims["c1"] == claim
    with qtbot.waitSignal(s.links_changed) as links:
        s.edit(edits.set_link_status, "l1", LinkStatus.ACCEPTED)
    assert links.args == [["l1"]]
    s.undo_stack.undo()
    s.undo_stack.undo()
    assert "c1" not in project.claims and project.links["l1"].status is LinkStatus.PROPOSED


def test_removing_the_current_link_clears_the_selection(qtbot) -> None:  # type: ignore[no-untyped-def]
    s = make_session(qtbot)
    s.select(LINK, "l3")
    with qtbot.waitSignal(s.current_changed) as changed:
        s.edit(edits.remove_link, "l3")
    assert changed.args == ["", ""] and s.current_link() is None


def test_navigation_and_queries(qtbot) -> None:  # type: ignore[no-untyped-def]
    s = make_session(qtbot)
    assert [lk.id for lk in s.links_in_order()] == ["l1", "l3", "l2"]
    assert s.step_link(1) == "l1" and s.step_link(1) == "l3" and s.step_link(1) == "l2"
    assert s.step_link(1) is None and s.current == (LINK, "l2")
    assert s.step_link(1, only=LinkStatus.PROPOSED) is None
    assert s.link_at("A", 6) is not None and s.link_at("A", 6).id == "l3"  # type: ignore[union-attr]
    assert s.link_at("A", 12) is None  # rejected links do not count
    assert s.unmatched("A") == [(10, 16), (17, 22)]
    assert s.next_unmatched("A", 0) == (10, 16)
    assert s.next_unmatched("A", 17) == (10, 16)  # wraps around
    assert s.next_unmatched("A", 17, -1) == (10, 16)
    s.select(LINK, "l1")
    s.decide_and_advance(LinkStatus.ACCEPTED)
    assert s.current == (LINK, "l3")
    assert s.counts() == {"proposed": 1, "accepted": 1, "rejected": 1, "manual": 0}


def test_partner_offset_follows_reordered_links() -> None:
    links = [AlignmentLink("x", (Span(0, 10),), (Span(100, 120),), 0.9),
             AlignmentLink("y", (Span(50, 60),), (Span(0, 10),), 0.9)]
    assert partner_offset(links, "A", 5) == 110  # proportional inside a link
    assert partner_offset(links, "A", 55) == 5  # reordered: A's later passage is B's first
    assert partner_offset(links, "A", 20) == 130  # carried on from the link before
    assert partner_offset(links, "B", 110) == 5
    assert partner_offset([], "A", 3) is None

