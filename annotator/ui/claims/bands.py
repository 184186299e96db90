"""Claim links drawn across the gutter, over the alignment bands.

Alignment bands are wide translucent ribbons; claim links are thin curves from the middle of
one claim to the middle of its partner, in the relation's colour, with the relation's key
letter in a small badge at the centre so the relation does not depend on colour alone. A link
whose other claim is scrolled away runs dashed to the gutter's top or bottom edge. The overlay
is a transparent child of the gutter: a click on a curve selects its claim, any other click
goes on to the alignment bands.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

from annotator.core import Claim, ClaimLink, Project
from annotator.core.edits import CLAIM

from ..session import Session
from ..view.text_pane import TextPane


@dataclass(frozen=True)
class ClaimBand:
    link: ClaimLink
    ya: float
    yb: float
    clamped: bool  # one end is off-screen


def relation_badge(project: Project, relation_id: str) -> str:
    rel = project.taxonomy.relation(relation_id)
    if rel is None:
        return "?"
    key = rel.shortcut.split("+")[-1]
    return key if len(key) == 1 else rel.label[:1].upper()


class ClaimLinkOverlay(QWidget):
    def __init__(self, session: Session, gutter: QWidget, pane_a: TextPane,
                 pane_b: TextPane) -> None:
        super().__init__(gutter)
        self.session = session
        self.gutter = gutter
        self.panes = (pane_a, pane_b)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        gutter.installEventFilter(self)
        for pane in self.panes:
            pane.scrolled.connect(self.update)
        self._sorted: list[ClaimLink] | None = None  # the claim links by id, while unchanged
        # the curves as last painted: the gutter repaints (and with it this overlay) on every
        # new selection, and an unlinked claim's edit changes no curve
        self._version = 0
        self._cache: tuple[tuple[object, ...], QPixmap] | None = None
        for signal in (session.claim_links_changed, session.project_replaced,
                       session.taxonomy_changed):  # (the relations' colours and keys)
            signal.connect(self._on_links_changed)
        # a claim edit or a new selection repaints the curves only when it touches a link:
        # painting them all costs tens of milliseconds on a long, linked pair
        session.claims_changed.connect(lambda ids: self._update_if_linked(ids))
        session.current_changed.connect(self._on_current)
        self._current = ""
        self.setGeometry(gutter.rect())

    def _on_links_changed(self, _ids: object = None) -> None:
        self._sorted = None
        self._version += 1
        self.update()

    def _update_if_linked(self, ids: Iterable[str]) -> None:
        project = self.session.project
        if project is None or not project.claim_links:
            return
        ends = {end for cl in project.claim_links.values() for end in (cl.source, cl.target)}
        if not ends.isdisjoint(ids):
            self._version += 1
            self.update()

    def _on_current(self, kind: str, item_id: str) -> None:
        now = item_id if kind == CLAIM else ""
        before, self._current = self._current, now
        if now != before:
            self._update_if_linked({before, now})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.gutter and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.setGeometry(self.gutter.rect())
            self.raise_()
        if (watched is self.gutter and event.type() == QEvent.Type.MouseButtonPress
                and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton):
            return self._click(event.position())
        return False

    def path(self, band: ClaimBand) -> QPainterPath:
        width = float(self.width())
        path = QPainterPath(QPointF(0, band.ya))
        path.cubicTo(QPointF(width / 2, band.ya), QPointF(width / 2, band.yb),
                     QPointF(width, band.yb))
        return path

    def band_at(self, point: QPointF) -> ClaimBand | None:
        stroker = QPainterPathStroker()
        stroker.setWidth(9)
        for band in reversed(self.bands()):
            if stroker.createStroke(self.path(band)).contains(point):
                return band
        return None

    def _click(self, point: QPointF) -> bool:
        """A click on a curve selects its claim on the nearer side; clicks elsewhere go on
        to the alignment bands below."""
        band = self.band_at(point)
        project = self.session.project
        if band is None or project is None:
            return False
        ends = [project.claims.get(band.link.source), project.claims.get(band.link.target)]
        want = project.doc_a.id if point.x() < self.width() / 2 else project.doc_b.id
        claim = next((c for c in ends if c is not None and c.doc == want), None)
        if claim is None:
            return False
        self.session.select(CLAIM, claim.id)
        return True

    def _y(self, pane: TextPane, claim: Claim, offset: int) -> float:
        top, bottom = pane.span_y(claim.start, claim.end)
        top = min(top, bottom - 4)
        first_line_mid = top + min(bottom - top, pane.fontMetrics().lineSpacing() * 1.35) / 2
        return float(first_line_mid + offset)

    def bands(self) -> list[ClaimBand]:
        project = self.session.project
        if project is None or not project.claim_links:
            return []  # (and no visible_range lookups on every scroll of a pair without any)
        height = float(self.height())
        ranges = [pane.visible_range() for pane in self.panes]
        offsets = [self.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, 0))).y()
                   for pane in self.panes]
        if self._sorted is None:
            self._sorted = sorted(project.claim_links.values(), key=lambda cl: cl.id)
        out = []
        for link in self._sorted:
            ends = [project.claims.get(link.source), project.claims.get(link.target)]
            if ends[0] is None or ends[1] is None:
                continue
            by_doc = {c.doc: c for c in ends if c is not None}
            a, b = by_doc.get(project.doc_a.id), by_doc.get(project.doc_b.id)
            if a is None or b is None:
                continue
            ends_y = []
            for claim, pane, (first, last), offset in (
                    (a, self.panes[0], ranges[0], offsets[0]),
                    (b, self.panes[1], ranges[1], offsets[1])):
                if claim.end <= first:  # scrolled away above: only the direction matters
                    ends_y.append((0.0, False))
                elif claim.start > last:
                    ends_y.append((height, False))
                else:
                    y = self._y(pane, claim, offset)
                    ends_y.append((min(max(y, 0.0), height), 0 <= y <= height))
            (ya, vis_a), (yb, vis_b) = ends_y
            if vis_a or vis_b:
                out.append(ClaimBand(link, ya, yb, not (vis_a and vis_b)))
        return out

    def _cache_key(self) -> tuple[object, ...]:
        """What the curves depend on besides the claim links and the selection (`_version`):
        the overlay's size and colours, and where each pane's text sits."""
        panes = tuple((pane.verticalScrollBar().value(), pane.font().pointSizeF(),
                       pane.viewport().width(), pane.viewport().height(),
                       self.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, 0))).y())
                      for pane in self.panes)
        return (self._version, self.width(), self.height(), self.devicePixelRatioF(),
                self.palette().cacheKey(), panes)

    def paintEvent(self, event: QPaintEvent) -> None:
        project = self.session.project
        if project is None or not project.claim_links:
            return
        key = self._cache_key()
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self._render(project))
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache[1])
        painter.end()

    def _render(self, project: Project) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        current = self.session.current[1] if self.session.current[0] == CLAIM else ""
        width = float(self.width())
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(7.5)
        font.setBold(True)
        painter.setFont(font)
        for band in self.bands():
            rel = project.taxonomy.relation(band.link.relation)
            color = QColor(rel.color if rel is not None else "#808080")
            selected = current in (band.link.source, band.link.target)
            path = self.path(band)
            halo = QColor(self.palette().base().color())
            halo.setAlpha(200)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(halo, 5.0 if selected else 3.8))
            painter.drawPath(path)
            style = Qt.PenStyle.DashLine if band.clamped else Qt.PenStyle.SolidLine
            painter.setPen(QPen(color, 3.0 if selected else 1.8, style, Qt.PenCapStyle.RoundCap))
            painter.drawPath(path)
            painter.setBrush(color)
            painter.setPen(Qt.PenStyle.NoPen)
            for x, y in ((2.5, band.ya), (width - 2.5, band.yb)):
                painter.drawEllipse(QPointF(x, y), 2.8, 2.8)
            mid = path.pointAtPercent(0.5)
            badge = QRectF(mid.x() - 7, mid.y() - 7, 14, 14)
            painter.setPen(QPen(halo, 1.0))
            painter.drawEllipse(badge)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter,
                             relation_badge(project, band.link.relation))
        painter.end()
        return pixmap
