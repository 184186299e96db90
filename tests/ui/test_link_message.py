"""The status bar's line about the selected link ("Link l1 · … · proposed — green: shared
words…") stays only while that link is selected: deleting the link, or Alt+1 linking a
suggestion and moving on to the next unmatched passage, used to leave it on the bar with
nothing selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.claim_helpers import open_sample, open_window


def test_deleting_the_selected_link_takes_its_line_off_the_status_bar(qtbot: QtBot) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    window.view.pane_a.setFocus()
    qtbot.keyClick(window.view.pane_a, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    link_id = window.session.current[1]
    assert window.statusBar().currentMessage().startswith(f"Link {link_id} ·")
    qtbot.keyClick(window.view.pane_a, Qt.Key.Key_Delete)
    QApplication.processEvents()
    assert link_id not in window.session.project.links  # type: ignore[union-attr]
    assert window.session.current == ("", "")
    assert f"Link {link_id}" not in window.statusBar().currentMessage()


def test_alt1_moving_on_leaves_no_line_about_the_new_link(qtbot: QtBot) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    qtbot.waitUntil(lambda: window.suggestions.table is not None, timeout=30_000)
    pane = window.view.pane_a
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_U)
    before = set(window.session.project.links)  # type: ignore[union-attr]
    qtbot.keyClick(pane, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()
    added = set(window.session.project.links) - before  # type: ignore[union-attr]
    assert len(added) == 1 and window.session.current_link() is None  # moved on
    assert not window.statusBar().currentMessage().startswith(f"Link {added.pop()} ·")


def test_a_message_that_replaced_the_line_keeps_its_time(qtbot: QtBot) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    session = window.session
    session.select("link", session.links_in_order()[0].id)
    window.say("Something a key just did", 60000)
    session.select("", "")
    assert window.statusBar().currentMessage() == "Something a key just did"
