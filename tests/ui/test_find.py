"""Find in the articles: Ctrl+F, typing, Enter/F3 and Shift+F3, scope, marks, Esc."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui.view.find import find_all
from tests.ui.claim_helpers import key, open_sample, open_window


def test_find_all_is_literal_and_ignores_case() -> None:
    assert find_all("Russia and russia. (Russia)", "russia") == [(0, 6), (11, 17), (20, 26)]
    assert find_all("a+b a+b", "a+b") == [(0, 3), (4, 7)]
    assert find_all("text", "  ") == []


def test_find_walks_matches_in_both_articles(qtbot: QtBot) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    view = window.view
    bar = view.find_bar
    view.pane_a.setFocus()
    key(qtbot, view.pane_a, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.edit.hasFocus()
    qtbot.keyClicks(bar.edit, "rouvinski")
    text_a, text_b = view.pane_a.text(), view.pane_b.text()
    expected = text_a.lower().count("rouvinski") + text_b.lower().count("rouvinski")
    assert len(bar.matches) == expected >= 3
    assert bar.count.text() == f"{expected} matches"
    assert view.pane_a.layer("search") and view.pane_b.layer("search")
    assert len(view.find_bar.bars["B"].marks) == text_b.lower().count("rouvinski")
    key(qtbot, bar.edit, Qt.Key.Key_Return)  # Enter: the first match, selected and in view
    first = bar.matches[0]
    pane = view.pane(first.side)
    assert pane.selected_span() == (first.start, first.end)
    assert bar.count.text() == f"1 of {expected}"
    key(qtbot, bar.edit, Qt.Key.Key_F3)
    assert bar.index == 1
    key(qtbot, bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.index == 0
    key(qtbot, bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.index == expected - 1  # wraps around
    bar.scope.setCurrentIndex(bar.scope.findData("B"))
    assert {m.side for m in bar.matches} == {"B"} and not view.pane_a.layer("search")
    typed_into_box = window.session.project.links  # type: ignore[union-attr]
    key(qtbot, bar.edit, Qt.Key.Key_A)  # a letter is the field's, not "Accept"
    assert all(lk.status.value != "accepted" for lk in typed_into_box.values())
    key(qtbot, bar.edit, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert not bar.isVisible() and not view.pane_b.layer("search")
    assert view.find_bar.bars["B"].marks == []


def test_overview_strip_shows_links_claims_and_goes_there_on_click(qtbot: QtBot) -> None:
    from annotator.core import edits

    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    strip = window.view.overviews["B"]
    project = window.session.project
    assert project is not None and strip.isVisible() and strip.width() > 0
    kinds = {kind for kind, *_rest in strip.regions()}
    assert {"link", "unmatched"} <= kinds
    end = len(project.doc_b.text)
    window.session.edit(edits.add_claim, "B", end - 40, end - 5, "quote")
    assert any(kind == "claim" and top > 0.9 for kind, top, _b, _c in strip.regions())
    image = strip.grab().toImage()
    y = round((end - 22) / end * image.height())
    assert image.pixelColor(strip.width() - 3, y) != image.pixelColor(
        strip.width() - 3, 2)  # the claim's mark is painted near the bottom
    bar = window.view.pane_b.verticalScrollBar()
    bar.setValue(0)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(5, strip.height() - 2))
    QApplication.processEvents()
    assert bar.value() > bar.maximum() * 0.7  # scrolled to the end it was clicked at
