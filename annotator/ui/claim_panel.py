"""The Claims dock: every claim of both articles in a list, with filters, kept in step.

Filters by document, type, linked/unlinked and relation. Moving through the rows with the
arrow keys selects the claim in the session (the panes scroll to it); the current claim is
kept selected here, so the list is also the keyboard and screen-reader view of the claims.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
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

from . import claim_queries as q
from .claim_highlights import claim_color
from .claim_ops import relation_label, type_label
from .commands import CLAIM
from .session import Session

COLUMNS = ("Claim", "Doc", "Type", "Text", "Links")
ANY = ""


def _snippet(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def swatch(color: QColor, size: int = 12) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    return pixmap


class ClaimPanel(QWidget):
    """Signals: activated(str) when Enter or a double-click asks to go to a claim."""

    activated = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
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
        self.tree.itemActivated.connect(
            lambda item, _col: self.activated.emit(str(item.data(0, Qt.ItemDataRole.UserRole))))
        session.claims_changed.connect(self.reload)
        session.claim_links_changed.connect(self.reload)
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

    def visible_claims(self) -> list[Claim]:
        project = self.session.project
        if project is None:
            return []
        doc, type_id = self.doc_filter.currentData(), self.type_filter.currentData()
        linked, relation = self.linked_filter.currentData(), self.relation_filter.currentData()
        linked_ids = q.linked_ids(project)
        out = []
        for claim in q.claims_in_order(project):
            side = "A" if claim.doc == project.doc_a.id else "B"
            if (doc and side != doc) or (type_id and claim.type != type_id):
                continue
            if linked == "linked" and claim.id not in linked_ids:
                continue
            if linked == "unlinked" and claim.id in linked_ids:
                continue
            if relation and all(cl.relation != relation for cl in q.links_of(project, claim.id)):
                continue
            out.append(claim)
        return out

    def reload(self, _ids: object = None) -> None:
        project = self.session.project
        claims = self.visible_claims()
        with QSignalBlocker(self.tree):
            self.tree.clear()
            for claim in claims:
                assert project is not None
                self.tree.addTopLevelItem(self._item(project, claim))
        total = len(project.claims) if project is not None else 0
        self.count_label.setText(f"{len(claims)} of {total} claims")
        for col in (0, 1, 2, 4):
            self.tree.resizeColumnToContents(col)
        self._show_current()

    @staticmethod
    def _item(project: Project, claim: Claim) -> QTreeWidgetItem:
        links = q.links_of(project, claim.id)
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

    def _show_current(self) -> None:
        kind, item_id = self.session.current
        with QSignalBlocker(self.tree):
            for i in range(self.tree.topLevelItemCount()):
                item = self.tree.topLevelItem(i)
                if item is None:
                    continue
                if kind == CLAIM and item.data(0, Qt.ItemDataRole.UserRole) == item_id:
                    self.tree.setCurrentItem(item)
                    self.tree.scrollToItem(item)
                    return
            self.tree.clearSelection()

    def _on_row(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.session.select(CLAIM, str(item.data(0, Qt.ItemDataRole.UserRole)))

    def row_ids(self) -> list[str]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [str(item.data(0, Qt.ItemDataRole.UserRole)) for item in items if item]
