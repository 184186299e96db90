"""A note on a link from the Links list: typed into the Note cell like a user (double-click,
type, Enter), undone with Ctrl+Z, and written with Ctrl+Shift+N's dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from annotator.core.edits import LINK
from annotator.ui.links.link_list import NOTE_COL
from tests.ui.claim_helpers import key, open_sample, open_window


def test_note_typed_in_the_links_list_and_undone(qtbot: QtBot) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    session, links = window.session, window.link_list
    link_id = links.visible_ids()[0]
    index = links.proxy.index(0, NOTE_COL)
    table = links.table
    table.scrollTo(index)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "double-clicking the Note cell opens an editor"
    qtbot.keyClicks(editor, "wire copy says 58")
    key(qtbot, editor, Qt.Key.Key_Return)
    assert session.project is not None
    assert session.project.links[link_id].note == "wire copy says 58"
    assert links.proxy.index(links.visible_ids().index(link_id), NOTE_COL).data() == (
        "wire copy says 58")
    session.undo_stack.undo()
    assert session.project.links[link_id].note == ""


def test_shift_n_writes_a_note_on_the_selected_link(qtbot: QtBot) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    session = window.session
    link = session.links_in_order()[0]
    session.select(LINK, link.id)

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QInputDialog) and w.isVisible())
        dialog.setTextValue("check the quote")
        dialog.accept()

    QTimer.singleShot(200, answer)
    window.view.pane_a.setFocus()
    key(qtbot, window.view.pane_a, Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.project is not None
    assert session.project.links[link.id].note == "check the quote"
    assert session.project.links[link.id].status is link.status
