"""The line that follows the pointer while a claim is Ctrl+dragged to its partner.

A transparent overlay over the whole window (mouse events pass through it), so the line can
run from the claim in one article across the gutter to the pointer in the other."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget


class DragLine(QWidget):
    def __init__(self, window: QWidget, start_global: QPoint) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setGeometry(window.rect())
        self.start = self.mapFromGlobal(start_global)
        self.end = self.start
        self.show()
        self.raise_()

    def follow(self, pointer_global: QPoint) -> None:
        self.end = self.mapFromGlobal(pointer_global)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = self.palette().color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(color, 2, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(self.start, self.end)
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(self.start), 4, 4)
        painter.drawEllipse(QPointF(self.end), 3, 3)
        painter.end()
