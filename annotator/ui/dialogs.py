"""Every modal question the app asks, in one module, so tests can answer them.

Tests replace these functions (monkeypatch) instead of clicking through native dialogs; the
window never calls QFileDialog or QMessageBox directly.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

TEXT_FILTER = "Text and Markdown (*.txt *.text *.md *.markdown);;All files (*)"
PROJECT_FILTER = "Annotator projects (*.xml);;All files (*)"


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_pair(parent: QWidget, directory: str = "") -> tuple[str, str] | None:
    """Two text files, A then B; None when the user cancels either."""
    path_a, _ = QFileDialog.getOpenFileName(parent, "Open article A", directory, TEXT_FILTER)
    if not path_a:
        return None
    path_b, _ = QFileDialog.getOpenFileName(parent, "Open article B", path_a, TEXT_FILTER)
    return (path_a, path_b) if path_b else None


def ask_project(parent: QWidget, directory: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open project", directory, PROJECT_FILTER)
    return path or None


def ask_save_path(parent: QWidget, suggestion: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Save project", suggestion, PROJECT_FILTER)
    if path and not path.lower().endswith(".xml"):
        path += ".xml"
    return path or None


def ask_unsaved(parent: QWidget, name: str) -> Unsaved:
    answer = QMessageBox.warning(
        parent, "Unsaved changes", f"Save the changes to “{name}” before closing it?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def show_info(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setStyleSheet("QLabel { font-family: monospace; }")
    box.exec()
