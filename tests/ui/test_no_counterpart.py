"""Marking an unmatched passage as reviewed ("no counterpart") with D: the mark, the reviewed
shade, the progress in the status bar, undo, and the mark surviving save and re-open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from annotator.ui.links.no_counterpart import progress
from tests.ui.claim_helpers import key, open_sample, open_window


def _shade_of(pane: object, start: int) -> str:
    layer = pane._painted["unmatched"]  # type: ignore[attr-defined]
    return next(fmt.background().color().name(QColor.NameFormat.HexArgb)
                for s, _e, fmt in layer.ranges
                if s == pane.qt_pos(start))  # type: ignore[attr-defined]


def test_d_marks_the_passage_u_found_and_undo_takes_it_back(qtbot: QtBot, tmp_path: Path
                                                            ) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    session = window.session
    pane = window.view.pane_a
    pane.setFocus()
    done, total = progress(session)
    assert done == 0 and total > 0, "the sample pair has passages without a partner"
    label = window.status_area.review_label
    assert f"0/{total} reviewed" in label.text()
    key(qtbot, pane, Qt.Key.Key_U)
    cursor = pane.textCursor()
    found = (pane.cp_pos(cursor.selectionStart()), pane.cp_pos(cursor.selectionEnd()))
    passage = next(g for g in session.unmatched("A") if g[0] <= found[0] <= g[1])
    shade = _shade_of(pane, passage[0])
    colors = window.view.colors()
    assert shade == colors.unmatched.name(QColor.NameFormat.HexArgb)
    key(qtbot, pane, Qt.Key.Key_D)
    assert session.project is not None
    assert [(m.doc, m.start, m.end) for m in session.project.reviewed.values()] == [
        ("A", *passage)]
    assert f"1/{total} reviewed" in label.text()
    # reviewed passages get the theme's reviewed shade (tests/ui/test_reviewed_shade.py)
    assert _shade_of(pane, passage[0]) == colors.reviewed.name(QColor.NameFormat.HexArgb)
    path = tmp_path / "reviewed.xml"
    session.save(path)
    session.undo_stack.undo()
    assert session.project.reviewed == {} and f"0/{total} reviewed" in label.text()
    assert _shade_of(pane, passage[0]) == shade
    session.undo_stack.redo()
    key(qtbot, pane, Qt.Key.Key_D)  # D again unmarks
    assert session.project.reviewed == {}
    window.session.open_project(path)
    qtbot.waitUntil(lambda: session.project is not None and bool(session.project.reviewed),
                    timeout=10000)
    assert f"1/{total} reviewed" in label.text()


def test_d_outside_an_unmatched_passage_says_so(qtbot: QtBot) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    session = window.session
    link = session.links_in_order()[0]
    pane = window.view.pane_a
    cursor = pane.textCursor()
    cursor.setPosition(pane.qt_pos(link.a[0].start + 1))
    pane.setTextCursor(cursor)
    pane.setFocus()
    inside_gap = any(s <= link.a[0].start + 1 <= e for s, e in session.unmatched("A"))
    key(qtbot, pane, Qt.Key.Key_D)
    assert session.project is not None
    assert bool(session.project.reviewed) == inside_gap
    if not inside_gap:
        assert "not in a passage without a partner" in window.statusBar().currentMessage()
