"""The reading text's size, for both panes at once: Ctrl+wheel, Ctrl+plus/minus/0, remembered.

Both panes always share one size, so aligned passages stay comparable and the link map's
bands still meet the text; the size is kept in QSettings for the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from ..theme import reading_font
from .text_pane import TextPane

DEFAULT_POINTS = 11.5
MIN_POINTS, MAX_POINTS = 7.0, 32.0
STEP = 1.0
SETTINGS_KEY = "view/fontPoints"


class Zoom(QObject):
    changed = Signal(float)  # the new size in points, after both panes took it

    def __init__(self, panes: tuple[TextPane, TextPane], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panes = panes
        self.points = DEFAULT_POINTS
        for pane in panes:
            pane.zoom_requested.connect(self.step)
        self.set_points(_stored_points(), remember=False)

    def step(self, steps: int) -> None:
        """Larger (steps > 0) or smaller text by whole points."""
        self.set_points(self.points + steps * STEP)

    def zoom_in(self) -> None:
        self.step(1)

    def zoom_out(self) -> None:
        self.step(-1)

    def reset(self) -> None:
        self.set_points(DEFAULT_POINTS)

    def set_points(self, points: float, remember: bool = True) -> None:
        points = max(MIN_POINTS, min(MAX_POINTS, round(points * 2) / 2))
        font = reading_font(points)
        for pane in self.panes:
            pane.set_reading_font(font)
        changed = points != self.points
        self.points = points
        if remember:
            QSettings().setValue(SETTINGS_KEY, points)
        if changed:
            self.changed.emit(points)


def _stored_points() -> float:
    try:
        return float(QSettings().value(SETTINGS_KEY, DEFAULT_POINTS))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_POINTS
