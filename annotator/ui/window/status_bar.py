"""A status bar whose temporary messages never run into the counters on its right.

QStatusBar draws a message clipped at the first permanent widget, flush against it and cut
mid-word, so in a 1024-pixel window "…at the curs4 links · 3 to review" read as one string.
Here the message keeps a gap before the counters and is elided with "…" (the full text is
the bar's tooltip while it is cut), and counters marked as yielding (coverage, claim counts:
overview figures, not the state being acted on) step aside while a temporary message (one
shown with a timeout: what a key just did) would not fit, and come back when it goes. A
message without a timeout (the selected link's, which stays while a link is selected) and
the menus' status tips are only elided: the counters would otherwise be gone for good, or
jump about as the pointer moves over a menu.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
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
        self._timed = False  # inside showMessage with a timeout
        self._yield = False  # the message showing may make counters yield
        self._busy = False  # inside _make_room: the counters' moves are its own
        # a counter changing width or coming and going (the progress bar when an alignment
        # ends under a message) asks again, once
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(0)
        self._recheck.timeout.connect(self._make_room)
        self.messageChanged.connect(lambda _text: self._on_message())

    def add_counter(self, widget: QWidget, yields: bool = False) -> None:
        """A permanent widget on the right; `yields`: it may hide while a message needs room."""
        self.addPermanentWidget(widget)
        widget.installEventFilter(self)
        if yields:
            self._yielding.append(widget)

    def add_counters(self, widgets: Iterable[QWidget], yielding: Iterable[QWidget] = ()) -> None:
        """Several counters, left to right; those also in `yielding` may step aside."""
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
    def showMessage(self, message: str, timeout: int | None = 0) -> None:
        """QStatusBar.showMessage, noting whether the message is temporary (Python callers;
        Qt's own, the status tips, come without a timeout)."""
        self._timed = bool(timeout and timeout > 0)
        try:
            super().showMessage(message, timeout or 0)
        finally:
            self._timed = False

    def _on_message(self) -> None:
        """A new message (or none): only a timed one may make counters yield."""
        self._yield = self._timed
        self._make_room()

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
        self._busy = True
        try:
            for widget in self._hidden:
                widget.show()
            self._hidden = []
            if self.currentMessage() and self._yield:
                for widget in self._yielding:
                    self._lay_out()
                    if self._fits():
                        break
                    if widget.isVisible():
                        widget.hide()
                        self._hidden.append(widget)
            self._lay_out()
        finally:
            self._busy = False
        self.setToolTip("" if self._fits() else self.currentMessage())
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A counter grew, shrank, showed or hid: the room for the message changed too."""
        if (event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)
                and not self._busy
                and (self._hidden or (self._yield and self.currentMessage()))):
            self._recheck.start()
        return super().eventFilter(watched, event)

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
