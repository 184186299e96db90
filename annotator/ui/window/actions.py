"""Building a window action the one way the app does it (shortcut, tooltip and status tip),
and keeping single-key shortcuts out of editor fields.

Actions are added to a widget (the main window) so their shortcuts work wherever the focus is
inside it, except where the user is typing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

Shortcut = QKeySequence | QKeySequence.StandardKey | str


def make_action(owner: QWidget, text: str, slot: Callable[[], object],
                shortcut: Shortcut | None = None, tip: str = "",
                checkable: bool = False) -> QAction:
    """An action on `owner` that calls `slot`; its tooltip names the shortcut."""
    action = QAction(text, owner)
    if shortcut is not None and shortcut != "":
        action.setShortcut(QKeySequence(shortcut))
    label = text.replace("&", "").rstrip("…")
    keys = action.shortcut().toString()
    action.setToolTip(f"{tip or label}" + (f" ({keys})" if keys else ""))
    action.setStatusTip(tip or label)
    action.setCheckable(checkable)
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


EDITING_KEYS = frozenset({
    Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left,
    Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
    Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape})
FIELDS = (QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit)


def is_editor_field(widget: QWidget | None) -> bool:
    """A widget the user types into or picks from: a line, spin box, combo or editable text."""
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, FIELDS)


class FieldKeyGuard(QObject):
    """Keeps the window's single-key shortcuts (A, R, M, 1-6, Delete...) away from editor
    fields: while a field has the focus, a key without Ctrl/Alt/Meta is the field's, so
    typing into a combo box or a spin box never tags, accepts or deletes anything."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and isinstance(watched, QWidget) and is_editor_field(watched)
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.AltModifier
                                             | Qt.KeyboardModifier.MetaModifier)
                and ((event.text().isprintable() and event.text() != "")
                     or Qt.Key(event.key()) in EDITING_KEYS)):
            event.accept()  # "the widget wants this key": no shortcut fires
            return True
        return False


def guard_editor_fields(app: QCoreApplication) -> FieldKeyGuard:
    """Install the one guard on the application (idempotent)."""
    guard = app.findChild(FieldKeyGuard)
    if guard is None:
        guard = FieldKeyGuard(app)
        app.installEventFilter(guard)
    return guard
