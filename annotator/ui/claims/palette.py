"""The palette dock: the project's claim types and relations with their colours and keys.

It is the visible legend of the keyboard scheme (press 1 to tag a quote...) and a mouse
alternative to it: a type button tags the current selection, a relation button links the
marked claim to the current one. It re-reads the taxonomy whenever the project changes, so a
loaded taxonomy shows up at once.

Signals: tag_requested(type_id), link_requested(relation_id), load_requested().
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annotator.core import Taxonomy

from ..session import Session
from .panel import swatch


def relation_key(shortcut: str) -> str:
    """Relations are typed with Shift+their key, so bare keys stay free for navigation."""
    return f"Shift+{shortcut}" if shortcut and "+" not in shortcut else shortcut


class TaxonomyPalette(QWidget):
    tag_requested = Signal(str)
    link_requested = Signal(str)
    load_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.content = QWidget()
        self.buttons: dict[str, QPushButton] = {}
        load = QPushButton("Load taxonomy…")
        load.setToolTip("Replace the claim types and relations with those of a taxonomy file; "
                        "the taxonomy is saved inside the project")
        load.clicked.connect(self.load_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.content)
        layout.addWidget(load)
        layout.addStretch(1)
        self.keys: dict[str, str] = {}
        self._shown: tuple[object, dict[str, str]] | None = None
        self.refresh()

    def refresh(self, keys: dict[str, str] | None = None) -> None:
        """Rebuild the buttons from the current project's taxonomy; `keys` maps "tag:<id>" /
        "link:<id>" to the key actually bound (the owner decides: a key that another command
        uses stays unbound)."""
        if keys is not None:
            self.keys = keys
        project = self.session.project
        shown = (project.taxonomy if project is not None else None, dict(self.keys))
        if shown == self._shown:
            return  # same taxonomy, same keys (a new pair): keep the buttons, skip ~40 widgets
        self._shown = shown
        self.buttons.clear()
        content = QWidget()
        if project is None:
            self.title.setText("No project open")
        else:
            self._fill(content, project.taxonomy)
        old = self.content
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.replaceWidget(old, content)
        old.hide()
        old.deleteLater()
        self.content = content

    def _fill(self, content: QWidget, taxonomy: Taxonomy) -> None:
        self.title.setText(f"Taxonomy: {taxonomy.name} (version {taxonomy.version})")
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(0)
        grid.addWidget(QLabel("<b>Tag the selection</b>"), 0, 0, 1, 3)
        row = 1
        for ct in taxonomy.claim_types:
            self._row(grid, row, QColor(ct.color), ct.label, self.keys.get(f"tag:{ct.id}", ""),
                      ct.description, f"type:{ct.id}", partial(self.tag_requested.emit, ct.id))
            row += 1
        grid.addWidget(QLabel("<b>Link marked claim → current</b>"), row, 0, 1, 3)
        row += 1
        for rel in taxonomy.relations:
            self._row(grid, row, QColor(rel.color), rel.label,
                      self.keys.get(f"link:{rel.id}", ""), rel.description, f"relation:{rel.id}",
                      partial(self.link_requested.emit, rel.id))
            row += 1

    def _row(self, grid: QGridLayout, row: int, color: QColor, label: str, key: str,
             description: str, name: str, slot: Callable[[], object]) -> None:
        chip = QLabel()
        chip.setPixmap(swatch(color, 14))
        button = QPushButton(label)
        button.setFlat(True)
        button.setStyleSheet("text-align: left; padding: 2px 4px;")
        button.setToolTip(description or label)
        button.setAccessibleName(f"{label} ({key})" if key else label)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(lambda _c=False: slot())
        keycap = QLabel(key)
        keycap.setStyleSheet("border: 1px solid palette(mid); border-radius: 3px;"
                             "padding: 0 4px; font-family: monospace;")
        grid.addWidget(chip, row, 0)
        grid.addWidget(button, row, 1)
        grid.addWidget(keycap, row, 2, Qt.AlignmentFlag.AlignRight)
        if not key:
            keycap.hide()  # only after it has a parent: a parentless show() makes a window
        self.buttons[name] = button
