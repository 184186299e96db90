"""The extraction preview: what each reader got, before it is frozen into the project.

One tab per article shows the text with its metadata; the user can fix the title, author,
date and site, trim junk at either end (select where the article starts or ends and press the
button) and, when the text's encoding was a guess, read it again in another encoding. Nothing
is changed in the source; the result is new `Extracted` values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.inputs import KIND_NAMES, DocumentLoadError, Extracted, read_source

from .view.utf16 import Utf16Index

EDITABLE = (("title", "&Title"), ("author", "&Author"), ("date", "&Date"), ("site", "&Site"))
# offered after the guess and its rivals: the encodings articles are commonly saved in
COMMON_ENCODINGS = ("utf-8", "cp1252", "iso8859-15", "latin-1", "cp1250", "iso8859-2",
                    "cp1251", "koi8-r", "cp1253", "cp1254", "cp1257", "mac-roman", "utf-16")


class PreviewPage(QWidget):
    """One article: editable metadata, the text, and the trim buttons."""

    def __init__(self, label: str, source: str, found: Extracted,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found = found
        self.source = source
        self.start, self.end = 0, len(found.text)
        meta = found.meta
        layout = QVBoxLayout(self)
        kind = KIND_NAMES.get(meta.kind, meta.kind)
        heading = QLabel(f"<b>Article {label}</b> · {kind} · {_escape(source)}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name, caption in EDITABLE:
            edit = QLineEdit(getattr(meta, name))
            edit.setObjectName(f"meta_{name}")
            edit.setAccessibleName(caption.replace("&", ""))
            self.fields[name] = edit
            form.addRow(caption, edit)
        if meta.url:
            url = QLabel(_escape(meta.url))
            url.setWordWrap(True)
            form.addRow("Address", url)
        if meta.extractor:
            form.addRow("Read with", QLabel(f"{meta.extractor} {meta.extractor_version}"))
        self.encoding: QComboBox | None = None
        if found.encoding_note:  # a guess: let the user read it in another encoding
            self.encoding = QComboBox()
            self.encoding.setObjectName("encoding")
            self.encoding.setAccessibleName("Text encoding")
            choices = [found.encoding, *found.encoding_alternatives]
            choices += [e for e in COMMON_ENCODINGS if e not in choices]
            self.encoding.addItems(choices)
            self.encoding.setToolTip("The encoding the file was read in; choose another if "
                                     "the text shows wrong characters")
            self.encoding.currentTextChanged.connect(self.read_in)
            form.addRow("&Encoding", self.encoding)
        layout.addLayout(form)
        self.notes: list[QLabel] = []
        for note in found.notes:
            note_label = QLabel(note)
            note_label.setWordWrap(True)
            note_label.setObjectName("note")
            layout.addWidget(note_label)
            self.notes.append(note_label)
        self.text = QPlainTextEdit(found.text)
        self.text.setReadOnly(True)
        self.text.setObjectName("extractedText")
        self.text.setAccessibleName(f"Extracted text of article {label}")
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        self.trim_start = QPushButton("Start at selection")
        self.trim_start.setToolTip("Drop everything before the cursor or selection")
        self.trim_end = QPushButton("End at selection")
        self.trim_end.setToolTip("Drop everything after the cursor or selection")
        self.reset = QPushButton("Undo trims")
        self.count = QLabel()
        for button in (self.trim_start, self.trim_end, self.reset):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.count)
        layout.addLayout(row)
        self.trim_start.clicked.connect(self.cut_before_selection)
        self.trim_end.clicked.connect(self.cut_after_selection)
        self.reset.clicked.connect(self.undo_trims)
        self._show()

    def read_in(self, encoding: str) -> None:
        """Read the source again in `encoding` (the trims start over)."""
        try:
            found = read_source(self.source, encoding=encoding)
        except DocumentLoadError as exc:
            message = str(exc)
            if self.encoding is not None:  # show the encoding the text is still read in
                self.encoding.blockSignals(True)
                self.encoding.setCurrentText(self.found.encoding)
                self.encoding.blockSignals(False)
        else:
            self.found = replace(found, meta=self.found.meta)
            self.start, self.end = 0, len(found.text)
            message = f"Encoding: read as {encoding}, as you chose."
        if self.notes:
            self.notes[0].setText(message)
        self._show()

    def cut_before_selection(self) -> None:
        self._cut(self.start + self._selection()[0], self.end)

    def cut_after_selection(self) -> None:
        self._cut(self.start, self.start + self._selection()[1])

    def undo_trims(self) -> None:
        self._cut(0, len(self.found.text))

    def _selection(self) -> tuple[int, int]:
        """The selection in code points of the shown text (Qt counts UTF-16 units)."""
        index = Utf16Index(self.found.text[self.start:self.end])
        cursor = self.text.textCursor()
        return index.to_cp(cursor.selectionStart()), index.to_cp(cursor.selectionEnd())

    def _cut(self, start: int, end: int) -> None:
        if self.found.text[start:end].strip():
            self.start, self.end = start, end
        self._show()

    def _show(self) -> None:
        shown = self.found.text[self.start:self.end]
        if self.text.toPlainText() != shown:
            self.text.setPlainText(shown)
        trimmed = len(self.found.text) - len(shown)
        self.count.setText(f"{len(shown):,} characters" +
                           (f" ({trimmed:,} trimmed)" if trimmed else ""))
        self.reset.setEnabled(bool(trimmed))

    def result(self) -> Extracted:
        meta = self.found.meta.with_fields(
            **{name: edit.text() for name, edit in self.fields.items()})
        return replace(self.found.trimmed(self.start, self.end), meta=meta)


class ExtractionPreview(QDialog):
    """Both articles' previews in tabs; accept opens them, cancel leaves everything as it was."""

    def __init__(self, items: Sequence[tuple[str, str, Extracted]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check the extracted articles")
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        intro = QLabel("This is the text that will be aligned and annotated. Fix the details "
                       "if they are wrong, and trim anything that is not part of the article.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget()
        self.pages = [PreviewPage(label, source, found) for label, source, found in items]
        for page, (label, _source, found) in zip(self.pages, items, strict=True):
            self.tabs.addTab(page, f"{label}: {found.meta.title or found.meta.file}"[:60])
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Open and align")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def results(self) -> list[Extracted]:
        return [page.result() for page in self.pages]


def _escape(value: str) -> str:
    from html import escape

    return escape(value)
