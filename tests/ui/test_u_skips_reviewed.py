"""U / Shift+U step to the unmatched passages still to review: the ones marked reviewed ("no
counterpart", D) are skipped, and when every one of the article's is marked the status bar
says so and where work is left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core import edits
from annotator.core.queries.links import next_gap, next_to_review
from annotator.core.reviewed import ReviewedPassage
from annotator.ui.main_window import MainWindow
from tests.ui.claim_helpers import key, open_sample, open_window


def _ready(qtbot: QtBot) -> tuple[MainWindow, list[tuple[int, int]]]:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    gaps = window.session.unmatched("A")
    assert len(gaps) >= 4, "the sample pair leaves several passages of A without a partner"
    pane = window.view.pane_a
    pane.setFocus()
    cursor = pane.textCursor()
    cursor.setPosition(0)
    pane.setTextCursor(cursor)
    QApplication.processEvents()
    return window, gaps


def _mark(window: MainWindow, side: str, *passages: tuple[int, int]) -> None:
    for passage in passages:
        window.session.edit(edits.toggle_reviewed, side, *passage)


def test_u_and_shift_u_skip_passages_marked_reviewed(qtbot: QtBot) -> None:
    window, gaps = _ready(qtbot)
    pane = window.view.pane_a
    _mark(window, "A", gaps[0], gaps[1], gaps[-1])
    key(qtbot, pane, Qt.Key.Key_U)
    assert pane.selected_span() == gaps[2]  # the first passage still to review
    key(qtbot, pane, Qt.Key.Key_U)
    assert pane.selected_span() == gaps[3]
    key(qtbot, pane, Qt.Key.Key_U, Qt.KeyboardModifier.ShiftModifier)
    assert pane.selected_span() == gaps[2]
    key(qtbot, pane, Qt.Key.Key_U, Qt.KeyboardModifier.ShiftModifier)
    assert pane.selected_span() == gaps[-2]  # wraps around, past the marked last one
    _mark(window, "A", gaps[-1])  # D undone: the last one is to review again
    key(qtbot, pane, Qt.Key.Key_U)
    assert pane.selected_span() == gaps[-1]


def test_u_says_when_every_passage_is_reviewed(qtbot: QtBot) -> None:
    window, gaps = _ready(qtbot)
    session, pane, bar = window.session, window.view.pane_a, window.statusBar()
    left_in_b = len(session.unmatched("B"))
    assert left_in_b
    _mark(window, "A", *gaps)
    key(qtbot, pane, Qt.Key.Key_U)
    message = bar.currentMessage()
    assert message.startswith(f"All {len(gaps)} unmatched passages of A are reviewed")
    assert f"B has {left_in_b} still to review" in message
    assert pane.selected_span() is None  # the caret stays where it was
    _mark(window, "B", *session.unmatched("B"))
    pane_b = window.view.pane_b
    pane_b.setFocus()
    key(qtbot, pane_b, Qt.Key.Key_U)
    message = bar.currentMessage()
    assert "unmatched passages of B are reviewed" in message
    assert "none is left in A either (unmatched: all" in message


def test_next_to_review_is_next_gap_over_the_unmarked_gaps() -> None:
    gaps = [(0, 5), (10, 15), (20, 25)]
    marks = {m.id: m for m in (ReviewedPassage("A", 10, 15), ReviewedPassage("B", 20, 25))}
    assert next_to_review(gaps, "A", marks, 0) == (20, 25)  # B's mark does not count for A
    assert next_to_review(gaps, "A", marks, 21) == (0, 5)  # wraps
    assert next_to_review(gaps, "A", marks, 21, -1) == (20, 25)
    assert next_to_review(gaps, "A", marks, 19, -1) == (0, 5)
    assert next_to_review(gaps, "A", {}, 3) == next_gap(gaps, 3)
    every = {m.id: m for m in (ReviewedPassage("A", s, e) for s, e in gaps)}
    assert next_to_review(gaps, "A", every, 0) is None
