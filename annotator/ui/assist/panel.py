"""The Flags dock: every discrepancy flag with its kind, state and explanation."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.assist.model import Flag, FlagState

COLUMNS = ("Flag", "Kind", "State", "Explanation")


class FlagPanel(QWidget):
    """Signals: chosen(str) when a row becomes current (the flag id)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Discrepancy flags")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.count_label = QLabel("Check for discrepancies (F7) to list flags here.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.count_label)
        layout.addWidget(self.tree, 1)
        self.tree.currentItemChanged.connect(self._on_row)

    def _on_row(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.chosen.emit(str(item.data(0, Qt.ItemDataRole.UserRole)))

    def show_flags(self, flags: list[Flag], current: str) -> None:
        with QSignalBlocker(self.tree):
            self.tree.clear()
            for flag in flags:
                state = ("→ " + flag.made) if flag.state == FlagState.LINKED else flag.state.value
                item = QTreeWidgetItem([flag.id, flag.kind, state, flag.explanation])
                item.setData(0, Qt.ItemDataRole.UserRole, flag.id)
                item.setToolTip(3, flag.explanation)
                if flag.state != FlagState.OPEN:
                    font = QFont(item.font(0))
                    font.setItalic(True)
                    for col in range(len(COLUMNS)):
                        item.setFont(col, font)
                        item.setForeground(col, QBrush(QColor("#8a8f96")))
                self.tree.addTopLevelItem(item)
                if flag.id == current:
                    self.tree.setCurrentItem(item)
        open_count = sum(f.state == FlagState.OPEN for f in flags)
        self.count_label.setText(f"{open_count} open of {len(flags)} flags · Y: turn into a "
                                 "claim link · X: dismiss")
        for col in range(3):
            self.tree.resizeColumnToContents(col)

    def row_ids(self) -> list[str]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [str(item.data(0, Qt.ItemDataRole.UserRole)) for item in items if item]
