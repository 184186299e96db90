"""The Links dock's Show box lists the unmatched passages with their reviewed state:
choosing a row reveals the passage in its pane, D on a row marks or unmarks it."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView
from pytestqt.qtbot import QtBot

from annotator.core import Project, Span, edits
from annotator.core.reviewed import reviewed_id
from annotator.ui.links.table_model import SORT_ROLE
from annotator.ui.links.unmatched_list import (
    PASSAGE_COL,
    REVIEWED_COL,
    SIDE_COL,
    WORDS_COL,
    UnmatchedTable,
)
from annotator.ui.main_window import MainWindow
from tests.ui.claim_helpers import key, open_sample, open_window


def click_header(qtbot: QtBot, table: QTableView, column: int) -> None:
    """Click a column's header like a user (the view sorts through the model's sort())."""
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))
    QApplication.processEvents()


def _ready(qtbot: QtBot) -> MainWindow:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    assert len(window.session.unmatched("A")) >= 3 and window.session.unmatched("B")
    return window


def _listing(qtbot: QtBot, show: str, small: bool = False) -> tuple[MainWindow, UnmatchedTable]:
    """The sample pair, the Links list showing `show`; `small`: a 1024 x 700 window (docks
    folded into tabs)."""
    window = _ready(qtbot)
    if small:
        window.resize(1024, 700)
    window.link_list.show_filter(show)
    return window, window.link_list.unmatched


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
    window, table = _listing(qtbot, "Unmatched: to review", small=True)
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
    project = _press_d_on_row(qtbot, window, 1)
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


def test_a_header_click_sorts_by_value_and_a_sorted_row_reveals_its_own_passage(
        qtbot: QtBot) -> None:
    window, table = _listing(qtbot, "Unmatched: all", small=True)
    session = window.session
    reading = _rows(window)  # A's then B's, in reading order: the Passage column ascending
    header = table.horizontalHeader()
    assert table.isSortingEnabled() and header.sortIndicatorSection() == PASSAGE_COL
    starts = [row[1] for row in reading if row[0] == "A"]
    assert sorted(map(str, starts)) != [str(s) for s in starts]  # text order would differ
    click_header(qtbot, table, PASSAGE_COL)  # the indicator's column: flips to descending
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _rows(window) == reading[::-1]  # positions compared as numbers, B's last first
    click_header(qtbot, table, SIDE_COL)  # a new column: ascending, ties in reading order
    assert _rows(window) == reading
    click_header(qtbot, table, SIDE_COL)
    by_side = [r for r in reading if r[0] == "B"] + [r for r in reading if r[0] == "A"]
    assert _rows(window) == by_side
    # a row is the passage it shows: B's first passage, not A's first (row 0 unsorted)
    table.setFocus()
    table.selectRow(0)
    QApplication.processEvents()
    assert window.view.pane_b.selected_span() == by_side[0][1:3]
    assert window.view.pane_a.selected_span() != reading[0][1:3]
    qtbot.waitUntil(lambda: window.suggestions.passage == ("B", Span(*by_side[0][1:3])))
    last_a = len(by_side) - 1  # A's last passage, at the bottom
    table.selectRow(last_a)
    QApplication.processEvents()
    assert window.view.pane_a.selected_span() == by_side[last_a][1:3]
    # the order holds when the rows are read again (a mark made in the pane)
    session.edit(edits.toggle_reviewed, "A", *reading[0][1:3])
    assert [r[:3] for r in _rows(window)] == [r[:3] for r in by_side]
    assert table.selected() is not None and table.selected().key == by_side[last_a][:3]


def test_d_on_a_sorted_row_marks_that_passage_and_moves_to_the_next_shown(
        qtbot: QtBot) -> None:
    window, table = _listing(qtbot, "Unmatched: to review")
    click_header(qtbot, table, PASSAGE_COL)  # descending: B's last passage first
    rows = _rows(window)
    assert rows == sorted(rows, key=lambda r: (r[0], r[1]), reverse=True)
    project = _press_d_on_row(qtbot, window, 1)
    side, start, end, _ = rows[1]
    doc = project.doc_a if side == "A" else project.doc_b
    assert list(project.reviewed) == [reviewed_id(doc.id, start, end)]  # that row's passage
    assert _rows(window) == [r for k, r in enumerate(rows) if k != 1]  # still sorted
    assert table.selected() is not None and table.selected().key == rows[2][:3]
    pane = window.view.pane_b if rows[2][0] == "B" else window.view.pane_a
    assert pane.selected_span() == rows[2][1:3]  # the next one in the shown order


def test_sorted_by_reviewed_the_selection_follows_a_row_that_moves(qtbot: QtBot) -> None:
    window = _ready(qtbot)
    links = window.link_list
    links.show_filter("Unmatched: all")
    table = links.unmatched
    click_header(qtbot, table, REVIEWED_COL)  # "no" first
    click_header(qtbot, table, REVIEWED_COL)  # "yes" first (none yet: reading order)
    rows = _rows(window)
    last = len(rows) - 1
    table.setFocus()
    table.selectRow(last)
    QApplication.processEvents()
    key(qtbot, table, Qt.Key.Key_D)  # marked: now reviewed, so sorted to the top
    assert _rows(window)[0] == (*rows[last][:3], True)
    assert table.currentIndex().row() == 0 and table.selected().key == rows[last][:3]
    assert _cell(window, 0, REVIEWED_COL) == "yes"


def _press_d_on_row(qtbot: QtBot, window: MainWindow, row: int) -> Project:
    """Select `row` of the unmatched table, press D on it; the window's project."""
    table = window.link_list.unmatched
    table.setFocus()
    table.selectRow(row)
    QApplication.processEvents()
    key(qtbot, table, Qt.Key.Key_D)
    project = window.session.project
    assert project is not None
    return project


def _words(window: MainWindow, row: tuple[str, int, int, bool]) -> int:
    """A shown row's length by the definition: `\\w+` words of its passage's text."""
    project = window.session.project
    assert project is not None
    doc = project.doc_a if row[0] == "A" else project.doc_b
    return len(re.findall(r"\w+", doc.text[row[1] : row[2]]))


def test_the_words_column_shows_each_passage_length_right_aligned(qtbot: QtBot) -> None:
    window = _ready(qtbot)
    window.link_list.show_filter("Unmatched: all")
    model = window.link_list.unmatched.passages
    assert model.headerData(WORDS_COL, Qt.Orientation.Horizontal) == "Words"
    for k, row in enumerate(_rows(window)):
        assert _cell(window, k, WORDS_COL) == str(_words(window, row))
        assert model.index(k, WORDS_COL).data(SORT_ROLE) == _words(window, row)  # a number
    right = model.index(0, WORDS_COL).data(Qt.ItemDataRole.TextAlignmentRole)
    assert right == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    header = window.link_list.unmatched.horizontalHeader()
    assert header.sectionResizeMode(WORDS_COL) == QHeaderView.ResizeMode.Fixed
    assert header.sectionResizeMode(PASSAGE_COL) == QHeaderView.ResizeMode.Stretch


def test_a_click_on_words_sorts_the_longest_first_and_again_the_shortest(
        qtbot: QtBot) -> None:
    window, table = _listing(qtbot, "Unmatched: all", small=True)
    reading = _rows(window)
    counts = [_words(window, row) for row in reading]
    assert 9 in counts and max(counts) > 12  # one digit and two: text order would differ
    assert sorted(map(str, counts)) != [str(c) for c in sorted(counts)]
    length = dict(zip(reading, counts, strict=True))
    click_header(qtbot, table, WORDS_COL)  # the first click: longest first
    header = table.horizontalHeader()
    assert header.sortIndicatorSection() == WORDS_COL
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    longest = sorted(reading, key=length.__getitem__, reverse=True)  # ties: reading order
    assert _rows(window) == longest and length[longest[0]] == max(counts)
    assert int(_cell(window, 0, WORDS_COL)) == max(counts)
    click_header(qtbot, table, WORDS_COL)  # again: shortest first, 9 before 12 and up
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert _rows(window) == sorted(reading, key=length.__getitem__)
    shown = [int(_cell(window, k, WORDS_COL)) for k in range(len(reading))]
    twelve_up = min(c for c in counts if c >= 12)
    assert shown == sorted(counts) and shown.index(9) < shown.index(twelve_up)


def test_d_down_the_longest_first_list_marks_each_and_moves_to_the_next_longest(
        qtbot: QtBot) -> None:
    window, table = _listing(qtbot, "Unmatched: to review")
    click_header(qtbot, table, WORDS_COL)
    rows = _rows(window)
    table.setFocus()
    table.selectRow(0)
    QApplication.processEvents()
    side, start, end, _ = rows[0]
    pane = window.view.pane_b if side == "B" else window.view.pane_a
    assert pane.selected_span() == (start, end)  # the longest passage, revealed
    project = _press_d_on_row(qtbot, window, 0)
    doc = project.doc_a if side == "A" else project.doc_b
    assert list(project.reviewed) == [reviewed_id(doc.id, start, end)]
    assert _rows(window) == rows[1:]  # still longest first
    assert table.selected() is not None and table.selected().key == rows[1][:3]
