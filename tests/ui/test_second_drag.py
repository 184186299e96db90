"""A drag that starts inside a selected claim or inside the text already selected selects new
text (whole words), as in any editor, instead of dragging the old selection away or
re-selecting the claim."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core import edits
from tests.ui.claim_helpers import click_at, find, open_sample, open_window, point_of, select


def _drag(qtbot: QtBot, pane, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    viewport = pane.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point_of(pane, start))
    for step in (start + 3, (start + end) // 2, end):
        qtbot.mouseMove(viewport, point_of(pane, step))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point_of(pane, end))
    QApplication.processEvents()


def test_drag_inside_a_selection_and_inside_a_selected_claim(qtbot: QtBot) -> None:
    window, _tools = open_window(qtbot)
    open_sample(qtbot, window)
    session = window.session
    project = session.project
    assert project is not None
    text = project.doc_a.text
    start, end = find(text, "approximately 15,000 troops")
    pane = window.view.pane_a
    select(pane, start, end)  # the whole phrase is selected
    inner = find(text, "15,000 troops")
    _drag(qtbot, pane, inner[0] + 1, inner[1] - 1)
    span = pane.selected_span()
    assert span is not None and text[span[0]:span[1]] == "15,000 troops"  # a new selection
    session.edit(edits.add_claim, "A", start, end, "statistic")
    pane.clear_selection()
    session.select("", "")
    click_at(qtbot, pane, start + 3)
    assert session.current[0] == "claim"
    claim_id = session.current[1]
    click_at(qtbot, pane, start + 3)  # a second click walks out of the claim ...
    _drag(qtbot, pane, start + 1, start + 12)  # ... but a drag selects text
    span = pane.selected_span()
    assert span is not None and text[span[0]:span[1]] == "approximately"
    assert claim_id in project.claims
