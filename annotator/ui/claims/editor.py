"""The claim editor dock: type, attributes, note, boundaries and links of the current claim.

It shows whatever claim the session has selected and turns each finished edit (a combo
choice, Enter or leaving a field) into one claim operation, so every change is one undo
step. Attributes with allowed values in the taxonomy get a drop-down of exactly those values;
the others are free text. A note is committed when the field loses focus or another claim
is selected, never lost.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Claim, Project, edits
from annotator.core.edits import CLAIM, Edit
from annotator.core.export.common import attribute_label
from annotator.core.queries import claims as q

from ..session import Session
from .panel import swatch

SelectionProvider = Callable[[str], "tuple[int, int] | None"]


def _combo() -> QComboBox:
    """A combo box that may be narrower than its longest item (the dock is narrow)."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


class ClaimEditor(QWidget):
    """Signals: message(str) for the status bar; jump_requested(str) to reveal a claim."""

    message = Signal(str)
    jump_requested = Signal(str)

    def __init__(self, session: Session, selection: SelectionProvider,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.selection = selection
        self.claim_id = ""
        self._loading = False
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.type_combo = _combo()
        self.type_combo.setAccessibleName("Claim type")
        self.type_combo.activated.connect(self._on_type)
        self.attrs = QFormLayout()
        self.attr_widgets: dict[str, QComboBox | QLineEdit] = {}
        self.relation_widgets: dict[str, QComboBox] = {}  # by claim link id
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Claim note")
        self.note.setPlaceholderText("A note for this claim (saved when you leave the field)")
        self.note.setFixedHeight(70)
        self.note.installEventFilter(self)
        self.start_spin, self.end_spin = QSpinBox(), QSpinBox()
        for spin, name in ((self.start_spin, "Claim start"), (self.end_spin, "Claim end")):
            spin.setAccessibleName(name)
            spin.setKeyboardTracking(False)
            spin.editingFinished.connect(self._on_bounds)
        self.use_selection = QPushButton("Use selection")
        self.use_selection.setToolTip("Move the claim to the text selected in its pane")
        self.use_selection.clicked.connect(self._on_use_selection)
        self.delete_button = QPushButton("Delete claim")
        self.delete_button.clicked.connect(self._on_delete)
        self.links_grid = QGridLayout()

        form = QFormLayout()
        form.addRow(self.header)
        form.addRow(self.quote)
        form.addRow("&Type", self.type_combo)
        form.addRow(self.attrs)
        form.addRow("N&ote", self.note)
        bounds = QHBoxLayout()
        for w in (self.start_spin, QLabel("–"), self.end_spin, self.use_selection):
            bounds.addWidget(w)
        bounds.addStretch(1)
        form.addRow("Range", bounds)
        form.addRow(QLabel("<b>Links</b>"))
        form.addRow(self.links_grid)
        form.addRow(self.delete_button)
        self.body = QWidget()
        self.body.setLayout(form)
        self.empty = QLabel("Select a claim, or select text in a pane and press a claim "
                            "type's key (1–6) to tag it.")
        self.empty.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.empty)
        column.addWidget(self.body)
        column.addStretch(1)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        session.current_changed.connect(lambda _k, _i: self.load())
        session.claims_changed.connect(self._on_items_changed)
        session.claim_links_changed.connect(lambda _ids: self.load())
        session.project_replaced.connect(self.load)
        self.load()

    # --- showing -------------------------------------------------------------------------
    def current_claim(self) -> Claim | None:
        project = self.session.project
        kind, item_id = self.session.current
        if project is None or kind != CLAIM:
            return None
        return project.claims.get(item_id)

    def _on_items_changed(self, ids: list[str]) -> None:
        if self.claim_id in ids or self.session.current[1] in ids:
            self.load()

    def load(self) -> None:
        claim = self.current_claim()
        switched = claim is None or claim.id != self.claim_id
        if switched:
            self.commit_note()  # the note typed for the previous claim belongs to it
        project = self.session.project
        self.claim_id = claim.id if claim is not None else ""
        self.body.setVisible(claim is not None)
        self.empty.setVisible(claim is None)
        if claim is None or project is None:
            return
        focused = None if switched else self._focused_field()
        self._loading = True
        try:
            self._fill(project, claim)
            if switched or not self.note.hasFocus():  # never overwrite what is being typed
                self.note.setPlainText(claim.note)
        finally:
            self._loading = False
        self._restore_focus(focused)

    def _focused_field(self) -> tuple[str, str] | None:
        """The attribute or relation field that has the keyboard focus, by name. `_fill`
        builds those widgets anew after each edit, so without this an attribute chosen with
        the arrow keys (or Tab out of a free-text one) left the focus nowhere: the next key
        went to the window's shortcuts (a digit would tag a selection in a pane)."""
        focus = QApplication.focusWidget()
        for kind, widgets in (("attr", self.attr_widgets), ("relation", self.relation_widgets)):
            for name, widget in widgets.items():
                if widget is focus:
                    return kind, name
        return None

    def _restore_focus(self, field: tuple[str, str] | None) -> None:
        if field is not None:
            kind, name = field
            widgets = self.attr_widgets if kind == "attr" else self.relation_widgets
            widget = widgets.get(name)
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, project: Project, claim: Claim) -> None:
        side = "A" if claim.doc == project.doc_a.id else "B"
        self.header.setText(f"{claim.id} in {side}, characters {claim.start}–{claim.end}")
        self.quote.setText(f"“{claim.exact}”")
        with QSignalBlocker(self.type_combo):
            self.type_combo.clear()
            for ct in project.taxonomy.claim_types:
                key = f"  ({ct.shortcut})" if ct.shortcut else ""
                self.type_combo.addItem(swatch(QColor(ct.color)), ct.label + key, ct.id)
            if self.type_combo.findData(claim.type) < 0:
                self.type_combo.addItem(edits.type_label(project.taxonomy, claim.type), claim.type)
            self.type_combo.setCurrentIndex(self.type_combo.findData(claim.type))
        self._fill_attributes(project, claim)
        chain = [self.type_combo, *self.attr_widgets.values(), self.note, self.start_spin,
                 self.end_spin, self.use_selection]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)  # the attributes come after Type, not last
        text_len = len(project.document(claim.doc).text)
        for spin, value in ((self.start_spin, claim.start), (self.end_spin, claim.end)):
            with QSignalBlocker(spin):
                spin.setRange(0, text_len)
                spin.setValue(value)
        self._fill_links(project, claim)

    def _fill_attributes(self, project: Project, claim: Claim) -> None:
        while self.attrs.rowCount():
            # not removeRow: it deletes the widgets now, and the edit that brought us here
            # may still be running in one of them (Enter or Tab out of a free-text attribute
            # is its editingFinished, sent from its key or focus-out event): deleting it
            # there crashed the app. Hidden now, deleted when the event loop is back.
            row = self.attrs.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                old = item.widget() if item is not None else None
                if old is not None:
                    old.hide()
                    old.deleteLater()
        self.attr_widgets.clear()
        ct = project.taxonomy.claim_type(claim.type)
        defs = list(ct.attributes) if ct is not None else []
        values = claim.attrs
        names = [d.name for d in defs] + [n for n in values if n not in {d.name for d in defs}]
        for name in names:
            adef = next((d for d in defs if d.name == name), None)
            label = (adef.label if adef is not None and adef.label
                     else attribute_label(project, name, claim.type))
            if adef is None:
                label += " (not in this type)"  # kept from its type before a change
            widget: QComboBox | QLineEdit
            if adef is not None and adef.values:
                combo = _combo()
                combo.addItem("(not set)", "")
                for value in adef.values:
                    combo.addItem(value, value)
                if values.get(name, "") and combo.findData(values[name]) < 0:
                    combo.addItem(f"{values[name]} (not allowed here)", values[name])
                combo.setCurrentIndex(max(0, combo.findData(values.get(name, ""))))
                combo.activated.connect(lambda _i, n=name, c=combo: self._set_attr(
                    n, str(c.currentData())))
                widget = combo
            else:
                line = QLineEdit(values.get(name, ""))
                line.setPlaceholderText("free text")
                line.editingFinished.connect(lambda n=name, w=line: self._set_attr(n, w.text()))
                widget = line
            widget.setAccessibleName(f"Attribute {label}")
            widget.setObjectName(f"attr_{name}")
            self.attr_widgets[name] = widget
            self.attrs.addRow(label, widget)

    def _fill_links(self, project: Project, claim: Claim) -> None:
        self.relation_widgets.clear()
        while self.links_grid.count():
            item = self.links_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # deleteLater waits for the event loop; never show a stray
                widget.deleteLater()
        links = q.links_of(project, claim.id)
        if not links:
            hint = QLabel("Not linked. Mark it (M), select a claim in the other article, "
                          "then press Shift+relation key.")
            hint.setWordWrap(True)
            self.links_grid.addWidget(hint, 0, 0, 1, 3)
            return
        for row, cl in enumerate(links):
            other = project.claims.get(q.partner(cl, claim.id))
            combo = _combo()
            combo.setAccessibleName(f"Relation of {cl.id}")
            for rel in project.taxonomy.relations:
                combo.addItem(swatch(QColor(rel.color)), rel.label, rel.id)
            if combo.findData(cl.relation) < 0:
                combo.addItem(edits.relation_label(project.taxonomy, cl.relation), cl.relation)
            combo.setCurrentIndex(combo.findData(cl.relation))
            self.relation_widgets[cl.id] = combo
            combo.activated.connect(lambda _i, lid=cl.id, c=combo: self._run(
                edits.set_link_relation, lid, str(c.currentData())))
            go = QPushButton(f"→ {other.id if other else '?'}")
            go.setToolTip(other.exact if other else "")
            go.setAccessibleName(f"Go to partner {other.id if other else ''}")
            go.clicked.connect(lambda _c=False, oid=(other.id if other else ""):
                               self.jump_requested.emit(oid))
            unlink = QPushButton("Unlink")
            unlink.setAccessibleName(f"Remove link {cl.id}")
            unlink.clicked.connect(lambda _c=False, lid=cl.id: self._run(
                edits.remove_claim_link, lid))
            self.links_grid.addWidget(combo, row, 0)
            self.links_grid.addWidget(go, row, 1)
            self.links_grid.addWidget(unlink, row, 2)

    # --- editing -------------------------------------------------------------------------
    def _run(self, op: Callable[..., Edit], *args: object) -> None:
        if self._loading:
            return
        try:
            self.session.edit(op, *args)
        except edits.ClaimEditError as exc:
            self.message.emit(str(exc))
            self.load()

    def _on_type(self, _index: int) -> None:
        if self.claim_id:
            self._run(edits.set_claim_type, self.claim_id, str(self.type_combo.currentData()))

    def _set_attr(self, name: str, value: str) -> None:
        if self.claim_id and not self._loading:
            claim = self.current_claim()
            if claim is not None and claim.attrs.get(name, "") != value.strip():
                self._run(edits.set_claim_attribute, self.claim_id, name, value)

    def commit_note(self) -> None:
        project = self.session.project
        if not self.claim_id or project is None or self.claim_id not in project.claims:
            return
        if project.claims[self.claim_id].note != self.note.toPlainText().strip():
            self._run(edits.set_claim_note, self.claim_id, self.note.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.commit_note()
        return False

    def _on_bounds(self) -> None:
        claim = self.current_claim()
        if claim is not None and (self.start_spin.value(), self.end_spin.value()) != (
                claim.start, claim.end):
            self._run(edits.move_claim, claim.id, self.start_spin.value(), self.end_spin.value())

    def _on_use_selection(self) -> None:
        claim = self.current_claim()
        project = self.session.project
        if claim is None or project is None:
            return
        side = "A" if claim.doc == project.doc_a.id else "B"
        span = self.selection(side)
        if span is None:
            self.message.emit(f"Select the claim's new extent in {side} first.")
            return
        self._run(edits.move_claim, claim.id, *span)

    def _on_delete(self) -> None:
        if self.claim_id:
            self._run(edits.remove_claim, self.claim_id)
