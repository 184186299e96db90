"""File ▸ Open URL…: two articles, each a web address or a file, in one small dialog."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.inputs import SUFFIXES, is_url

ARTICLE_FILTER = (
    "Articles (" + " ".join(f"*{s}" for s in SUFFIXES if s) + ");;"
    "Web pages (*.html *.htm *.xhtml *.mhtml *.mht);;Word (*.docx);;PDF (*.pdf);;"
    "Text and Markdown (*.txt *.text *.md *.markdown);;All files (*)"
)


class OpenSourcesDialog(QDialog):
    """Asks for article A and B; a field holds an http(s) address or a file path."""

    def __init__(self, parent: QWidget | None = None, directory: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Open URL")
        self.directory = directory
        layout = QVBoxLayout(self)
        intro = QLabel("Paste the address of each article (or pick a saved file). The pages are "
                       "fetched once, now, without cookies; nothing else is sent.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for side in ("A", "B"):
            edit = QLineEdit()
            edit.setObjectName(f"source{side}")
            edit.setPlaceholderText("https://… or a file")
            edit.setAccessibleName(f"Article {side}")
            edit.textChanged.connect(self._update_ok)
            browse = QPushButton("Browse…")
            browse.clicked.connect(lambda _=False, e=edit: self._browse(e))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(browse)
            label = QLabel(f"Article &{side}")
            label.setBuddy(edit)  # Alt+A / Alt+B jump to the field
            form.addRow(label, row)
            self.edits[side] = edit
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Fetch and open")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        clip = QGuiApplication.clipboard().text().strip() if QGuiApplication.clipboard() else ""
        if is_url(clip) and "\n" not in clip:
            self.edits["A"].setText(clip)
        self.resize(640, self.sizeHint().height())
        self._update_ok()

    def _browse(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open article", self.directory,
                                              ARTICLE_FILTER)
        if path:
            edit.setText(path)

    def _update_ok(self) -> None:
        ok = all(edit.text().strip() for edit in self.edits.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def sources(self) -> tuple[str, str]:
        return _address(self.edits["A"].text()), _address(self.edits["B"].text())


def _address(typed: str) -> str:
    """What was typed, with https:// added to a bare "www." address as browsers do."""
    typed = typed.strip()
    return f"https://{typed}" if typed.lower().startswith("www.") else typed
