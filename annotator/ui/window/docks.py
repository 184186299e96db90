"""Dock widgets the one way the main window makes them (movable, closable, in the View menu),
and the window's size and dock layout kept from one run to the next."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QScrollArea, QWidget


def add_dock(window: QMainWindow, title: str, name: str, widget: QWidget,
             area: Qt.DockWidgetArea, view_menu: QMenu | None = None) -> QDockWidget:
    """Put `widget` in a new dock of `window`; its show/hide toggle goes to `view_menu`."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)  # saveState/restoreState find docks by name
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable)
    window.addDockWidget(area, dock)
    if view_menu is not None:
        view_menu.addAction(dock.toggleViewAction())
    return dock


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area: a dock of many rows can then be short."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def restore_layout(window: QMainWindow) -> None:
    settings = QSettings()
    geometry, state = settings.value("window/geometry"), settings.value("window/state")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    if isinstance(state, QByteArray):
        window.restoreState(state)


def save_layout(window: QMainWindow) -> None:
    settings = QSettings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())


COMPACT_WIDTH = 1200  # narrower windows keep the side docks at the bottom, as tabs


class SideDocks:
    """The docks that sit beside the articles in a wide window (claim types, claim editor,
    suggested partners) and move into the bottom tabs (next to Links) in a narrow one, so
    each article keeps a readable width at 1024 pixels."""

    def __init__(self, window: QMainWindow, docks: list[QDockWidget],
                 bottom: QDockWidget) -> None:
        self.window, self.docks, self.bottom = window, docks, bottom
        self.heights = [330, 470][: len(docks)]  # in a wide window, top to bottom
        self.compact: bool | None = None

    def add(self, dock: QDockWidget, height: int) -> None:
        """One more side dock, below the others in a wide window (taking `height` pixels
        from the one above it)."""
        self.docks.append(dock)
        self.heights = [*self.heights[:-1], max(120, self.heights[-1] - height), height]
        self.compact = None
        self.fit()

    def after_restore(self) -> None:
        """A restored layout may come from a window of the other kind: read where the docks
        are, then fit them to this window's width."""
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.compact = all(self.window.dockWidgetArea(d) == bottom for d in self.docks)
        self.fit()

    def fit(self) -> None:
        compact = self.window.width() < COMPACT_WIDTH
        if compact == self.compact:
            return
        self.compact = compact
        window, right = self.window, Qt.DockWidgetArea.RightDockWidgetArea
        for dock in self.docks:
            if dock.isFloating():
                continue
            if compact:
                window.tabifyDockWidget(self.bottom, dock)
            else:
                window.addDockWidget(right, dock)
        if not compact and len(self.docks) >= 2:
            for upper, lower in zip(self.docks, self.docks[1:], strict=False):
                window.splitDockWidget(upper, lower, Qt.Orientation.Vertical)
            window.resizeDocks(self.docks, self.heights, Qt.Orientation.Vertical)
            window.resizeDocks(self.docks[1:2], [340], Qt.Orientation.Horizontal)
        self.bottom.raise_()
