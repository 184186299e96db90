"""The modal questions of claim work (taxonomy file, export target, recovery), in one place.

As with `dialogs`, tests replace these functions instead of clicking through native dialogs.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from annotator.core.recovery import RecoveryEntry

TAXONOMY_FILTER = "Claim taxonomies (*.xml);;All files (*)"


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
