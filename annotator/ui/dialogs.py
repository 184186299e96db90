"""Every modal question the app asks, in one module, so tests can answer them.

Tests replace these functions (monkeypatch) instead of clicking through native dialogs; the
window never calls QFileDialog or QMessageBox directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from annotator.core.inputs import Extracted
from annotator.core.recovery import RecoveryEntry

from . import shortcuts_dialog
from .extraction_preview import ExtractionPreview
from .open_sources import ARTICLE_FILTER, OpenSourcesDialog

TEXT_FILTER = ARTICLE_FILTER  # text, Markdown, web pages, Word, PDF (see open_sources)
PROJECT_FILTER = "Annotator projects (*.xml);;All files (*)"
TAXONOMY_FILTER = "Claim taxonomies (*.xml);;All files (*)"


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_pair(parent: QWidget, directory: str = "") -> tuple[str, str] | None:
    """Two text files, A then B; None when the user cancels either."""
    path_a, _ = QFileDialog.getOpenFileName(parent, "Open article A", directory, TEXT_FILTER)
    if not path_a:
        return None
    # A's folder, not A's name: B is another file, and a pre-filled A invites opening A twice
    folder = str(Path(path_a).parent)
    path_b, _ = QFileDialog.getOpenFileName(parent, "Open article B", folder, TEXT_FILTER)
    return (path_a, path_b) if path_b else None


def ask_article(parent: QWidget, title: str, directory: str = "") -> str | None:
    """One article file (Replace Article Text)."""
    path, _ = QFileDialog.getOpenFileName(parent, title, directory, TEXT_FILTER)
    return path or None


def ask_sources(parent: QWidget, directory: str = "") -> tuple[str, str] | None:
    """Two articles, each an http(s) address or a file (File ▸ Open URL…)."""
    dialog = OpenSourcesDialog(parent, directory)
    return dialog.sources() if dialog.exec() == QDialog.DialogCode.Accepted else None


def review_extraction(parent: QWidget, items: Sequence[tuple[str, str, Extracted]]
                      ) -> list[Extracted] | None:
    """The extraction preview for (label, source, extracted) items; None when cancelled."""
    dialog = ExtractionPreview(items, parent)
    return dialog.results() if dialog.exec() == QDialog.DialogCode.Accepted else None


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


def ask_folder(parent: QWidget, title: str, directory: str = "") -> str | None:
    path = QFileDialog.getExistingDirectory(parent, title, directory)
    return path or None


def confirm(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> None:
    """Help > Keyboard Shortcuts: a scrolling table that fits the screen."""
    shortcuts_dialog.show_shortcuts(parent, actions)


def show_about(parent: QWidget, version: str) -> None:
    QMessageBox.about(parent, "About Annotator", (
        f"<h3>Annotator {version}</h3>"
        "<p>Compare two articles that cover the same story: the passages that say the same "
        "thing are aligned, and you tag and link the claims in them.</p>"
        "<p><b>Review in five keys.</b> Alt+Down / Alt+Up move between links; A accepts and "
        "R rejects (and go on to the next one to review); U jumps to a passage with no "
        "partner still to review (D marks one as having no counterpart); L links what you "
        "selected in A and in B.</p>"
        "<p><b>Claims.</b> Select text and press a type's key (1–6) to tag it; M marks a "
        "claim, then Shift+relation key links it to the claim selected in the other "
        "article; F2 edits the claim.</p>"
        "<p><b>Find and zoom.</b> Ctrl+F finds in either article (F3 next); Ctrl+plus, "
        "Ctrl+minus and Ctrl+0 set the text size of both.</p>"
        "<p>Help ▸ Keyboard Shortcuts lists every key. Projects are one XML file; File ▸ "
        "Export writes TEI, JSON-LD, CSV, XCES and an HTML report.</p>"))


def show_info(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setStyleSheet("QLabel { font-family: monospace; }")
    box.exec()


def ask_taxonomy(parent: QWidget, directory: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Load a claim taxonomy", directory,
                                          TAXONOMY_FILTER)
    return path or None


def ask_export_path(parent: QWidget, title: str, suggestion: str, suffix: str,
                    description: str) -> str | None:
    pattern = f"{description} (*{suffix});;All files (*)"
    path, _ = QFileDialog.getSaveFileName(parent, title, suggestion, pattern)
    if path and not path.lower().endswith(suffix):
        path += suffix
    return path or None


def recovery_text(entries: list[RecoveryEntry]) -> str:
    lines = []
    for e in entries:
        where = e.original or "never saved"
        lines.append(f"• {e.name or 'Untitled pair'} ({where}), autosaved {e.saved_at}")
    return "\n".join(lines)


def ask_recovery(parent: QWidget | None, entries: list[RecoveryEntry]) -> str:
    """'recover', 'discard' or 'later' (keep the autosaves, decide at the next start)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Recover unsaved work?")
    box.setText("Annotator did not close normally last time. Unsaved work was kept:")
    box.setInformativeText(recovery_text(entries))
    recover = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Decide Later", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(recover)
    box.exec()
    clicked = box.clickedButton()
    return "recover" if clicked is recover else "discard" if clicked is discard else "later"
