"""The view's window actions: find (Ctrl+F, F3, Shift+F3) and zoom (Ctrl++, Ctrl+-, Ctrl+0)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence

from .comparison_view import ComparisonView

ActionMaker = Callable[..., QAction]


def add_view_actions(a: ActionMaker, view: ComparisonView) -> None:
    """`a(name, text, slot, shortcut, tip)` is the window's action factory."""
    find, zoom = view.find_bar, view.zoom
    a("find", "&Find…", find.open, "Ctrl+F", "Find text in the articles")
    a("find_next", "Find &Next", lambda: find.step(1), "F3")
    a("find_prev", "Find Pre&vious", lambda: find.step(-1), "Shift+F3")
    bigger = a("zoom_in", "Zoom &In", zoom.zoom_in, "Ctrl++", "Larger text")
    bigger.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
    a("zoom_out", "Zoom &Out", zoom.zoom_out, "Ctrl+-", "Smaller text")
    a("zoom_reset", "&Actual Size", zoom.reset, "Ctrl+0", "Text at its usual size")
