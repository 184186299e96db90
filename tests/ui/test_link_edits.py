"""Adjusting a link by hand: a sentence more or less at either end, or two links as one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core import AlignmentLink, Document, LinkStatus, Span, edits, new_project
from annotator.core.edits import LINK
from annotator.ui.main_window import MainWindow
from tests.ui.claim_helpers import key, open_sample, open_window

TEXT = "One sentence here. Two sentence here. Three sentence here. Four sentence here."


def _project() -> tuple[object, list[tuple[int, int]]]:
    project = new_project(Document.from_text("A", TEXT), Document.from_text("B", TEXT))
    bounds = [(s.start, s.end) for s in project.doc_a.sentences]
    project.put_link(AlignmentLink("l1", (Span(*bounds[1]),), (Span(*bounds[1]),), 0.6))
    project.put_link(AlignmentLink("l2", (Span(*bounds[3]),), (Span(*bounds[3]),), 0.8))
    return project, bounds


def test_resize_by_sentences_and_merge() -> None:
    project, bounds = _project()
    grown = edits.resize_link(project, "l1", "A", "end", True).changes[0].after  # type: ignore[arg-type]
    assert grown is not None and grown.a == (Span(bounds[1][0], bounds[2][1]),)
    assert grown.status is LinkStatus.ACCEPTED  # the user chose these passages
    back = edits.resize_link(project, "l1", "B", "start", True).changes[0].after  # type: ignore[arg-type]
    assert back is not None and back.b == (Span(bounds[0][0], bounds[1][1]),)
    with pytest.raises(edits.LinkEditError):  # one sentence: nothing left to shrink
        edits.resize_link(project, "l1", "A", "end", False)
    project.links["l1"] = grown  # type: ignore[attr-defined]
    project.links["l3"] = AlignmentLink(  # type: ignore[attr-defined]
        "l3", (Span(bounds[2][0] + 4, bounds[3][1]),), (Span(0, 3),), 0.5, LinkStatus.MANUAL)
    with pytest.raises(edits.LinkEditError, match="into link l3"):  # growing back crosses l3
        edits.resize_link(project, "l1", "A", "start", True)
    del project.links["l3"]  # type: ignore[attr-defined]
    merged = edits.merge_links(project, "l1", "l2")  # type: ignore[arg-type]
    after = {c.id: c.after for c in merged.changes}
    assert after["l2"] is None and after["l1"] is not None
    assert after["l1"].a == (Span(bounds[1][0], bounds[2][1]), Span(*bounds[3]))  # one link
    assert after["l1"].score == 0.6


def test_link_boundaries_with_keys_in_the_window(qtbot: QtBot) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    session = window.session
    links = session.links_in_order()
    sentences = session.project.doc_b.sentences  # type: ignore[union-attr]

    def can_grow(link: AlignmentLink) -> bool:  # B's next sentence is in no link yet
        after = next((s for s in sentences if s.start >= link.b[-1].end), None)
        return after is not None and not any(
            x.start < after.end and after.start < x.end for other in links for x in other.b)

    first = next(link for link in links[1:] if can_grow(link))
    session.select(LINK, first.id)
    pane = window.view.pane_b
    pane.setFocus()
    key(qtbot, pane, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    now = session.project.links[first.id]  # type: ignore[union-attr]
    assert now.b[-1].end > first.b[-1].end and now.a == first.a  # B grew, A untouched
    assert now.status is LinkStatus.ACCEPTED
    session.undo_stack.undo()
    assert session.project.links[first.id] == first  # type: ignore[union-attr]
    window.actions_by_name["link_merge"].trigger()
    merged = session.project.links[first.id]  # type: ignore[union-attr]
    assert merged.a_start == first.a_start and len(session.project.links) == len(  # type: ignore[union-attr]
        session.links_in_order())
    assert isinstance(window, MainWindow)


def test_split_link_at_the_cursor_in_the_window(qtbot: QtBot) -> None:
    """Merge two links (Ctrl+Shift+M), then split the result again at the cursor."""
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    session = window.session
    assert session.project is not None
    first, second = session.links_in_order()[1:3]
    session.select(LINK, first.id)
    window.actions_by_name["link_merge"].trigger()
    merged = session.project.links[first.id]
    count = len(session.project.links)
    pane = window.view.pane_a
    cursor = pane.textCursor()
    cursor.setPosition(pane.qt_pos(second.a_start + 2))
    pane.setTextCursor(cursor)
    pane.setFocus()
    key(qtbot, pane, Qt.Key.Key_X,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(session.project.links) == count + 1
    now = session.project.links[first.id]
    assert now.a[-1].end <= second.a_start and now.status is LinkStatus.ACCEPTED
    new = next(lk for lk in session.project.links.values() if lk.a_start == second.a_start)
    assert new.id != first.id and new.b and now.b
    session.undo_stack.undo()
    assert session.project.links[first.id] == merged and len(session.project.links) == count
