"""The one code-point <-> UTF-16 bridge: emoji, skin tones, flags, combining accents."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtGui import QColor, QTextCursor

from annotator.ui.text_pane import Highlight, TextPane, Utf16Index, char_format

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
    pane.set_layer("links", [Highlight(start, end, char_format(QColor("#ff0000")))])
    assert pane.layer("links") == [(start, end)]
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
    pane.set_layer("links", [Highlight(0, 13, char_format(QColor("#00ff00")))])
    pane.set_layer("diff", [Highlight(4, 7, char_format(underline_color=QColor("#0000ff"),
                                                        bold=True))])
    formats = pane.document().firstBlock().layout().formats()
    assert [(f.start, f.length) for f in formats] == [(0, 4), (4, 3), (7, 6)]
    assert formats[1].format.background().color() == QColor("#00ff00")  # merged, not replaced
    pane.set_layer("links", [])
    pane.set_layer("diff", [])
    assert not pane.document().firstBlock().layout().formats()
