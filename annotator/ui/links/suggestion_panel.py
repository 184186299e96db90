"""The Suggestions list: the current passage and its likeliest counterparts, with their keys.

Rows read "Alt+1  0.41  B 21 · In light of the growing threats…", best first; a double-click
(or Enter) on a row links it, as its key does. The first row names the passage they are for.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

PREVIEW = 110  # characters of a sentence shown per row


def preview(text: str, limit: int = PREVIEW) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class SuggestionPanel(QListWidget):
    """Signals: chosen(int): the row of suggestion k (0-based) was activated (double-click,
    Enter); picked(int): it became the current row (a click, the arrow keys)."""

    chosen = Signal(int)
    picked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Suggested partners")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(3)
        self.itemActivated.connect(self._activated)
        self.currentItemChanged.connect(self._picked)
        self.show_message("Open two articles; suggestions appear for the passage at the "
                          "cursor and for each unmatched passage (U).")

    def show_message(self, text: str) -> None:
        self.clear()
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addItem(item)

    def show_suggestions(self, heading: str, rows: Sequence[str]) -> None:
        """`heading` names the passage; `rows` are the candidates, best first."""
        self.clear()
        head = QListWidgetItem(heading)
        head.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not selectable
        font = head.font()
        font.setBold(True)
        head.setFont(font)
        self.addItem(head)
        for k, text in enumerate(rows):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, k)
            self.addItem(item)
        if not rows:
            none = QListWidgetItem("No likely partner: nothing in the other article scores "
                                   "0.001 or more, or every likely one is linked to it "
                                   "already, or rejected.")
            none.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(none)

    def suggestion_rows(self) -> list[str]:
        """The candidates' rows as shown (for tests and screen readers)."""
        return [self.item(i).text() for i in range(self.count())
                if self.item(i).data(Qt.ItemDataRole.UserRole) is not None]

    def _activated(self, item: QListWidgetItem) -> None:
        k = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(k, int):
            self.chosen.emit(k)

    def _picked(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        k = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(k, int):
            self.picked.emit(k)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self._activated(item)
            return
        super().keyPressEvent(event)
