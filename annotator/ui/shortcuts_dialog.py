"""Help > Keyboard Shortcuts: every key in a two-column table that scrolls, with a filter.

The list has some sixty keys; as one label it was taller than a 700-pixel screen and hid its
OK button. The table is sized to its rows but never beyond the screen it opens on.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

SCREEN_SHARE = 0.85  # of the screen's free height (and width) the dialog may take


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(keys, command) for every action with a shortcut, in the order given."""
    return [(act.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
             act.text().replace("&", "")) for act in actions if not act.shortcut().isEmpty()]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None, rows: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter: type part of a command or key")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Key", "Command"])
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._fit_screen()
        self.table.setFocus()

    def _fit_screen(self) -> None:
        """As tall as all rows when that fits, else a share of the screen (the table scrolls)."""
        table = self.table
        rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
        width = (table.horizontalHeader().length() + table.verticalScrollBar().sizeHint().width()
                 + 2 * table.frameWidth())
        want_w = max(420, width + 40)
        want_h = rows_height + table.horizontalHeader().height() + 2 * table.frameWidth() + 110
        screen = (self.parentWidget() or self).screen()
        if screen is not None:
            free = screen.availableGeometry()
            want_w = min(want_w, int(free.width() * SCREEN_SHARE))
            want_h = min(want_h, int(free.height() * SCREEN_SHARE))
        self.resize(want_w, want_h)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, col) for col in (0, 1)]
            found = any(needle in c.text().lower() for c in cells if c is not None)
            self.table.setRowHidden(row, bool(needle) and not found)


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> None:
    ShortcutsDialog(parent, shortcut_rows(actions)).exec()

