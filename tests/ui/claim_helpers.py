"""Helpers for the claim UI tests: a real, active main window on the sample pair, and small
steps that act like a user (select text, press keys, click on a claim). Settings live in a
temporary folder through tests/ui/conftest.py."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.recovery import RecoveryStore
from annotator.ui.claims.controller import ClaimController
from annotator.ui.main_window import MainWindow
from annotator.ui.view.text_pane import TextPane
from tests.conftest import SAMPLE_A, SAMPLE_B


def claim_tools(window: MainWindow) -> ClaimController:
    return window.claims


def open_window(qtbot: QtBot, store: RecoveryStore | None = None) -> tuple[MainWindow,
                                                                            ClaimController]:
    window = MainWindow()
    qtbot.addWidget(window)
    tools = claim_tools(window)
    window.resize(1360, 860)
    window.show()
    window.activateWindow()  # window shortcuts need an active window, offscreen too
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, tools


def open_sample(qtbot: QtBot, window: MainWindow) -> None:
    assert window.open_pair(SAMPLE_A, SAMPLE_B)
    qtbot.waitUntil(lambda: not window.session.aligning and bool(
        window.session.project and window.session.project.links), timeout=20000)


def find(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def select(pane: TextPane, start: int, end: int) -> None:
    """Select like a user would (then the pane has the focus)."""
    pane.center_on(start, end)
    pane.select_span(start, end)
    pane.setFocus()
    QApplication.processEvents()


def point_of(pane: TextPane, offset: int) -> QPoint:
    cursor = pane.textCursor()
    cursor.setPosition(pane.qt_pos(offset))
    rect = pane.cursorRect(cursor)
    return QPoint(rect.right() + 3, rect.center().y())


def click_at(qtbot: QtBot, pane: TextPane, offset: int) -> None:
    pane.center_on(offset, offset + 1)
    QApplication.processEvents()
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, offset))


def key(qtbot: QtBot, widget: object, key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)  # type: ignore[arg-type]
    QApplication.processEvents()
