"""Find in the articles: Ctrl+F opens the bar, Enter / F3 go to the next match and
Shift+Enter / Shift+F3 to the previous one, in A, B or both; every match is tinted in the
text and marked on the scroll bars, the current one stronger."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollBar,
    QWidget,
)

from .layers import Highlight, char_format
from .text_pane import TextPane

MATCH = QColor(255, 214, 0, 120)
CURRENT = QColor(255, 140, 0, 200)


@dataclass(frozen=True, slots=True)
class Match:
    side: str
    start: int
    end: int


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Case-insensitive, literal matches of `needle` in `text` (code points)."""
    if not needle.strip():
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


class MarkedScrollBar(QScrollBar):
    """A vertical scroll bar that draws a tick per find match over its groove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.marks: list[float] = []  # 0..1 down the document
        self.current = -1.0

    def set_marks(self, marks: list[float], current: float = -1.0) -> None:
        self.marks, self.current = marks, current
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.marks:
            return
        painter = QPainter(self)
        span = max(1, self.height() - 2 * self.width())  # between the arrow buttons, roughly
        top = self.width() if self.height() > 3 * self.width() else 0
        for fraction in self.marks:
            painter.fillRect(2, round(top + fraction * span), self.width() - 4, 2, MATCH.darker())
        if self.current >= 0:
            painter.fillRect(0, round(top + self.current * span) - 1, self.width(), 4, CURRENT)
        painter.end()


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, panes: dict[str, TextPane], bars: dict[str, MarkedScrollBar],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panes, self.bars = panes, bars
        self.matches: list[Match] = []
        self.index = -1
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find in the articles")
        self.edit.setAccessibleName("Find text")
        self.edit.setClearButtonEnabled(True)
        self.scope = QComboBox()
        self.scope.setAccessibleName("Find in")
        for label, sides in (("Both articles", "AB"), ("Article A", "A"), ("Article B", "B")):
            self.scope.addItem(label, sides)
        self.count = QLabel()
        self.count.setMinimumWidth(90)
        previous, following, close = QPushButton("◀"), QPushButton("▶"), QPushButton("✕")
        previous.setToolTip("Previous match (Shift+F3)")
        following.setToolTip("Next match (F3)")
        close.setToolTip("Close (Esc)")
        for button in (previous, following, close):
            button.setFlat(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        for widget in (QLabel("Find:"), self.edit, self.scope, previous, following,
                       self.count, close):
            layout.addWidget(widget)
        layout.setStretch(1, 1)
        self.edit.textChanged.connect(lambda _t: self.search())
        self.scope.currentIndexChanged.connect(lambda _i: self.search())
        self.edit.installEventFilter(self)
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.close_bar)
        for pane in panes.values():
            pane.text_replaced.connect(self.search)
        self.hide()

    def open(self) -> None:
        """Ctrl+F: show the bar, seeded with the selected word if there is one."""
        for pane in self.panes.values():
            span = pane.selected_span()
            if pane.hasFocus() and span is not None and span[1] - span[0] < 80:
                self.edit.setText(pane.text()[span[0]:span[1]])
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.edit.clear()  # clears the tints and marks through search()
        self.closed.emit()

    def search(self) -> None:
        needle = self.edit.text() if self.isVisible() else ""
        sides = str(self.scope.currentData())
        self.matches = [Match(side, s, e) for side in "AB" if side in sides
                        for s, e in find_all(self.panes[side].text(), needle)]
        self.index = -1
        self._render()

    def step(self, direction: int) -> None:
        """F3 / Shift+F3: the next or previous match, wrapping around."""
        if not self.isVisible():
            self.open()
            return
        if not self.matches:
            self.search()
            if not self.matches:
                return
        self.index = (self.index + direction) % len(self.matches)
        match = self.matches[self.index]
        pane = self.panes[match.side]
        pane.center_on(match.start, match.end)
        pane.select_span(match.start, match.end)
        self._render()

    def _render(self) -> None:
        current = self.matches[self.index] if self.index >= 0 else None
        for side, pane in self.panes.items():
            mine = [m for m in self.matches if m.side == side]
            pane.set_layer("search", [Highlight(m.start, m.end, char_format(
                CURRENT if m is current else MATCH)) for m in mine])
            length = max(1, len(pane.text()))
            self.bars[side].set_marks([m.start / length for m in mine],
                                      current.start / length if current in mine else -1.0)
        total = len(self.matches)
        if not self.edit.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText("No matches")
        else:
            place = f"{self.index + 1} of {total}" if self.index >= 0 else f"{total} matches"
            self.count.setText(place)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent) and (
                event.type() == QEvent.Type.KeyPress):
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if shift else 1)
                return True
        return False
