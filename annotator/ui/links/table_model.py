"""What the Links dock's two tables (link_list.py, unmatched_list.py) share: rows read from
the session, one per item, sorted by the model itself.

A subclass declares its `columns`, how rows are read (`read_rows`), how a cell reads
(`cell`) and how each column sorts (`sort_key`). The model sorts in one Python sort over
the rows rather than through a sorting proxy: a proxy asks `data()` twice per comparison,
a Python call each, which took over a second for the few thousand rows of a long pair. Sort
keys are the values themselves (numbers, positions), never the displayed text, and ties
keep the order `read_rows` gave (reading order).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..session import Session

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a cell's sort key, for tests and tools
Index = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """A flat table of `rows`, read again from the session (`reload`) on a change; on a
    long pair the re-read waits for an event-loop turn of its own, named `turn`."""

    columns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, session: Session, turn: str,
                 sort_column: int = -1,
                 sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        super().__init__()
        self.session = session
        self.turn = turn
        self.rows: list[RowT] = []
        self.sort_column = sort_column  # -1: as read
        self.sort_order = sort_order

    # what a subclass declares

    def read_rows(self) -> list[RowT]:
        """The rows as the session has them, in reading order (ties keep this order)."""
        raise NotImplementedError

    def cell(self, row: RowT, column: int, role: int) -> object:
        """What `data()` answers for `row`'s `column` in `role` (None: nothing)."""
        raise NotImplementedError

    def sort_key(self, column: int) -> Callable[[RowT], Any]:
        """How `column` sorts: by value, never by the displayed text."""
        raise NotImplementedError

    def key_of(self, row: RowT) -> Hashable:
        """What names a row across reloads (for `row_of`)."""
        raise NotImplementedError

    # shared plumbing

    def reload(self) -> None:
        """Read the rows again and sort them: a reset (views keep their selection by key)."""
        self.beginResetModel()
        self.rows = self.sorted_rows(self.read_rows())
        self.endResetModel()

    def reload_soon(self) -> None:
        """Reload now, or on a long pair in a turn of its own (reading plus the view's reset
        would stall the edit that caused it)."""
        if self.session.long_pair:
            self.session.turns.defer(self.turn, self.reload)
        else:
            self.reload()

    def sorted_rows(self, rows: list[RowT]) -> list[RowT]:
        if not 0 <= self.sort_column < len(self.columns):
            return rows
        # reverse=True keeps equal rows in their given order: ties stay in reading order
        return sorted(rows, key=self.sort_key(self.sort_column),
                      reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click (through the view, or a proxy passing it on)."""
        self.sort_column, self.sort_order = column, order
        self.reload()

    def row_at(self, row: int) -> RowT | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, key: Hashable) -> int:
        """The row named `key` (see `key_of`), or -1."""
        return next((i for i, item in enumerate(self.rows) if self.key_of(item) == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == SORT_ROLE:
            return self.sort_key(index.column())(row)
        return self.cell(row, index.column(), role)
