"""The view's geometry snapshot answers exactly as QPlainTextEdit.cursorRect does, and is read
once per view state: rebuilt after a scroll, a resize or a relayout, never used stale."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QTextCursor

from annotator.ui.view.geometry import qround, rect_rows
from annotator.ui.view.text_pane import Highlight, TextPane, char_format

# Wrapped paragraphs of different lengths, blank lines, an emoji (two UTF-16 units) and a
# line height of 135%, so line tops fall on fractions of a pixel.
TEXT = "\n".join(
    ("Para " + str(i) + " 😀 " + "words that wrap across the pane " * (i % 7)) if i % 5 else ""
    for i in range(400))


def _shown_pane(qtbot, text: str = TEXT) -> TextPane:  # type: ignore[no-untyped-def]
    pane = TextPane("A")
    qtbot.addWidget(pane)
    pane.resize(420, 330)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_text(text)
    return pane


def _qt_rows(pane: TextPane, qt: int) -> tuple[int, int]:
    cursor = QTextCursor(pane.document())
    cursor.setPosition(qt)
    rect = pane.cursorRect(cursor)
    return rect.top(), rect.bottom()


def _check_view(pane: TextPane) -> int:
    """Every Qt position of the blocks in view: snapshot rows == cursorRect rows."""
    geometry = pane.view_geometry()
    assert geometry.walk_all() > 0
    checked = 0
    for qt in range(geometry.starts[0], geometry.limit):
        assert geometry.cursor_rows(qt) == _qt_rows(pane, qt), qt
        checked += 1
    assert geometry.cursor_rows(geometry.limit) is None  # below the view: the caller asks Qt
    return checked


def test_rounding_matches_qt() -> None:
    from PySide6.QtCore import QRectF

    assert [qround(v) for v in (0.5, 1.5, 2.5, -0.5, -2.5, 2.49)] == [1, 2, 3, -1, -3, 2]
    for y in (0.0, 0.25, 0.4, 0.5, 1.5, 2.5, -2.5, -0.75, 7.3):
        for h in (0.5, 3.5, 10.2, 10.4, 24.3):
            rect = QRectF(3, y, 1, h).toRect()
            assert rect_rows(y, h) == (rect.top(), rect.bottom()), (y, h)


def test_snapshot_matches_cursor_rect_while_scrolling(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = _shown_pane(qtbot)
    bar = pane.verticalScrollBar()
    checked = 0
    for value in (0, 1, 7, bar.maximum() // 3, bar.maximum() // 2 + 1, bar.maximum()):
        bar.setValue(value)
        checked += _check_view(pane)
    assert checked > 1000


def test_snapshot_follows_resize_font_and_relayout(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = _shown_pane(qtbot)
    pane.verticalScrollBar().setValue(40)
    before = pane.view_geometry()
    assert pane.view_geometry() is before  # one walk per view state
    pane.resize(300, 330)  # rewraps every line
    assert pane.view_geometry() is not before
    _check_view(pane)
    font = QFont(pane.font())
    font.setPointSizeF(font.pointSizeF() + 3)
    pane.set_reading_font(font)
    _check_view(pane)
    # a bold layer changes how lines wrap without a scroll or a resize
    start = pane.view_geometry().starts[0]
    stale = pane.view_geometry()
    pane.set_layer("diff", [Highlight(start, start + 200, char_format(bold=True))])
    assert pane.view_geometry() is not stale
    _check_view(pane)


def test_span_y_is_unchanged_in_and_out_of_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = _shown_pane(qtbot)
    pane.verticalScrollBar().setValue(60)
    text = pane.text()
    first, last = pane.visible_range()
    for start in list(range(max(0, first - 300), min(len(text), last + 300), 11)):
        end = min(len(text), start + 37)
        qt_top = _qt_rows(pane, pane.qt_pos(start))[0]
        end_q = pane.qt_pos(end)
        if end_q > 0 and text[end - 1] != "\n":
            end_q -= 1
        qt_bottom = _qt_rows(pane, end_q)[1]
        assert pane.span_y(start, end) == (float(qt_top), float(max(qt_bottom, qt_top + 4)))


@pytest.mark.parametrize("value", [0, 5, 120])
def test_tints_painted_where_the_links_are(qtbot, value: int) -> None:  # type: ignore[no-untyped-def]
    """The painted layer's rectangles land on the ranges' text (read back from the pixels)."""
    pane = _shown_pane(qtbot)
    red = QColor("#ff0000")
    text = pane.text()
    ranges = [(i, i + 4) for i in range(0, len(text) - 4, 97) if "\n" not in text[i:i + 5]]
    pane.set_layer("links", [Highlight(s, e, char_format(red)) for s, e in ranges])
    pane.verticalScrollBar().setValue(value)
    image = pane.viewport().grab().toImage()
    first, last = pane.visible_range()
    seen = 0
    for start, end in ranges:
        if start < first or end > last:
            continue
        cursor = QTextCursor(pane.document())
        cursor.setPosition(pane.qt_pos(start))
        left = pane.cursorRect(cursor)
        cursor.setPosition(pane.qt_pos(end))
        right = pane.cursorRect(cursor)
        y = left.center().y()
        if left.top() == right.top() and 0 <= y < image.height():  # on one line, in view
            row = [image.pixelColor(x, y) for x in range(left.left() + 1, right.left() - 1)]
            assert red in row, (start, end)  # between the glyphs' strokes
            assert image.pixelColor(left.left() - 3, y) != red or start == 0
            seen += 1
    assert seen > 3
