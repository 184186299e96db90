"""Ctrl+] in the window: a link cannot take the next sentence while another link holds it;
the status bar names that link and the merge key (QA, issue 13 defect 3)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from annotator.core.edits import LINK
from annotator.ui.main_window import MainWindow
from tests.ui.test_comparison_window import small_window


def test_ctrl_bracket_over_the_next_links_sentence_is_refused(
        qtbot: QtBot, window: MainWindow) -> None:
    small_window(window)
    project = window.session.project
    assert project is not None
    before = dict(project.links)
    window.session.select(LINK, "l2")  # "First sentence here." then l3's "Second sentence here."
    window.view.pane_a.setFocus()
    window.actions_by_name["link_grow_end"].trigger()
    assert dict(project.links) == before
    message = window.statusBar().currentMessage()
    assert "l3" in message and "Ctrl+Shift+M" in message
