"""The one code-point <-> UTF-16 bridge: emoji, skin tones, flags, combining accents."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtGui import QColor, QTextCursor

from annotator.ui.view.text_pane import Highlight, TextPane, char_format
from annotator.ui.view.utf16 import Utf16Index

# NFC keeps q + combining tilde and e + two accents as several code points; emoji are astral.
TEXT = unicodedata.normalize(
    "NFC", "Café 😀 q\u0303 says 👍🏽 twice.\nNext 🇫🇷 line e\u0301\u0323 end 𝔘.")


def test_index_round_trips_every_offset() -> None:
    index = Utf16Index(TEXT)
    utf16_len = len(TEXT.encode("utf-16-le")) // 2
    assert index.to_qt(len(TEXT)) == utf16_len
    for cp in range(len(TEXT) + 1):
        qt = index.to_qt(cp)
        assert qt == len(TEXT[:cp].encode("utf-16-le")) // 2
        assert index.to_cp(qt) == cp


def test_position_inside_a_surrogate_pair_rounds_down() -> None:
    index = Utf16Index("a😀b")
    assert index.to_qt(1) == 1 and index.to_qt(2) == 3
    assert index.to_cp(2) == 1  # the low surrogate belongs to the emoji at code point 1


@pytest.mark.parametrize("word", ["😀", "q\u0303", "👍🏽", "🇫🇷", "e\u0301\u0323", "𝔘", "twice"])
def test_pane_selection_matches_core_slice(qtbot, word: str) -> None:  # type: ignore[no-untyped-def]
    pane = TextPane("A")
    qtbot.addWidget(pane)
    pane.set_text(TEXT)
    word = unicodedata.normalize("NFC", word)
    start = TEXT.index(word)
    end = start + len(word)
    pane.select_span(start, end)
    assert pane.textCursor().selectedText() == TEXT[start:end]
    assert pane.selected_span() == (start, end)


def test_highlight_layer_covers_exactly_the_span(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = TextPane("A")
    qtbot.addWidget(pane)
    pane.set_text(TEXT)
    start = TEXT.index("q\u0303 says 👍🏽")
    end = start + len("q\u0303 says 👍🏽")
    pane.set_layer("current", [Highlight(start, end, char_format(QColor("#ff0000")))])
    assert pane.layer("current") == [(start, end)]
    block = pane.document().firstBlock()
    formats = block.layout().formats()
    assert len(formats) == 1
    cursor = QTextCursor(pane.document())
    cursor.setPosition(formats[0].start)
    cursor.setPosition(formats[0].start + formats[0].length, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == TEXT[start:end]


def test_layers_merge_and_clear(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = TextPane("B")
    qtbot.addWidget(pane)
    pane.set_text("one two three")
    pane.set_layer("current", [Highlight(0, 13, char_format(QColor("#00ff00")))])
    pane.set_layer("diff", [Highlight(4, 7, char_format(underline_color=QColor("#0000ff"),
                                                        bold=True))])
    formats = pane.document().firstBlock().layout().formats()
    assert [(f.start, f.length) for f in formats] == [(0, 4), (4, 3), (7, 6)]
    assert formats[1].format.background().color() == QColor("#00ff00")  # merged, not replaced
    pane.set_layer("current", [])
    pane.set_layer("diff", [])
    assert not pane.document().firstBlock().layout().formats()


def _pixel(pane: TextPane, offset: int) -> QColor:
    """The colour of the viewport mid-way up the line, just right of code point `offset`."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.qt_pos(offset))
    rect = pane.cursorRect(cursor)
    image = pane.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 3, rect.center().y())


def _shown_pane(qtbot, height: int) -> TextPane:  # type: ignore[no-untyped-def]
    pane = TextPane("A")
    qtbot.addWidget(pane)
    pane.resize(500, height)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def test_painted_layers_show_under_the_text_and_yield_to_layers_above(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = _shown_pane(qtbot, 200)
    text = "a" + " " * 40 + "b" + " " * 40 + "c"
    pane.set_text(text)
    red, blue = QColor("#ff0000"), QColor("#0000ff")
    pane.set_layer("links", [Highlight(1, 80, char_format(red))])
    assert not pane.document().firstBlock().layout().formats()  # painted, not formatted
    assert pane.layer("links") == [(1, 80)]
    assert _pixel(pane, 10) == red and _pixel(pane, 60) == red
    assert _pixel(pane, 81) == pane.palette().base().color()
    pane.set_layer("current", [Highlight(50, 70, char_format(blue))])
    assert _pixel(pane, 60) == blue  # the top layer's background wins, as when merged
    assert _pixel(pane, 10) == red
    pane.set_layer("links", [])
    assert _pixel(pane, 10) == pane.palette().base().color()


def test_painted_layers_look_only_at_visible_blocks(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = _shown_pane(qtbot, 300)
    lines = [f"Paragraph {i} says something." for i in range(5000)]
    text = "\n".join(lines)
    pane.set_text(text)
    starts = [text.index(line) for line in lines]
    pane.set_layer("links", [Highlight(s, s + 9, char_format(QColor("#ff0000")))
                             for s in starts])
    bar = pane.verticalScrollBar()
    for value in (0, bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        pane.viewport().grab()  # renders through paintEvent, now
        assert 0 < pane.painted_blocks < 40, (value, bar.maximum())  # about 15 lines, not 5000
