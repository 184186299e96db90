"""An overview strip beside each article (as in Meld): the whole text at a glance, with its
linked passages in their score colour, passages with no partner in grey (violet-grey once
marked reviewed), claims as marks in their type's colour, and the part in view framed. A click
scrolls the article there."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from annotator.core import LinkStatus
from annotator.core.reviewed import split_reviewed

from ..session import Session
from ..theme import colors_for
from .text_pane import TextPane

WIDTH = 14


class OverviewStrip(QWidget):
    def __init__(self, session: Session, pane: TextPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.pane = session, pane
        self.setFixedWidth(WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"Overview of article {pane.side}: linked passages in colour, passages "
                        "with no partner in grey (violet-grey once reviewed), claims as marks "
                        "on the outer edge; click to go")
        self.setAccessibleName(f"Overview of article {pane.side}")
        self._cache: tuple[tuple[object, ...], QPixmap] | None = None
        for signal in (session.links_changed, session.claims_changed, session.reviewed_changed):
            signal.connect(self._invalidate)
        session.project_replaced.connect(self._invalidate)
        pane.scrolled.connect(self.update)
        pane.text_replaced.connect(self._invalidate)

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 200)

    def _invalidate(self, *_args: object) -> None:
        self._cache = None
        self.update()

    def regions(self) -> list[tuple[str, float, float, QColor]]:
        """(kind, top, bottom, colour) with top and bottom as fractions of the text."""
        project = self.session.project
        length = len(self.pane.text())
        if project is None or not length:
            return []
        side, colors = self.pane.side, colors_for(self.palette())
        out: list[tuple[str, float, float, QColor]] = []
        doc = project.doc_a if side == "A" else project.doc_b
        todo, done = split_reviewed(self.session.unmatched(side), doc.id, project.reviewed)
        for start, end in todo:
            out.append(("unmatched", start / length, end / length, colors.muted))
        for start, end in done:
            out.append(("reviewed", start / length, end / length, colors.reviewed))
        tints: dict[float, QColor] = {}  # a strip pixel cannot show finer steps of score
        for link in self.session.link_index().links:
            if link.status is LinkStatus.REJECTED:
                continue
            score = round(link.score, 2)
            tint = tints.get(score)
            if tint is None:
                tint = tints[score] = colors.link_tint(score, LinkStatus.ACCEPTED)
            for span in (link.a if side == "A" else link.b):
                out.append(("link", span.start / length, span.end / length, tint))
        for claim in project.claims.values():
            if claim.doc == doc.id:
                ct = project.taxonomy.claim_type(claim.type)
                out.append(("claim", claim.start / length, claim.end / length,
                            QColor(ct.color if ct is not None else "#888888")))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        key = (self.height(), self.width(), self.palette().cacheKey(), self.devicePixelRatioF())
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self._render())
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache[1])
        bar = self.pane.verticalScrollBar()
        total = bar.maximum() - bar.minimum() + bar.pageStep()
        if total > 0 and self.session.project is not None:
            top = (bar.value() - bar.minimum()) / total * self.height()
            box = QRectF(0.5, top + 0.5, self.width() - 1.0,
                         max(6.0, bar.pageStep() / total * self.height()) - 1.0)
            painter.setPen(colors_for(self.palette()).text)
            painter.drawRect(box)
        painter.end()

    def _render(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        colors = colors_for(self.palette())
        pixmap.fill(colors.gutter_bg)
        painter = QPainter(pixmap)
        height, width = float(self.height()), float(self.width())
        solids: dict[tuple[str, int], QColor] = {}  # regions share their colour objects
        drawn = None
        for kind, top, bottom, color in self.regions():
            y0, y1 = top * height, max(bottom * height, top * height + 1.0)
            if kind == "claim":
                painter.fillRect(QRectF(width - 4, y0, 4, y1 - y0), color)
                continue
            pixels = (kind, id(color), int(y0), int(y1))
            if pixels == drawn:  # a long text puts many short links on one pixel row
                continue
            drawn = pixels
            solid = solids.get(pixels[:2])
            if solid is None:
                solid = solids[pixels[:2]] = QColor(color)
                solid.setAlpha({"link": 255, "unmatched": 90}.get(kind, 150))
            painter.fillRect(QRectF(1, y0, width - 6, y1 - y0), solid)
        painter.end()
        return pixmap

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.height() > 0:
            fraction = min(1.0, max(0.0, event.position().y() / self.height()))
            offset = round(fraction * len(self.pane.text()))
            self.pane.center_on(offset, offset)
            event.accept()
            return
        super().mousePressEvent(event)
