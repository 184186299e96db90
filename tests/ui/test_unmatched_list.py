"""The Links dock's Show box lists the unmatched passages with their reviewed state:
choosing a row reveals the passage in its pane, D on a row marks or unmarks it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core import Span, edits
from annotator.core.reviewed import reviewed_id
from annotator.ui.links.unmatched_list import PASSAGE_COL, REVIEWED_COL, SIDE_COL
from annotator.ui.main_window import MainWindow
from tests.ui.claim_helpers import key, open_sample, open_window


def _ready(qtbot: QtBot) -> MainWindow:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    assert len(window.session.unmatched("A")) >= 3 and window.session.unmatched("B")
    return window


def _rows(window: MainWindow) -> list[tuple[str, int, int, bool]]:
    return [(p.side, p.start, p.end, p.reviewed)
            for p in window.link_list.unmatched.passages.rows]


def _cell(window: MainWindow, row: int, col: int) -> str:
    model = window.link_list.unmatched.passages
    return str(model.index(row, col).data())


def test_the_show_box_switches_to_the_unmatched_passages_and_back(qtbot: QtBot) -> None:
    window = _ready(qtbot)
    links, session = window.link_list, window.session
    gaps_a, gaps_b = session.unmatched("A"), session.unmatched("B")
    assert links.pages.currentWidget() is links.table and links.summary.isHidden()
    session.edit(edits.toggle_reviewed, "A", *gaps_a[1])
    links.show_filter("Unmatched: to review")
    assert links.pages.currentWidget() is links.unmatched and not links.summary.isHidden()
    todo = [("A", *g, False) for g in gaps_a if g != gaps_a[1]] + [
        ("B", *g, False) for g in gaps_b]
    assert _rows(window) == todo  # A's then B's, in reading order
    assert _cell(window, 0, SIDE_COL) == "A" and _cell(window, 0, REVIEWED_COL) == "no"
    project = session.project
    assert project is not None
    first = " ".join(project.doc_a.text[gaps_a[0][0] : gaps_a[0][1]].split())
    assert first.startswith(_cell(window, 0, PASSAGE_COL).rstrip("…"))
    assert "reviewed" in links.summary.text()
    links.show_filter("Unmatched: reviewed")
    assert _rows(window) == [("A", *gaps_a[1], True)]
    assert _cell(window, 0, REVIEWED_COL) == "yes"
    links.show_filter("Unmatched: all")
    assert len(_rows(window)) == len(gaps_a) + len(gaps_b)
    links.show_filter("Accepted")
    assert links.pages.currentWidget() is links.table and links.summary.isHidden()


def test_choosing_a_row_selects_and_centres_the_passage_in_its_pane(qtbot: QtBot) -> None:
    window = _ready(qtbot)
    window.resize(1024, 700)
    links = window.link_list
    links.show_filter("Unmatched: to review")
    table = links.unmatched
    rows = _rows(window)
    last_b = max(k for k, row in enumerate(rows) if row[0] == "B")
    table.setFocus()
    table.selectRow(last_b)
    QApplication.processEvents()
    _side, start, end, _ = rows[last_b]
    pane = window.view.pane_b
    assert pane.selected_span() == (start, end)
    top, bottom = pane.span_y(start, end)
    assert top >= 0 and bottom <= pane.viewport().height()  # brought into view
    assert table.hasFocus()  # the keyboard stays in the list
    # the suggested partners follow the chosen passage, and leave its pane where it is
    qtbot.waitUntil(lambda: window.suggestions.passage == ("B", Span(start, end)))
    top, bottom = pane.span_y(start, end)
    assert top >= 0 and bottom <= pane.viewport().height()
    table.selectRow(0)
    QApplication.processEvents()
    assert window.view.pane_a.selected_span() == rows[0][1:3]


def test_d_on_a_row_marks_it_reviewed_and_moves_to_the_next(qtbot: QtBot) -> None:
    window = _ready(qtbot)
    links, session = window.link_list, window.session
    links.show_filter("Unmatched: to review")
    table = links.unmatched
    rows = _rows(window)
    table.setFocus()
    table.selectRow(1)
    QApplication.processEvents()
    key(qtbot, table, Qt.Key.Key_D)
    project = session.project
    assert project is not None
    _side, start, end, _ = rows[1]
    assert reviewed_id(project.doc_a.id, start, end) in project.reviewed
    assert _rows(window) == [r for k, r in enumerate(rows) if k != 1]  # off the to-do list
    assert table.selected() is not None and table.selected().key == rows[2][:3]
    assert window.view.pane_a.selected_span() == rows[2][1:3]  # the next one is shown
    assert "marked reviewed" in window.statusBar().currentMessage()
    assert "1/" in links.summary.text()
    links.show_filter("Unmatched: reviewed")
    assert _rows(window) == [("A", start, end, True)]
    table.selectRow(0)
    key(qtbot, table, Qt.Key.Key_D)  # unmarked again
    assert not project.reviewed and _rows(window) == []
    session.undo_stack.undo()  # D on a row is an edit like any other
    assert _rows(window) == [("A", start, end, True)]


def test_d_on_the_all_view_keeps_the_row_and_flips_its_state(qtbot: QtBot) -> None:
    window = _ready(qtbot)
    links = window.link_list
    links.show_filter("Unmatched: all")
    table = links.unmatched
    b_row = next(k for k, row in enumerate(_rows(window)) if row[0] == "B")
    table.setFocus()
    table.selectRow(b_row)
    QApplication.processEvents()
    key(qtbot, table, Qt.Key.Key_D)
    assert _rows(window)[b_row][3] is True and _cell(window, b_row, REVIEWED_COL) == "yes"
    assert table.currentIndex().row() == b_row
    key(qtbot, table, Qt.Key.Key_D)
    assert _rows(window)[b_row][3] is False


def test_the_list_follows_new_links_and_marks_made_in_the_panes(qtbot: QtBot) -> None:
    window = _ready(qtbot)
    links, session = window.link_list, window.session
    links.show_filter("Unmatched: to review")
    before = len(_rows(window))
    gap_a, gap_b = session.unmatched("A")[0], session.unmatched("B")[0]
    session.edit(edits.toggle_reviewed, "A", *gap_a)  # D in the pane
    assert len(_rows(window)) == before - 1
    session.edit(edits.add_manual_link, gap_a, gap_b)  # both now have a partner
    assert ("B", *gap_b, False) not in _rows(window)
