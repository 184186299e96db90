"""The Links dock: every alignment link as a table row, sortable and filterable by status.

It is also the keyboard and screen-reader equivalent of the painted bands: selecting a row
selects the link everywhere, and the current link is kept selected here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core import AlignmentLink

from .commands import LINK
from .session import Session

COLUMNS = ("Score", "Status", "A", "B")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


def _snippet(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sort_key(column: int) -> Callable[[AlignmentLink], Any]:
    if column == 0:
        return lambda link: link.score
    if column == 1:
        return lambda link: link.status.value
    return (lambda link: link.a_start) if column == 2 else (lambda link: link.b_start)


class LinkTableModel(QAbstractTableModel):
    """Rows are links sorted by the chosen column (ties in A's reading order); re-read from
    the session on every change.

    The model sorts itself: a sorting proxy asks `data()` twice per comparison, a Python
    call each, which took over a second for the few thousand links of a long pair."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[AlignmentLink] = []
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.DescendingOrder
        session.links_changed.connect(self._on_links_changed)
        session.project_replaced.connect(self.reload)

    def reload(self) -> None:
        self.beginResetModel()
        # A's reading order: from the position index the worker sent with an alignment, else
        # sorted here (the index itself is built when the view first paints, a turn later)
        in_order = self.session.links_in_order()
        self.rows = sorted(in_order, key=_sort_key(self.sort_column),
                           reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.reload()

    def _on_links_changed(self, ids: list[str]) -> None:
        """Status or score edits update their rows in place; added or removed links reset
        (on a long pair in a turn of their own: 8 ms of sorting plus the table's reset)."""
        project = self.session.project
        if project is None or len(project.links) != len(self.rows) or any(
                i not in project.links for i in ids):
            self._reset()
            return
        changed = set(ids)
        for row, link in enumerate(self.rows):
            if link.id in changed:
                new = project.links[link.id]
                if new is link:  # e.g. sentences arrived: nothing here changed
                    continue
                key = _sort_key(self.sort_column)
                if (new.a, new.b) != (link.a, link.b) or key(new) != key(link):
                    self._reset()
                    return
                self.rows[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _reset(self) -> None:
        if self.session.long_pair:
            self.session.turns.defer("link list", self.reload)
        else:
            self.reload()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        link = self.rows[index.row()]
        col = index.column()
        project = self.session.project
        if role == ID_ROLE:
            return link.id
        if role == SORT_ROLE:
            return (link.score, link.status.value, link.a_start, link.b_start)[col]
        if role == Qt.ItemDataRole.DisplayRole and project is not None:
            if col == 0:
                return f"{link.score:.2f}"
            if col == 1:
                return link.status.value
            doc, spans = (project.doc_a, link.a) if col == 2 else (project.doc_b, link.b)
            return _snippet(" … ".join(doc.slice(s) for s in spans))
        if role == Qt.ItemDataRole.ToolTipRole and project is not None and col >= 2:
            doc, spans = (project.doc_a, link.a) if col == 2 else (project.doc_b, link.b)
            return "\n\n".join(doc.slice(s) for s in spans)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, link_id: str) -> int:
        return next((i for i, lk in enumerate(self.rows) if lk.id == link_id), -1)


class StatusFilter(QSortFilterProxyModel):
    """Keeps the rows whose status is in `statuses` (all when empty); sorting is passed on
    to the source model, which does it in one Python sort."""

    def __init__(self) -> None:
        super().__init__()
        self.statuses: set[str] = set()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, LinkTableModel) and column >= 0:
            model.sort(column, order)

    def set_statuses(self, statuses: set[str]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter is deprecated
            self.beginFilterChange()
            self.statuses = statuses
            self.endFilterChange()
        else:
            self.statuses = statuses
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self.statuses:
            return True
        model = self.sourceModel()
        assert isinstance(model, LinkTableModel)
        return model.rows[source_row].status.value in self.statuses


class LinkList(QWidget):
    """Filter box plus table; selection follows and drives the session's current link."""

    FILTERS: tuple[tuple[str, set[str]], ...] = (
        ("All links", set()), ("To review (proposed)", {"proposed"}), ("Accepted", {"accepted"}),
        ("Manual", {"manual"}), ("Accepted or manual", {"accepted", "manual"}),
        ("Rejected", {"rejected"}))

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = LinkTableModel(session)
        self.proxy = StatusFilter()
        self.proxy.setSourceModel(self.model)
        self.filter = QComboBox()
        self.filter.setAccessibleName("Filter links by status")
        for label, _ in self.FILTERS:
            self.filter.addItem(label)
        self.filter.currentIndexChanged.connect(
            lambda i: self.proxy.set_statuses(set(self.FILTERS[i][1])))
        self.table = QTableView()
        self.table.setAccessibleName("Links")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # fixed widths: ResizeToContents measures every row on each change (slow on long pairs)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        metrics = self.table.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance("Score") + 36)
        header.resizeSection(1, metrics.horizontalAdvance("proposed") + 28)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        session.current_changed.connect(self._on_current_changed)
        self.model.modelReset.connect(
            lambda: self._on_current_changed(*self.session.current))

        top = QHBoxLayout()
        show = QLabel("&Show:")
        show.setBuddy(self.filter)
        top.addWidget(show)
        top.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._syncing = False

    def visible_ids(self) -> list[str]:
        return [str(self.proxy.index(r, 0).data(ID_ROLE)) for r in range(self.proxy.rowCount())]

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self.session.select(LINK, str(current.data(ID_ROLE)))

    def _on_current_changed(self, kind: str, item_id: str) -> None:
        row = self.model.row_of(item_id) if kind == LINK else -1
        selection = self.table.selectionModel()
        self._syncing = True
        try:
            if row < 0:
                selection.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
        finally:
            self._syncing = False

