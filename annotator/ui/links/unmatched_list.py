"""The Links dock's second table: the passages without a partner and whether each was
reviewed ("no counterpart", key D).

U steps through the passages still to review one at a time; this list shows them all at
once, and those already marked, so a reviewer can see what is left, go back to a passage
marked by mistake, and finish a review from the keyboard: selecting a row selects the
passage in its pane and brings it to the middle, and D on a row marks or unmarks it (the
same undoable edit as D in a pane). The rows are read from the session: its unmatched
passages (A's, then B's, in reading order) and the project's marks. A header click sorts
them (Passage: by position; Side, Words or Reviewed: ties in reading order), e.g. to see B's
first, the longest passages first (they weigh most in a review), or the passages marked by
mistake together; the model sorts itself, so a row is a passage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.core.align.identical import word_counts
from annotator.core.reviewed import split_reviewed

from ..session import Session
from .no_counterpart import progress_text
from .suggestion_panel import preview
from .table_model import RowTableModel

COLUMNS = ("Side", "Passage", "Words", "Reviewed")
SIDE_COL, PASSAGE_COL, WORDS_COL, REVIEWED_COL = 0, 1, 2, 3
TO_REVIEW, REVIEWED, ALL = "to review", "reviewed", "all"  # which rows are shown


class PassageActions(Protocol):
    """What choosing a row and D do (the link review commands, which hold the panes)."""

    def reveal_passage(self, side: str, start: int, end: int) -> None: ...

    def toggle_passage(self, side: str, start: int, end: int) -> None: ...


@dataclass(frozen=True, slots=True)
class Passage:
    """One unmatched passage of article `side`, whether it is marked reviewed, and its
    length in `\\w+` words (counted once per read, so sorting by it compares numbers)."""

    side: str
    start: int
    end: int
    reviewed: bool
    words: int

    @property
    def key(self) -> tuple[str, int, int]:
        return self.side, self.start, self.end


class UnmatchedModel(RowTableModel[Passage]):
    """Rows are the unmatched passages that `show` keeps, sorted by the chosen column (by
    position in reading order until a header is clicked). Read again when links or marks
    change, only while the table is in use (`set_active`): a long pair has thousands of
    passages, and the Links list usually shows links."""

    columns = COLUMNS

    def __init__(self, session: Session) -> None:
        super().__init__(session, "unmatched list", PASSAGE_COL, Qt.SortOrder.AscendingOrder)
        self.show = TO_REVIEW
        self.active = False
        self._stale = True
        session.links_changed.connect(self._changed)
        session.reviewed_changed.connect(self._changed)
        session.project_replaced.connect(self._changed)

    def set_show(self, show: str) -> None:
        self.show = show
        self.reload()

    def set_active(self, active: bool) -> None:
        self.active = active
        if active and self._stale:
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.active:
            super().sort(column, order)
        else:  # not read while out of sight: sorted when next shown
            self.sort_column, self.sort_order = column, order
            self._stale = True

    def _changed(self, _ids: object = None) -> None:
        self._stale = True
        if self.active:
            self.reload_soon()

    def read_rows(self) -> list[Passage]:
        self._stale = False
        project = self.session.project
        if project is None:
            return []
        rows: list[Passage] = []
        for side, doc in (("A", project.doc_a), ("B", project.doc_b)):
            todo, done = split_reviewed(self.session.unmatched(side), doc.id, project.reviewed)
            marked = set(done)
            shown = [(start, end) for start, end in sorted(todo + done)
                     if self.show == ALL or ((start, end) in marked) == (self.show == REVIEWED)]
            # one numpy pass over the text for all of them: a long pair has thousands
            counts = word_counts(doc.text, shown) if shown else []
            rows += [Passage(side, start, end, (start, end) in marked, words)
                     for (start, end), words in zip(shown, counts, strict=True)]
        return rows

    def sort_key(self, column: int) -> Callable[[Passage], Any]:
        if column == SIDE_COL:
            return lambda passage: passage.side
        if column == WORDS_COL:
            return lambda passage: passage.words
        if column == REVIEWED_COL:
            return lambda passage: passage.reviewed
        return lambda passage: passage.key  # position: A's, then B's, in reading order

    def key_of(self, row: Passage) -> tuple[str, int, int]:
        return row.key

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # the first click on Words sorts the longest first: what a reviewer sorts it for
        if role == Qt.ItemDataRole.InitialSortOrderRole and section == WORDS_COL:
            return Qt.SortOrder.DescendingOrder
        return super().headerData(section, orientation, role)

    def cell(self, passage: Passage, col: int, role: int) -> object:
        project = self.session.project
        if project is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == SIDE_COL:
                return passage.side
            if col == WORDS_COL:
                return str(passage.words)
            if col == REVIEWED_COL:
                return "yes" if passage.reviewed else "no"
        if col == PASSAGE_COL and role in (Qt.ItemDataRole.DisplayRole,
                                           Qt.ItemDataRole.ToolTipRole):
            doc = project.doc_a if passage.side == "A" else project.doc_b
            text = doc.text[passage.start : passage.end]
            return preview(text, 120) if role == Qt.ItemDataRole.DisplayRole else text
        if role == Qt.ItemDataRole.ToolTipRole and col == REVIEWED_COL:
            return ("Marked reviewed: no counterpart (D unmarks it)" if passage.reviewed
                    else "Still to review (D marks it: no counterpart)")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == WORDS_COL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != PASSAGE_COL:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class UnmatchedTable(QTableView):
    """The table of unmatched passages. Selecting a row reveals the passage; D toggles the
    selected row's mark, then the row that takes its place (or the next one) is selected,
    so D, D, D settles passage after passage.

    Signal: revealed(str): a row's passage was just selected in that side's pane (what
    follows the pane in use, the suggested partners, follows it too: the focus stays here)."""

    revealed = Signal(str)

    def __init__(self, session: Session, actions: PassageActions | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.passage_actions = actions
        self.passages = UnmatchedModel(session)
        self.setModel(self.passages)
        # the model's own order (reading order) is the indicator's: enabling sorting sorts
        self.horizontalHeader().setSortIndicator(self.passages.sort_column,
                                                 self.passages.sort_order)
        self.setSortingEnabled(True)
        self.setAccessibleName("Unmatched passages")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        for column, widest in ((SIDE_COL, "Side"), (WORDS_COL, "Words"),
                               (REVIEWED_COL, "Reviewed")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(widest) + 40)  # + the arrow
        header.setSectionResizeMode(PASSAGE_COL, QHeaderView.ResizeMode.Stretch)
        self.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.passages.modelAboutToBeReset.connect(self._remember)
        self.passages.modelReset.connect(self._restore)
        self._kept: tuple[str, int, int] | None = None  # the selected passage across a reset
        self._toggled_row = -1  # the row D was pressed on, until the rows are read again
        self._syncing = False

    def summary(self) -> str:
        """The review's progress, for the Links dock's header."""
        return progress_text(self.session)

    def selected(self) -> Passage | None:
        index = self.currentIndex()
        return self.passages.row_at(index.row()) if index.isValid() else None

    def toggle_selected(self) -> None:
        passage = self.selected()
        if passage is None or self.passage_actions is None:
            return
        self._toggled_row = self.currentIndex().row()
        self.passage_actions.toggle_passage(passage.side, passage.start, passage.end)

    def event(self, event: QEvent) -> bool:
        # D belongs to the window (the pane's passage): here it is the selected row's
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self._is_d(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_d(event):
            self.toggle_selected()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _is_d(event: QKeyEvent) -> bool:
        extra = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return event.key() == Qt.Key.Key_D and extra == Qt.KeyboardModifier.NoModifier

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        passage = self.passages.row_at(current.row()) if current.isValid() else None
        if self._syncing or passage is None or self.passage_actions is None:
            return
        self.passage_actions.reveal_passage(passage.side, passage.start, passage.end)
        self.revealed.emit(passage.side)

    def _remember(self) -> None:
        passage = self.selected()
        self._kept = passage.key if passage is not None else None

    def _restore(self) -> None:
        """Keep the selected passage selected, quietly; after D took it out of the rows,
        select (and reveal) the one now in its place."""
        toggled, self._toggled_row = self._toggled_row, -1
        row = self.passages.row_of(self._kept) if self._kept is not None else -1
        if row >= 0:
            self._select(row, reveal=False)
        elif toggled >= 0 and self.passages.rows:
            self._select(min(toggled, len(self.passages.rows) - 1), reveal=True)

    def _select(self, row: int, reveal: bool) -> None:
        index = self.passages.index(row, 0)
        self._syncing = not reveal
        try:
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.scrollTo(index)
        finally:
            self._syncing = False
