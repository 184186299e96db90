"""Editing a claim's attributes and relations with the keyboard keeps the focus in the field
being edited. The editor builds those fields anew after each edit; the focus used to go
nowhere, so the next key fell through to the window's shortcuts."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core import edits
from annotator.ui.main_window import MainWindow
from tests.ui.claim_helpers import find, open_sample, open_window


def _attribution(qtbot: QtBot) -> tuple[MainWindow, str]:
    """A window with an attribution claim (free-text source, listed source kind) selected."""
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    project = window.session.project
    assert project is not None
    start, end = find(project.doc_b.text, "Vladimir Rouvinski")
    claim_id = window.session.edit(edits.add_claim, "B", start, end, "attribution")
    window.session.select("claim", claim_id)
    QApplication.processEvents()
    return window, claim_id


def test_an_attribute_picked_with_the_arrow_keys_keeps_the_focus(qtbot: QtBot) -> None:
    window, claim_id = _attribution(qtbot)
    editor = window.claims.editor
    combo = editor.attr_widgets["sourceKind"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    QApplication.processEvents()
    claims = window.session.project.claims  # type: ignore[union-attr]
    assert claims[claim_id].attrs.get("sourceKind")  # the edit happened
    assert QApplication.focusWidget() is editor.attr_widgets["sourceKind"]
    count = len(claims)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)  # the combo's, not "tag as 2"
    assert len(window.session.project.claims) == count  # type: ignore[union-attr]


def test_tab_out_of_a_free_text_attribute_lands_on_the_next_field(qtbot: QtBot) -> None:
    window, claim_id = _attribution(qtbot)
    editor = window.claims.editor
    line = editor.attr_widgets["source"]
    line.setFocus()
    qtbot.keyClicks(line, "Rouvinski")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert window.session.project.claims[claim_id].attrs["source"] == "Rouvinski"  # type: ignore[union-attr]
    assert QApplication.focusWidget() is editor.attr_widgets["sourceKind"]


def test_a_relation_changed_with_the_arrow_keys_keeps_the_focus(qtbot: QtBot) -> None:
    window, claim_id = _attribution(qtbot)
    project = window.session.project
    assert project is not None
    start, end = find(project.doc_a.text, "Professor Vladimir Rouvinski")
    other = window.session.edit(edits.add_claim, "A", start, end, "attribution")
    link_id = window.session.edit(edits.link_claims, other, claim_id, "same")
    window.session.select("claim", claim_id)
    QApplication.processEvents()
    editor = window.claims.editor
    editor.relation_widgets[link_id].setFocus()
    qtbot.keyClick(editor.relation_widgets[link_id], Qt.Key.Key_Down)
    QApplication.processEvents()
    assert project.claim_links[link_id].relation != "same"
    assert QApplication.focusWidget() is editor.relation_widgets[link_id]


def test_an_attribute_field_outlives_its_own_edit(qtbot: QtBot) -> None:
    """Enter in a free-text attribute applies it from the field's own editingFinished; the
    editor then rebuilds its fields. Deleting the field right there (inside its key event)
    crashed the app now and then; it must be deleted only once the event loop is back."""
    window, claim_id = _attribution(qtbot)
    line = window.claims.editor.attr_widgets["source"]
    alive_after_edit: list[bool] = []
    line.editingFinished.connect(lambda: alive_after_edit.append(shiboken6.isValid(line)))
    line.setFocus()
    qtbot.keyClicks(line, "Rouvinski")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert window.session.project.claims[claim_id].attrs["source"] == "Rouvinski"  # type: ignore[union-attr]
    assert alive_after_edit and all(alive_after_edit)
