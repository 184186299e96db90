"""File > Import Claims: claims tagged in brat or INCEpTION come into article A or B.

The import is worked out on a copy of the project (core `import_edit`) and applied as one
undoable step; afterwards the user reads what came in and what did not (unmapped types,
spans whose text is not in the article, relations).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from annotator.core.export.claim_import import IMPORTERS, ClaimImportError, import_edit

from .session import Session

FILTER = ";;".join([f"{name} (*{suffix})" for suffix, (name, _) in IMPORTERS.items()]
                   + ["All files (*)"])


def ask_import_path(parent: QWidget, doc_label: str) -> str | None:
    """The file to import (tests replace this instead of clicking a native dialog)."""
    path, _ = QFileDialog.getOpenFileName(parent, f"Import claims into {doc_label}", "", FILTER)
    return path or None


def import_into(session: Session, doc_id: str, path: str) -> str:
    """Import `path` into article `doc_id` as one undoable step; returns the report text.
    Raises ClaimImportError with a message for the user."""
    if session.project is None:
        raise ClaimImportError("Open a pair of articles first.")
    edit, report = import_edit(session.project, doc_id, path)
    session.push(edit.text, edit.changes)
    return str(report)


def build_import_menu(parent: QWidget, session: Session, report: Callable[[str], None],
                      error: Callable[[str], None]) -> QMenu:
    """A File > Import Claims submenu; `report` gets the import report, `error` failures."""
    menu = QMenu("&Import Claims", parent)

    def run(doc_id: str) -> None:
        if session.project is None:
            error("Open a pair of articles first.")
            return
        label = f"article {doc_id} ({session.project.document(doc_id).title[:40]})"
        path = ask_import_path(parent, label)
        if not path:
            return
        try:
            report(import_into(session, doc_id, path))
        except ClaimImportError as exc:
            error(str(exc))

    for doc_id in ("A", "B"):
        action = menu.addAction(f"Into Article {doc_id} (brat .ann, INCEpTION .xmi)…")
        action.setObjectName(f"import_claims_{doc_id}")
        action.triggered.connect(lambda _c=False, d=doc_id: run(d))

    def enable() -> None:
        for action in menu.actions():
            action.setEnabled(session.project is not None)

    menu.aboutToShow.connect(enable)
    return menu
