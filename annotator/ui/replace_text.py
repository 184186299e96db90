"""File ▸ Replace Article Text: a corrected version of A or B, keeping the work done on it.

The core (`core.replace_text`) re-attaches claims and decided links to the new text and keeps
the claims it cannot place as orphans; here that becomes one undoable step, followed by a
re-alignment, and a dialog that reports what moved and lists the orphans for the user to
place (at the text selected in their article) or delete. The dialog stays open beside the
window, and Claims ▸ Orphaned Claims… brings it back while orphans remain.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Document, DocumentLoadError, Project, ProjectError
from annotator.core.replace_text import ReplaceReport, delete_orphan, place_orphan, replace_document

from . import dialogs
from .session import Session
from .view.comparison_view import ComparisonView
from .view.text_pane import TextPane
from .window.actions import make_action


class SwapProject(QUndoCommand):
    """One undoable step from one state of the project to another."""

    def __init__(self, session: Session, text: str, before: Project, after: Project) -> None:
        super().__init__(text)
        self.session, self.before, self.after = session, before, after

    def redo(self) -> None:
        self.session.swap_project(self.after)

    def undo(self) -> None:
        self.session.swap_project(self.before)


def replace_article(session: Session, side: str, path: str) -> ReplaceReport:
    """Replace article `side` ("A" or "B") by the file at `path`, as one undoable step, then
    re-align. Raises DocumentLoadError or ProjectError with a message for the user."""
    project = session.project
    if project is None:
        raise ProjectError("Open a pair of articles first.")
    doc_id = project.doc_a.id if side == "A" else project.doc_b.id
    new_doc = Document.load(path, doc_id)
    updated, report = replace_document(project, doc_id, new_doc)
    session.undo_stack.push(SwapProject(session, f"Replace the text of {doc_id}", project,
                                        updated))
    session.realign()
    return report


class OrphanDialog(QDialog):
    """The report of a replacement and the orphaned claims, to place or delete."""

    def __init__(self, session: Session, panes: dict[str, TextPane], parent: QWidget,
                 say: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Replaced article text")
        self.session, self.panes, self.say = session, panes, say
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName("What moved")
        self.orphans = QListWidget()
        self.orphans.setAccessibleName("Orphaned claims")
        self.place_button = QPushButton("&Place at Selection")
        self.place_button.setToolTip("Put the orphan back at the text selected in its article")
        self.delete_button = QPushButton("&Delete Orphan")
        self.place_button.clicked.connect(self.place)
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.place_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.hide)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("What moved:"))
        layout.addWidget(self.report, 2)
        self.orphan_label = QLabel()
        layout.addWidget(self.orphan_label)
        layout.addWidget(self.orphans, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(720, 520)
        session.project_replaced.connect(self.fill)
        self.fill()

    def show_report(self, report: ReplaceReport | None) -> None:
        if report is not None:
            self.report.setPlainText("\n".join(report.lines()))
        self.fill()
        self.show()
        self.raise_()

    def fill(self) -> None:
        project = self.session.project
        self.orphans.clear()
        orphans = [] if project is None else sorted(project.orphans.values(),
                                                    key=lambda c: (c.doc, c.start, c.id))
        for claim in orphans:
            quote = " ".join(claim.exact.split())
            item = QListWidgetItem(f"{claim.id} · {claim.doc} · {claim.type} · “{quote[:80]}”"
                                   + (f" · note: {claim.note[:40]}" if claim.note else ""))
            item.setData(Qt.ItemDataRole.UserRole, claim.id)
            item.setToolTip(claim.exact)
            self.orphans.addItem(item)
        self.orphan_label.setText(
            f"Orphaned claims ({len(orphans)}): their text is gone. Select where a claim now "
            "belongs in its article, then Place at Selection; or Delete it."
            if orphans else "No orphaned claims.")
        if orphans:
            self.orphans.setCurrentRow(0)
        for button in (self.place_button, self.delete_button):
            button.setEnabled(bool(orphans))

    def _chosen(self) -> str:
        item = self.orphans.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def _change(self, text: str, edit: Callable[[Project], object]) -> bool:
        project = self.session.project
        if project is None:
            return False
        after = project.snapshot()
        try:
            edit(after)
        except ProjectError as exc:
            self.say(str(exc))
            return False
        self.session.undo_stack.push(SwapProject(self.session, text, project, after))
        return True

    def place(self) -> None:
        orphan_id, project = self._chosen(), self.session.project
        if not orphan_id or project is None:
            return
        side = "A" if project.orphans[orphan_id].doc == project.doc_a.id else "B"
        span = self.panes[side].selected_span()
        if span is None:
            self.say(f"Select the text of {orphan_id} in article {side} first.")
            return
        if self._change(f"Place {orphan_id}", lambda p: place_orphan(p, orphan_id, *span)):
            self.say(f"{orphan_id} placed in {side}.")

    def delete(self) -> None:
        orphan_id = self._chosen()
        if orphan_id and self._change(f"Delete orphan {orphan_id}",
                                      lambda p: delete_orphan(p, orphan_id)):
            self.say(f"Orphan {orphan_id} deleted.")


class ReplaceText:
    """The File ▸ Replace Article Text menu: ask for the file, replace, show the report."""

    def __init__(self, session: Session, view: ComparisonView, parent: QWidget,
                 say: Callable[[str], None], actions: dict[str, QAction]) -> None:
        self.session, self.parent = session, parent
        self.dialog = OrphanDialog(session, {"A": view.pane_a, "B": view.pane_b}, parent, say)
        self.menu = QMenu("Replace Article &Text", parent)
        for side in "AB":
            actions[f"replace_{side.lower()}"] = make_action(
                parent, f"Replace Text of Article &{side}…", partial(self.ask, side), None,
                f"Open a corrected version of article {side}; claims and decided links follow")
        actions["orphans"] = make_action(
            parent, "&Orphaned Claims…", self.show_orphans, None,
            "Claims whose text is gone after a replacement: place or delete them")
        self.actions = [actions["replace_a"], actions["replace_b"], actions["orphans"]]
        self.menu.addActions(self.actions)
        session.project_replaced.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        for action in self.actions:
            action.setEnabled(self.session.project is not None)

    def ask(self, side: str) -> ReplaceReport | None:
        if self.session.project is None:
            dialogs.show_error(self.parent, "Replace article text", "Open a pair first.")
            return None
        path = dialogs.ask_article(self.parent, f"Replace the text of article {side}")
        if not path:
            return None
        try:
            report = replace_article(self.session, side, path)
        except (DocumentLoadError, ProjectError) as exc:
            dialogs.show_error(self.parent, "Cannot replace the article text", str(exc))
            return None
        self.dialog.show_report(report)
        return report

    def show_orphans(self) -> None:
        self.dialog.show_report(None)
