"""A status bar whose temporary messages never run into the counters on its right.

QStatusBar draws a message clipped at the first permanent widget, flush against it and cut
mid-word, so in a 1024-pixel window "…at the curs4 links · 3 to review" read as one string.
Here the message keeps a gap before the counters and is elided with "…" (the full text is
the bar's tooltip while it is cut), and counters marked as yielding (coverage, claim counts:
overview figures, not the state being acted on) step aside while a message that would not fit
shows, and come back when it goes.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QStyle, QStyleOption, QWidget

GAP = 16  # pixels between the end of a message and the first counter
LEFT = 6  # QStatusBar's own indent of a message


class MessageBar(QStatusBar):
    """QStatusBar with elided messages and counters that can yield to them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._yielding: list[QWidget] = []  # may hide while a long message shows, in order
        self._hidden: list[QWidget] = []  # those hidden for the message now showing
        self.messageChanged.connect(lambda _text: self._make_room())

    def add_counter(self, widget: QWidget, yields: bool = False) -> None:
        """A permanent widget on the right; `yields`: it may hide while a message needs room."""
        self.addPermanentWidget(widget)
        if yields:
            self._yielding.append(widget)

    def add_counters(self, widgets: Iterable[QWidget], yielding: Iterable[QWidget] = ()) -> None:
        keep = set(map(id, yielding))
        for widget in widgets:
            self.add_counter(widget, id(widget) in keep)

    # --- geometry ----------------------------------------------------------------------
    def counters(self) -> list[QWidget]:
        """The widgets shown on the bar now (permanent ones; the size grip aside)."""
        return [w for w in self.findChildren(QWidget, options=Qt.FindChildOption
                                             .FindDirectChildrenOnly)
                if w.isVisible() and not isinstance(w, QSizeGrip)]

    def message_rect(self) -> QRect:
        """Where a message may be drawn: from the indent to a gap before the first counter."""
        shown = self.counters()
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            left = max((w.geometry().right() + 1 + GAP for w in shown), default=12)
            return QRect(left, 0, max(0, self.width() - LEFT - left), self.height())
        right = min((w.x() - GAP for w in shown), default=self.width() - 12)
        return QRect(LEFT, 0, max(0, right - LEFT), self.height())

    def shown_message(self) -> str:
        """The message as drawn: elided to the free width."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight,
                                             self.message_rect().width())

    def message_text_rect(self) -> QRect:
        """The rectangle the drawn message covers (empty without a message)."""
        text = self.shown_message()
        if not text:
            return QRect()
        free = self.message_rect()
        width = self.fontMetrics().horizontalAdvance(text)
        x = free.right() + 1 - width if self.isRightToLeft() else free.x()
        return QRect(x, free.y(), width, free.height())

    # --- making room -------------------------------------------------------------------
    def _fits(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.currentMessage()) \
            <= self.message_rect().width()

    def _lay_out(self) -> None:
        """Place the counters now, so their geometry tells how much room is left."""
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def _make_room(self) -> None:
        """Give back what yielded, then hide yielding counters (in order) until the message
        fits or none is left; the tooltip holds the whole message while it is elided."""
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if self.currentMessage():
            for widget in self._yielding:
                self._lay_out()
                if self._fits():
                    break
                if widget.isVisible():
                    widget.hide()
                    self._hidden.append(widget)
            self._lay_out()
        self.setToolTip("" if self._fits() else self.currentMessage())
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.currentMessage():
            self._make_room()

    def paintEvent(self, event: QPaintEvent) -> None:
        """QStatusBar's painting (panel, counter frames), with the message elided."""
        painter = QPainter(self)
        style = self.style()
        option = QStyleOption()
        option.initFrom(self)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self.counters():
            frame = QStyleOption()
            frame.rect = widget.geometry().adjusted(-2, -1, 2, 1)
            frame.palette = self.palette()
            frame.state = QStyle.StateFlag.State_None
            if event.rect().intersects(frame.rect):
                style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame,
                                    painter, widget)
        text = self.shown_message()
        if text:
            painter.setPen(self.palette().windowText().color())
            painter.drawText(self.message_rect(), Qt.AlignmentFlag.AlignLeading
                             | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine, text)
        painter.end()
