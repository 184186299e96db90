"""Mouse work on claims in the panes: click to select, Ctrl+drag to link, context menu.

A click selects the innermost claim under the mouse; clicking the same spot again walks out
to the enclosing claims and finally leaves the alignment link selected, so nested claims are
all reachable. Ctrl+drag from a claim in one article to a claim in the other pops up the
relations to link them with (a plain drag still selects text, which tagging needs). The
context menu offers copy, tagging the selection, and everything about the claims under it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QCursor, QMouseEvent
from PySide6.QtWidgets import QApplication, QMenu

from annotator.core import edits
from annotator.core.edits import CLAIM
from annotator.core.queries import claims as q

from ..session import Session
from ..view.text_pane import TextPane
from .drag_line import DragLine
from .highlights import doc_id


class ClaimCommands(Protocol):
    """What the mouse asks of the claim controller."""

    marked: str

    def say(self, message: str, msecs: int = ...) -> None: ...

    def run(self, slot: Callable[[], object]) -> None: ...

    def mark_current(self) -> None: ...

    def tag_actions(self) -> list[QAction]: ...


class ClaimMouse(QObject):
    def __init__(self, session: Session, panes: dict[str, TextPane], commands: ClaimCommands,
                 parent: QObject) -> None:
        super().__init__(parent)
        self.tools = commands
        self.session = session
        self.panes = panes
        self._press_current: tuple[str, str] = ("", "")
        self._drag: tuple[str, str, QPoint] | None = None  # (side, claim id, press point)
        self.drag_line: DragLine | None = None  # follows the pointer during a Ctrl+drag
        self.pending_menu: QMenu | None = None  # the last menu shown (tests inspect it)
        for side, pane in self.panes.items():
            pane.viewport().installEventFilter(self)
            pane.offset_clicked.connect(partial(self._on_clicked, side))
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(partial(self._popup, side))

    def _side_of_viewport(self, watched: QObject) -> str:
        return next((s for s, p in self.panes.items() if p.viewport() is watched), "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        side = self._side_of_viewport(watched)
        if not side or not isinstance(event, QMouseEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._press_current = self.session.current
            if (event.button() == Qt.MouseButton.LeftButton
                    and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                return self._start_drag(side, event.position().toPoint())
        elif kind == QEvent.Type.MouseButtonRelease and self._drag is not None:
            self._finish_drag(event.globalPosition().toPoint())
            return True
        elif kind == QEvent.Type.MouseMove and self._drag is not None:
            if self.drag_line is not None:
                self.drag_line.follow(event.globalPosition().toPoint())
            return True  # no text selection while dragging a link
        return False

    # --- Ctrl+drag to link ---------------------------------------------------------------
    def _start_drag(self, side: str, point: QPoint) -> bool:
        project = self.session.project
        if project is None:
            return False
        hits = q.claims_at(project, doc_id(project, side), self.panes[side].offset_at(point))
        if not hits:
            return False
        self._drag = (side, hits[0].id, point)
        self.session.select(CLAIM, hits[0].id)
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.DragLinkCursor))
        viewport = self.panes[side].viewport()
        self.drag_line = DragLine(viewport.window(), viewport.mapToGlobal(point))
        self.tools.say(f"Drop {hits[0].id} on its partner in the other article.")
        return True

    def _finish_drag(self, global_point: QPoint) -> None:
        assert self._drag is not None
        side, source, _ = self._drag
        self._drag = None
        QApplication.restoreOverrideCursor()
        if self.drag_line is not None:
            self.drag_line.hide()
            self.drag_line.deleteLater()
            self.drag_line = None
        project = self.session.project
        other = "B" if side == "A" else "A"
        pane = self.panes[other]
        local = pane.viewport().mapFromGlobal(global_point)
        if project is None or not pane.viewport().rect().contains(local):
            self.tools.say("Drop the claim on a claim in the other article to link them.")
            return
        hits = q.claims_at(project, doc_id(project, other), pane.offset_at(local))
        if not hits:
            self.tools.say("Drop it on a claim: tag the partner first.")
            return
        self.pending_menu = self.relation_menu(source, hits[0].id)
        self.pending_menu.popup(global_point)

    def relation_menu(self, source: str, target: str) -> QMenu:
        project = self.session.project
        assert project is not None
        menu = QMenu(f"Link {source} → {target}", self.panes["A"])
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addSection(f"Link {source} → {target} as")
        for rel in project.taxonomy.relations:
            action = menu.addAction(rel.label)
            action.setObjectName(f"relation_{rel.id}")
            action.triggered.connect(partial(self._link, source, target, rel.id))
        return menu

    def _link(self, source: str, target: str, relation: str, _checked: bool = False) -> None:
        self.tools.run(lambda: self.session.edit(edits.link_claims, source, target, relation))

    # --- clicks ---------------------------------------------------------------------------
    def _on_clicked(self, side: str, offset: int) -> None:
        """Select the innermost claim at the click; again walks outwards, then to the link."""
        project = self.session.project
        if project is None:
            return
        ids = [c.id for c in q.claims_at(project, doc_id(project, side), offset)]
        if not ids:
            return
        before_kind, before_id = self._press_current
        index = 0
        if before_kind == CLAIM and before_id in ids:
            index = ids.index(before_id) + 1
            if index >= len(ids):
                return  # leave the alignment link selected, as the comparison view chose
        self.session.select(CLAIM, ids[index])

    # --- context menu ---------------------------------------------------------------------
    def context_menu(self, side: str, pos: QPoint) -> QMenu:
        """The pane's menu at `pos`: copy, tag the selection, and the claims under it."""
        tools = self.tools
        pane = self.panes[side]
        menu = pane.createStandardContextMenu(pos)
        project = self.session.project
        if project is None:
            return menu
        menu.addSeparator()
        tag = menu.addMenu("Tag Selection As")
        tag.setEnabled(pane.selected_span() is not None)
        tag.addActions(tools.tag_actions())
        for claim in q.claims_at(project, doc_id(project, side), pane.offset_at(pos)):
            sub = menu.addMenu(f"Claim {claim.id} "
                               f"({edits.type_label(project.taxonomy, claim.type)})")
            retype = sub.addMenu("Change Type")
            for ct in project.taxonomy.claim_types:
                act = retype.addAction(ct.label)
                act.setCheckable(True)
                act.setChecked(ct.id == claim.type)
                act.triggered.connect(partial(self._retype, claim.id, ct.id))
            sub.addAction("Mark as Link Source").triggered.connect(
                partial(self._mark, claim.id))
            marked = project.claims.get(tools.marked)
            if marked is not None and marked.doc != claim.doc:
                link = sub.addMenu(f"Link {marked.id} to This As")
                for rel in project.taxonomy.relations:
                    link.addAction(rel.label).triggered.connect(
                        partial(self._link, marked.id, claim.id, rel.id))
            for other in q.partners(project, claim.id):
                sub.addAction(f"Go to Partner {other.id}").triggered.connect(
                    partial(self._go, other.id))
            sub.addAction("Delete Claim").triggered.connect(partial(self._delete, claim.id))
        return menu

    def _retype(self, claim_id: str, type_id: str, _checked: bool = False) -> None:
        self.tools.run(lambda: self.session.edit(edits.set_claim_type, claim_id, type_id))

    def _mark(self, claim_id: str, _checked: bool = False) -> None:
        self.session.select(CLAIM, claim_id)
        self.tools.run(self.tools.mark_current)

    def _go(self, claim_id: str, _checked: bool = False) -> None:
        self.session.select(CLAIM, claim_id)

    def _delete(self, claim_id: str, _checked: bool = False) -> None:
        self.tools.run(lambda: self.session.edit(edits.remove_claim, claim_id))

    def _popup(self, side: str, pos: QPoint) -> None:
        menu = self.context_menu(side, pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pending_menu = menu
        menu.popup(self.panes[side].mapToGlobal(pos))
