"""The band painter between the two panes (Meld's linkmap, redrawn for prose).

It holds no state of its own: each paint asks the session for the links and each pane for
what is visible and where a span sits, then draws. A band joins a passage of A to its partner
in B, coloured by score; status changes the style (proposed: light fill, dashed edge;
accepted: solid; manual: solid with hatching; rejected: dotted outline only), so status
never depends on colour alone. A link whose other end is scrolled away is drawn as a stub at
the visible side with an arrow towards its partner.

Signals:
    link_clicked(str): a band or stub was clicked; the argument is the link id.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QToolTip, QWidget

from annotator.core import AlignmentLink, LinkStatus
from annotator.core.queries.evidence import describe, link_evidence
from annotator.core.queries.links import score_label

from ..session import Session
from ..theme import Colors, colors_for
from .text_pane import TextPane

STUB = 14  # width of a stub for a link whose partner is off-screen
_ORDER = {LinkStatus.REJECTED: 0, LinkStatus.PROPOSED: 1, LinkStatus.ACCEPTED: 2,
          LinkStatus.MANUAL: 3}


@dataclass(frozen=True)
class Band:
    """One painted shape: the link it stands for, its outline, and whether it is a stub."""

    link: AlignmentLink
    path: QPainterPath
    stub: str = ""  # "" for a full band, "A" or "B" for the side the stub sits on
    towards: int = 0  # for stubs: -1 partner is above, +1 below


def _extent(spans: tuple) -> tuple[int, int]:  # type: ignore[type-arg]
    return min(s.start for s in spans), max(s.end for s in spans)


class LinkGutter(QWidget):
    link_clicked = Signal(str)

    def __init__(self, session: Session, pane_a: TextPane, pane_b: TextPane,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.panes = (pane_a, pane_b)
        self.setMinimumWidth(48)
        self.setAccessibleName("Link map")
        self.setAccessibleDescription(
            "Bands joining linked passages of the two documents; the Links list holds the same "
            "information for keyboard and screen-reader use.")
        self.setMouseTracking(True)
        self.painted: list[tuple[str, str]] = []  # (link id, stub side) of the last paint
        self._bands: tuple[tuple[object, ...], list[Band]] | None = None
        self._frame: tuple[tuple[object, ...], QPixmap] | None = None  # the last paint
        self._styles: tuple[tuple[object, ...], dict[object, tuple[QColor, QPen]]] | None = None
        for pane in self.panes:
            pane.scrolled.connect(self.update)
        session.links_changed.connect(self.update)
        session.current_changed.connect(self.update)
        session.project_replaced.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(64, 400)

    def colors(self) -> Colors:
        return colors_for(self.palette())

    # --- geometry ----------------------------------------------------------------------
    def _offset(self, pane: TextPane) -> float:
        """Gutter y of the pane viewport's top edge."""
        return float(self.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, 0))).y())

    def bands(self) -> list[Band]:
        """Everything to paint, bottom to top; also used for hit-testing clicks."""
        if self.session.project is None:
            return []
        pane_a, pane_b = self.panes
        off_a, off_b = self._offset(pane_a), self._offset(pane_b)
        height, width = float(self.height()), float(self.width())
        current = self.session.current_link()
        index = self.session.link_index()
        # a frame asks twice (paint, then hover or a second paint): same view, same bands
        key = (index, current, off_a, off_b, height, width,
               *((p.verticalScrollBar().value(), p.viewport().size().toTuple(),
                  p.document().revision(), p.font().pointSizeF()) for p in self.panes))
        if self._bands is not None and self._bands[0] == key:
            return self._bands[1]
        va, vb = pane_a.visible_range(), pane_b.visible_range()
        # only links with a side in view: a bisection each way, not a walk over every link
        links = sorted(index.visible(va, vb),
                       key=lambda lk: (lk is current, _ORDER[lk.status]))
        out: list[Band] = []
        for link in links:
            a0, a1 = _extent(link.a)
            b0, b1 = _extent(link.b)
            a_vis = a1 > va[0] and a0 <= va[1]
            b_vis = b1 > vb[0] and b0 <= vb[1]
            if not a_vis and not b_vis:
                continue
            if a_vis:
                ta, ba = pane_a.span_y(a0, a1)
                ta, ba = ta + off_a, ba + off_a
            if b_vis:
                tb, bb = pane_b.span_y(b0, b1)
                tb, bb = tb + off_b, bb + off_b
            if a_vis and b_vis:
                out.append(Band(link, _band_path(ta, ba, tb, bb, width)))
            elif a_vis:
                towards = -1 if b1 <= vb[0] else 1
                out.append(Band(link, _stub_path(ta, ba, 0.0, height), "A", towards))
            else:
                towards = -1 if a1 <= va[0] else 1
                out.append(Band(link, _stub_path(tb, bb, width - STUB, height), "B", towards))
        self._bands = (key, out)
        return out

    def band_at(self, point: QPointF) -> Band | None:
        for band in reversed(self.bands()):
            if band.path.contains(point):
                return band
        return None

    # --- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        bands = self.bands()
        # a view that did not move (a second paint in the frame, a hover) is one blit
        key = (self._bands[0] if self._bands else None, self.palette().cacheKey(),
               self.devicePixelRatioF())
        if self._frame is None or self._frame[0] != key or self.session.project is None:
            ratio = self.devicePixelRatioF()
            size = self.size() * ratio
            # the last frame's pixmap is painted over whole, so it can be reused
            pixmap = self._frame[1] if self._frame and self._frame[1].size() == size else None
            if pixmap is None:
                pixmap = QPixmap(size)
                pixmap.setDevicePixelRatio(ratio)
            colors = self.colors()
            if self._styles is None or self._styles[0] != key[1:]:
                self._styles = (key[1:], {})
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), colors.gutter_bg)
            current = self.session.current_link()
            for band in bands:
                self._paint_band(painter, band, colors, band.link is current)
            painter.end()
            self._frame = (key, pixmap)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._frame[1])
        painter.end()
        self.painted = [(b.link.id, b.stub) for b in bands]

    def _style(self, link: AlignmentLink, colors: Colors, selected: bool) -> tuple[QColor, QPen]:
        """Fill and edge pen of a proposed, accepted or manual band (one per score and status,
        kept while the palette stays: a frame paints a few dozen bands)."""
        assert self._styles is not None
        key = (link.score, link.status, selected)
        found = self._styles[1].get(key)
        if found is None:
            found = self._styles[1][key] = colors.link_band(link.score, link.status, selected)
        return found

    def _paint_band(self, painter: QPainter, band: Band, colors: Colors, selected: bool) -> None:
        link = band.link
        status = link.status
        if status is LinkStatus.REJECTED:
            painter.setPen(colors.rejected_pen())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(band.path)
        else:
            fill, edge = self._style(link, colors, selected)
            if status is LinkStatus.MANUAL:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawPath(band.path)
                painter.setBrush(colors.manual_hatch())
                painter.setOpacity(0.35)
                painter.drawPath(band.path)
                painter.setOpacity(1.0)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setBrush(fill)  # fill, then edge: one call draws both, in that order
            painter.setPen(edge)
            painter.drawPath(band.path)
        if selected:
            painter.setPen(colors.selected_pen())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(band.path)
        if band.stub:
            self._paint_arrow(painter, band, colors)

    def _paint_arrow(self, painter: QPainter, band: Band, colors: Colors) -> None:
        rect = band.path.boundingRect()
        x = rect.center().x()
        y = rect.top() + 7 if band.towards < 0 else rect.bottom() - 7
        tip = -4 if band.towards < 0 else 4
        arrow = QPainterPath()
        arrow.moveTo(x - 4, y - tip / 2)
        arrow.lineTo(x, y + tip / 2)
        arrow.lineTo(x + 4, y - tip / 2)
        painter.setPen(QPen(colors.text, 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(arrow)

    # --- interaction -------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            band = self.band_at(event.position())
            if band is not None:
                self.link_clicked.emit(band.link.id)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.band_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            band = self.band_at(QPointF(event.pos()))
            if band is None:
                QToolTip.hideText()
            else:
                link = band.link
                where = {"A": " — partner in B is off-screen", "B": " — partner in A is off-screen"}
                score = f"{label}, " if (label := score_label(link)) else ""
                project = self.session.project
                per_sentence = describe(project, link_evidence(project, link)) if project else ""
                QToolTip.showText(event.globalPos(),
                                  f"Link {link.id}: {score}{link.status.value}"
                                  f"{where.get(band.stub, '')}"
                                  + (f"\n\n{per_sentence}" if per_sentence else ""), self)
            return True
        return super().event(event)


def _band_path(ta: float, ba: float, tb: float, bb: float, width: float) -> QPainterPath:
    """A closed band from A's range (left edge) to B's (right edge), with Bézier sides."""
    mid = width / 2
    path = QPainterPath(QPointF(0, ta))
    path.cubicTo(QPointF(mid, ta), QPointF(mid, tb), QPointF(width, tb))
    path.lineTo(QPointF(width, bb))
    path.cubicTo(QPointF(mid, bb), QPointF(mid, ba), QPointF(0, ba))
    path.closeSubpath()
    return path


def _stub_path(top: float, bottom: float, x: float, height: float) -> QPainterPath:
    top, bottom = max(top, -4.0), min(bottom, height + 4)
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, top, STUB, max(bottom - top, 16.0)), 4, 4)
    return path
