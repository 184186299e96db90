"""The main toolbar: the review loop's buttons, with the threshold among them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar, QWidget

SHORT_NAMES = (("open_pair", "Open"), ("prev_link", "◀ Prev"), ("next_link", "Next ▶"),
               ("accept", "✓ Accept"), ("reject", "✗ Reject"), ("link_selection", "Link"),
               ("remove_link", "Remove"), ("sync_scroll", "Sync scroll"), ("undo", "Undo"),
               ("redo", "Redo"))


def build_toolbar(acts: dict[str, QAction], threshold: QWidget) -> QToolBar:
    bar = QToolBar("Main toolbar")
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.addActions([acts["open_pair"], acts["save"]])
    bar.addSeparator()
    bar.addActions([acts["prev_link"], acts["next_link"]])
    bar.addSeparator()
    bar.addActions([acts["accept"], acts["reject"], acts["link_selection"], acts["remove_link"]])
    bar.addSeparator()
    # the threshold sits before the buttons that also have menu entries and shortcuts, so a
    # narrow window folds those away first and the threshold stays reachable
    bar.addWidget(threshold)
    bar.addSeparator()
    bar.addActions([acts["undo"], acts["redo"]])
    bar.addSeparator()
    bar.addAction(acts["sync_scroll"])
    for name, short in SHORT_NAMES:
        acts[name].setIconText(short)  # what a text-only toolbar button shows
    return bar
