"""The Claims dock: every claim of both articles in a list, with filters, kept in step.

Filters by document, type, linked/unlinked and relation. Moving through the rows with the
arrow keys selects the claim in the session (the panes scroll to it); the current claim is
kept selected here, so the list is also the keyboard and screen-reader view of the claims.
Claim candidates, when asked for, follow the claims in grey italics; a candidate
row is no claim, so choosing one only says so (`candidate_chosen`).

An edit updates only the rows of the claims it touched (an index of claim links by claim
says which rows a link edit touches), so an edit costs the same with 20 claims or 2,000;
the whole list is rebuilt only for a new project, taxonomy or filter.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Claim, Project
from annotator.core.edits import CLAIM, relation_label, type_label
from annotator.core.queries import claims as q
from annotator.core.queries.claim_link_index import ClaimLinkIndex

from ..session import Session
from .highlights import claim_color

COLUMNS = ("Claim", "Doc", "Type", "Text", "Links")
ANY = ""
CANDIDATE = "candidate:"  # the row data prefix of a candidate row
CandidateRow = tuple[str, str, str, str, str]  # id, side, label, text, tooltip


def _snippet(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def swatch(color: QColor, size: int = 12) -> QPixmap:
    """A claim type's colour chip with a 1 px outline in a contrasting grey (light around a
    dark colour, dark around a light one), so a chip stays visible on a light or a dark
    background without touching the taxonomy's colours."""
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#9aa0a6") if color.lightness() < 128 else QColor("#5f6368"))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return pixmap


class ClaimPanel(QWidget):
    """Signals: activated(str) when Enter or a double-click asks to go to a claim."""

    activated = Signal(str)
    candidate_chosen = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.candidates: list[CandidateRow] = []
        self.doc_filter = self._combo("Filter claims by document")
        self.type_filter = self._combo("Filter claims by type")
        self.linked_filter = self._combo("Filter claims by whether they are linked")
        self.relation_filter = self._combo("Filter claims by the relation of their links")
        for text, data in (("Both articles", ANY), ("A only", "A"), ("B only", "B")):
            self.doc_filter.addItem(text, data)
        for text, data in (("Linked or not", ANY), ("Linked", "linked"),
                           ("Unlinked", "unlinked")):
            self.linked_filter.addItem(text, data)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Claims")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.count_label = QLabel()

        bar = QHBoxLayout()
        for label, combo in (("Show", self.doc_filter), ("", self.type_filter),
                             ("", self.linked_filter), ("", self.relation_filter)):
            if label:
                bar.addWidget(QLabel(label))
            bar.addWidget(combo)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)

        for combo in (self.doc_filter, self.type_filter, self.linked_filter,
                      self.relation_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.tree.currentItemChanged.connect(self._on_row)
        self.tree.itemActivated.connect(self._on_activated)
        self._links = ClaimLinkIndex()
        self._items: dict[str, QTreeWidgetItem] = {}
        self._keys: list[tuple[int, int, int, str]] = []  # reading keys of the rows, in order
        self._key_of: dict[str, tuple[int, int, int, str]] = {}
        session.claims_changed.connect(self._on_claims_changed)
        session.claim_links_changed.connect(self._on_claim_links_changed)
        session.project_replaced.connect(self._on_project_replaced)
        session.current_changed.connect(lambda _k, _i: self._show_current())
        self._on_project_replaced()

    @staticmethod
    def _combo(name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _on_project_replaced(self) -> None:
        self.refresh_taxonomy()

    def refresh_taxonomy(self) -> None:
        """Rebuild the type and relation filters (a new project or taxonomy)."""
        project = self.session.project
        for combo, everything, items in (
                (self.type_filter, "All types",
                 [] if project is None else [(t.label, t.id, t.color)
                                             for t in project.taxonomy.claim_types]),
                (self.relation_filter, "Any relation",
                 [] if project is None else [(r.label, r.id, r.color)
                                             for r in project.taxonomy.relations])):
            keep = combo.currentData()
            with QSignalBlocker(combo):
                combo.clear()
                combo.addItem(everything, ANY)
                for label, item_id, color in items:
                    combo.addItem(swatch(QColor(color)), label, item_id)
                index = combo.findData(keep)
                combo.setCurrentIndex(max(index, 0))
        self.reload()

    def _passes(self, project: Project, claim: Claim) -> bool:
        """Whether the filters let `claim` through."""
        doc, type_id = self.doc_filter.currentData(), self.type_filter.currentData()
        linked, relation = self.linked_filter.currentData(), self.relation_filter.currentData()
        side = "A" if claim.doc == project.doc_a.id else "B"
        if (doc and side != doc) or (type_id and claim.type != type_id):
            return False
        if linked and (linked == "linked") != self._links.linked(claim.id):
            return False
        return not relation or any(cl.relation == relation
                                   for cl in self._links.links_of(claim.id))

    def visible_claims(self) -> list[Claim]:
        project = self.session.project
        if project is None:
            return []
        return [c for c in q.claims_in_order(project) if self._passes(project, c)]

    def reload(self, _ids: object = None) -> None:
        """Rebuild every row (a new project, taxonomy or filter)."""
        project = self.session.project
        self._links = ClaimLinkIndex(project)
        claims = self.visible_claims()
        self._items.clear()
        self._key_of.clear()
        with QSignalBlocker(self.tree):
            self.tree.clear()
            for claim in claims:
                assert project is not None
                item = self._item(project, claim, self._links)
                self.tree.addTopLevelItem(item)
                self._items[claim.id] = item
                self._key_of[claim.id] = q.reading_key(project, claim)
            for row in self.candidates:  # after every claim row: row numbers stay the claims'
                self.tree.addTopLevelItem(self._candidate_item(row))
        self._keys = [self._key_of[c.id] for c in claims]
        for col in (0, 1, 2, 4):
            self.tree.resizeColumnToContents(col)
        self._after_change()

    def _on_claims_changed(self, ids: list[str]) -> None:
        self._update_rows(set(ids))

    def _on_claim_links_changed(self, ids: list[str]) -> None:
        project = self.session.project
        if project is not None:
            self._update_rows(self._links.update(project, ids))

    def _update_rows(self, ids: set[str]) -> None:
        """Remove, re-make or add the rows of these claims only, in reading order."""
        project = self.session.project
        if project is None:
            self.reload()
            return
        with QSignalBlocker(self.tree):
            for cid in ids:
                key = self._key_of.pop(cid, None)
                if key is not None:
                    row = bisect_left(self._keys, key)
                    del self._keys[row]
                    self.tree.takeTopLevelItem(row)
                    del self._items[cid]
                claim = project.claims.get(cid)
                if claim is None or not self._passes(project, claim):
                    continue
                key = q.reading_key(project, claim)
                row = bisect_left(self._keys, key)
                self._keys.insert(row, key)
                self._key_of[cid] = key
                item = self._item(project, claim, self._links)
                self.tree.insertTopLevelItem(row, item)
                self._items[cid] = item
                self._widen(item)
        self._after_change()

    def _widen(self, item: QTreeWidgetItem) -> None:
        """Make a narrow column wide enough for a new row (never shrink: rows stay put)."""
        metrics = self.tree.fontMetrics()
        for col in (0, 1, 2, 4):
            needed = metrics.horizontalAdvance(item.text(col)) + (40 if col == 2 else 20)
            if self.tree.columnWidth(col) < needed:
                self.tree.setColumnWidth(col, needed)

    def _after_change(self) -> None:
        project = self.session.project
        total = len(project.claims) if project is not None else 0
        extra = f" · {len(self.candidates)} candidates" if self.candidates else ""
        self.count_label.setText(f"{len(self._keys)} of {total} claims{extra}")
        self._show_current()

    @staticmethod
    def _item(project: Project, claim: Claim, index: ClaimLinkIndex) -> QTreeWidgetItem:
        links = index.links_of(claim.id)
        side = "A" if claim.doc == project.doc_a.id else "B"
        rels = ", ".join(f"{relation_label(project.taxonomy, cl.relation)} "
                         f"{q.partner(cl, claim.id)}" for cl in links)
        item = QTreeWidgetItem([claim.id, side, type_label(project.taxonomy, claim.type),
                                _snippet(claim.exact), rels or "—"])
        item.setData(0, Qt.ItemDataRole.UserRole, claim.id)
        item.setIcon(2, swatch(claim_color(project, claim)))
        item.setToolTip(3, claim.exact + (f"\n\nNote: {claim.note}" if claim.note else ""))
        if not links:
            item.setForeground(4, QBrush(QColor("#8a8f96")))
        return item

    def set_candidates(self, rows: list[CandidateRow]) -> None:
        """Show these candidates after the claims (an empty list hides them)."""
        self.candidates = list(rows)
        self.reload()

    @staticmethod
    def _candidate_item(row: CandidateRow) -> QTreeWidgetItem:
        cand_id, side, label, text, tip = row
        item = QTreeWidgetItem(["·", side, f"{label} (candidate)", _snippet(text), ""])
        item.setData(0, Qt.ItemDataRole.UserRole, CANDIDATE + cand_id)
        item.setToolTip(3, tip)
        for col in range(len(COLUMNS)):
            font = item.font(col)
            font.setItalic(True)
            item.setFont(col, font)
            item.setForeground(col, QBrush(QColor("#8a8f96")))
        return item

    def _on_activated(self, item: QTreeWidgetItem, _col: int) -> None:
        data = str(item.data(0, Qt.ItemDataRole.UserRole))
        if data.startswith(CANDIDATE):
            self.candidate_chosen.emit(data.removeprefix(CANDIDATE))
        else:
            self.activated.emit(data)

    def _show_current(self) -> None:
        kind, item_id = self.session.current
        item = self._items.get(item_id) if kind == CLAIM else None
        with QSignalBlocker(self.tree):
            if item is None:
                self.tree.clearSelection()
                return
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    def _on_row(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        data = str(item.data(0, Qt.ItemDataRole.UserRole))
        if data.startswith(CANDIDATE):
            self.candidate_chosen.emit(data.removeprefix(CANDIDATE))
        else:
            self.session.select(CLAIM, data)

    def row_ids(self) -> list[str]:
        """The claim rows' ids, in order (candidate rows left out)."""
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        ids = [str(item.data(0, Qt.ItemDataRole.UserRole)) for item in items if item]
        return [i for i in ids if not i.startswith(CANDIDATE)]

    def candidate_row(self, cand_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == CANDIDATE + cand_id:
                return item
        return None
