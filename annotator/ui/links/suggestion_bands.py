"""Suggested partners drawn across the gutter as ghost bands.

A faint dashed ribbon from the passage to each suggested counterpart, fading with rank, with
the suggestion's key number in a badge, so "press Alt+2" needs no reading of the list. The
overlay is a transparent child of the gutter and lets every click through to the bands below.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from annotator.core import Span

from ..view.text_pane import TextPane


@dataclass(frozen=True)
class Ghost:
    """One suggestion to draw: the passage on `side`, the candidate in the other pane."""

    side: str
    passage: Span
    candidate: Span
    rank: int  # 1 = best; 0: an unmatched passage's best guess, drawn fainter, no badge


class SuggestionBands(QWidget):
    def __init__(self, gutter: QWidget, pane_a: TextPane, pane_b: TextPane) -> None:
        super().__init__(gutter)
        self.gutter = gutter
        self.panes = {"A": pane_a, "B": pane_b}
        self.ghosts: list[Ghost] = []
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        gutter.installEventFilter(self)
        for pane in self.panes.values():
            pane.scrolled.connect(self.update)
        self.setGeometry(gutter.rect())

    def show_ghosts(self, ghosts: list[Ghost]) -> None:
        self.ghosts = ghosts
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.gutter and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.setGeometry(self.gutter.rect())
            self.raise_()
        return False

    def _range(self, side: str, span: Span) -> tuple[float, float, bool]:
        """The span's top and bottom in this widget, clamped to it, and whether any of it is
        in view (scrolled away: a thin end at the top or bottom edge, pointing there)."""
        pane = self.panes[side]
        first, last = pane.visible_range()
        height = float(self.height())
        if span.end <= first:
            return 0.0, 6.0, False
        if span.start > last:
            return height - 6.0, height, False
        top, bottom = pane.span_y(span.start, span.end)
        offset = self.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, 0))).y()
        return (min(max(top + offset, 0.0), height), min(max(bottom + offset, 0.0), height),
                True)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.ghosts:
            return
        width = float(self.width())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(7.5)
        font.setBold(True)
        painter.setFont(font)
        accent = self.palette().highlight().color()
        for ghost in sorted(self.ghosts, key=lambda g: -g.rank if g.rank else -99):  # best on top
            own = self._range(ghost.side, ghost.passage)
            other = self._range("B" if ghost.side == "A" else "A", ghost.candidate)
            if not own[2]:
                continue  # the passage itself is scrolled away: nothing to point from
            (a0, a1, _), (b0, b1, _) = (own, other) if ghost.side == "A" else (other, own)
            path = QPainterPath(QPointF(0, a0))
            path.cubicTo(QPointF(width / 2, a0), QPointF(width / 2, b0), QPointF(width, b0))
            path.lineTo(QPointF(width, b1))
            path.cubicTo(QPointF(width / 2, b1), QPointF(width / 2, a1), QPointF(0, a1))
            path.closeSubpath()
            fill = QColor(accent)
            fill.setAlpha(max(18, 60 - 14 * ghost.rank) if ghost.rank else 14)
            line = QColor(accent)
            line.setAlpha(max(70, 170 - 40 * ghost.rank) if ghost.rank else 60)
            painter.setBrush(fill)
            painter.setPen(QPen(line, 1.2 if ghost.rank else 0.8, Qt.PenStyle.DashLine))
            painter.drawPath(path)
            if not ghost.rank:
                continue
            mid = QPointF(width / 2, (a0 + a1 + b0 + b1) / 4)
            badge = QRectF(mid.x() - 8, mid.y() - 8, 16, 16)
            painter.setBrush(self.palette().base().color())
            painter.setPen(QPen(line, 1.2))
            painter.drawEllipse(badge)
            painter.setPen(self.palette().text().color())
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(ghost.rank))
        painter.end()
