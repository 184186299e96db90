"""The Links dock: every alignment link as a table row, sortable and filterable by status.

It is also the keyboard and screen-reader equivalent of the painted bands: selecting a row
selects the link everywhere, and the current link is kept selected here. The same "Show"
box switches to the passages without a link (unmatched_list.py), the other half of
reviewing an alignment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core import AlignmentLink, LinkStatus
from annotator.core.edits import LINK, set_link_note
from annotator.core.queries.evidence import SentenceEvidence, describe, link_evidence, weakest
from annotator.core.queries.links import score_label

from ..session import Session
from .table_model import SORT_ROLE as SORT_ROLE
from .table_model import Index, RowTableModel
from .unmatched_list import ALL, REVIEWED, TO_REVIEW, PassageActions, UnmatchedTable

COLUMNS = ("Score", "Status", "Weakest", "A", "B", "Note")
A_COL, B_COL, NOTE_COL = 3, 4, 5
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def _snippet(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _score_key(link: AlignmentLink) -> float:
    """Manual links have no score of their own (1.0 is a placeholder): sorted apart, last."""
    return -1.0 if link.status is LinkStatus.MANUAL else link.score


class LinkTableModel(RowTableModel[AlignmentLink]):
    """Rows are links sorted by the chosen column (ties in A's reading order); re-read from
    the session on every change."""

    columns = COLUMNS

    def __init__(self, session: Session) -> None:
        super().__init__(session, "link list", 0, Qt.SortOrder.DescendingOrder)
        self._evidence: dict[int, tuple[AlignmentLink, list[SentenceEvidence]]] = {}
        session.links_changed.connect(self._on_links_changed)
        session.project_replaced.connect(self._evidence.clear)
        session.project_replaced.connect(self.reload)

    def read_rows(self) -> list[AlignmentLink]:
        # A's reading order: from the position index the worker sent with an alignment, else
        # sorted here (the index itself is built when the view first paints, a turn later)
        return self.session.links_in_order()

    def key_of(self, row: AlignmentLink) -> str:
        return row.id

    def evidence(self, link: AlignmentLink) -> list[SentenceEvidence]:
        """Per-sentence support of a link, computed when a row first needs it."""
        found = self._evidence.get(id(link))
        if found is None or found[0] is not link:
            project = self.session.project
            found = (link, link_evidence(project, link) if project is not None else [])
            if found[1]:  # [] may only mean "no sentences yet": asked again later
                self._evidence[id(link)] = found
        return found[1]

    def sort_key(self, column: int) -> Callable[[AlignmentLink], Any]:
        if column == 0:
            return _score_key
        if column == 1:
            return lambda link: link.status.value
        if column == 2:
            return lambda link: (e.support if (e := weakest(self.evidence(link))) else 1.0)
        if column == NOTE_COL:
            return lambda link: (link.note == "", link.note.casefold())
        return (lambda link: link.a_start) if column == A_COL else (lambda link: link.b_start)

    def _on_links_changed(self, ids: list[str]) -> None:
        """Status or score edits update their rows in place; added or removed links reset
        (on a long pair in a turn of their own: sorting plus the table's reset)."""
        project = self.session.project
        if project is None or len(project.links) != len(self.rows) or any(
                i not in project.links for i in ids):
            self.reload_soon()
            return
        changed = set(ids)
        for row, link in enumerate(self.rows):
            if link.id in changed:
                new = project.links[link.id]
                if new is link:  # e.g. sentences arrived: nothing here changed
                    continue
                key = self.sort_key(self.sort_column)
                if (new.a, new.b) != (link.a, link.b) or key(new) != key(link):
                    self.reload_soon()
                    return
                self.rows[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def cell(self, link: AlignmentLink, col: int, role: int) -> object:
        project = self.session.project
        if role == ID_ROLE:
            return link.id
        if col == NOTE_COL and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                                        Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return _snippet(link.note, 60)
            return link.note or (None if role == Qt.ItemDataRole.ToolTipRole else "")
        if role == Qt.ItemDataRole.DisplayRole and project is not None:
            if col == 0:
                return "–" if link.status is LinkStatus.MANUAL else f"{link.score:.2f}"
            if col == 1:
                return link.status.value
            if col == 2:
                low = weakest(self.evidence(link))
                return "" if low is None else f"{low.support:.2f}" + (" ⚠" if low.weak else "")
            doc, spans = (project.doc_a, link.a) if col == A_COL else (project.doc_b, link.b)
            return _snippet(" … ".join(doc.slice(s) for s in spans))
        if role == Qt.ItemDataRole.ToolTipRole and project is not None:
            if col <= 2:
                lines = [score_label(link), describe(project, self.evidence(link))]
                return "\n\n".join(line for line in lines if line) or None
            doc, spans = (project.doc_a, link.a) if col == A_COL else (project.doc_b, link.b)
            return "\n\n".join(doc.slice(s) for s in spans)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == NOTE_COL else base

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole
                ) -> bool:
        """Editing the Note cell is an undoable edit of the link, like any other."""
        if role != Qt.ItemDataRole.EditRole or index.column() != NOTE_COL:
            return False
        self.session.edit(set_link_note, self.rows[index.row()].id, str(value))
        return True


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

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
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
    UNMATCHED: tuple[tuple[str, str], ...] = (
        ("Unmatched: to review", TO_REVIEW), ("Unmatched: reviewed", REVIEWED),
        ("Unmatched: all", ALL))

    def __init__(self, session: Session, actions: PassageActions | None = None,
                 parent: QWidget | None = None) -> None:
        """`actions` reveal and mark the unmatched list's passages (the link review)."""
        super().__init__(parent)
        self.session = session
        self.model = LinkTableModel(session)
        self.proxy = StatusFilter()
        self.proxy.setSourceModel(self.model)
        self.filter = QComboBox()
        self.filter.setAccessibleName("Filter links by status, or list unmatched passages")
        for label, _ in self.FILTERS:
            self.filter.addItem(label)
        self.filter.insertSeparator(len(self.FILTERS))
        for label, _ in self.UNMATCHED:
            self.filter.addItem(label)
        self.filter.currentIndexChanged.connect(self._on_filter)
        self.unmatched = UnmatchedTable(session, actions)
        self.unmatched.passages.modelReset.connect(self._update_summary)
        self.summary = QLabel()
        self.summary.hide()
        self.table = QTableView()
        self.table.setAccessibleName("Links")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # only the Note column is editable: double-click it (or Ctrl+Shift+N on the selected link)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # fixed widths: ResizeToContents measures every row on each change (slow on long pairs)
        metrics = self.table.fontMetrics()
        for column, widest in ((0, "Score"), (1, "proposed"), (2, "Weakest")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(widest) + 32)
        header.setSectionResizeMode(A_COL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(B_COL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NOTE_COL, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(NOTE_COL, metrics.horizontalAdvance("A note on a") + 16)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        session.current_changed.connect(self._on_current_changed)
        self.model.modelReset.connect(
            lambda: self._on_current_changed(*self.session.current))

        top = QHBoxLayout()
        show = QLabel("&Show:")
        show.setBuddy(self.filter)
        top.addWidget(show)
        top.addWidget(self.filter, 1)
        top.addWidget(self.summary)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.unmatched)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        self._syncing = False

    def show_filter(self, label: str) -> None:
        """Pick a Show entry by its label."""
        self.filter.setCurrentIndex(self.filter.findText(label))

    def _on_filter(self, index: int) -> None:
        """A status filter shows the links; an "Unmatched" entry the passages without one."""
        label = self.filter.itemText(index)
        unmatched = dict(self.UNMATCHED).get(label)
        if unmatched is None:
            statuses = dict(self.FILTERS).get(label, set())
            self.proxy.set_statuses(set(statuses))
        else:
            self.unmatched.passages.set_show(unmatched)
        self.unmatched.passages.set_active(unmatched is not None)
        self.pages.setCurrentWidget(self.table if unmatched is None else self.unmatched)
        self.summary.setVisible(unmatched is not None)
        self._update_summary()

    def _update_summary(self) -> None:
        if not self.summary.isHidden():
            self.summary.setText(self.unmatched.summary())

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

