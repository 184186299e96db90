"""Claims drawn into the panes: a tinted "claims" highlight layer plus boundary brackets.

A highlight layer alone makes nested and overlapping claims unreadable (one tint hides the
other), so the layer is cut into elementary pieces, each tinted by its innermost claim and
darker the deeper it is nested, and a transparent overlay over each pane's viewport draws a
bracket at every claim's start and end in the claim's colour, outer brackets outside inner
ones (brat's boxes, flattened for wrapped prose). Type is never shown by colour alone: every
claim is underlined and its type is in the tooltip, the panel and the editor.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen, QTextCharFormat
from PySide6.QtWidgets import QToolTip, QWidget

from annotator.core import Claim, Project

from . import claim_queries as q
from .claim_ops import relation_label, type_label
from .commands import CLAIM
from .session import Session
from .text_pane import Highlight, TextPane, char_format
from .theme import colors_for

UNKNOWN_COLOR = "#808080"


def claim_color(project: Project, claim: Claim) -> QColor:
    ct = project.taxonomy.claim_type(claim.type)
    return QColor(ct.color if ct is not None else UNKNOWN_COLOR)


def _tint(color: QColor, alpha: int) -> QColor:
    tinted = QColor(color)
    tinted.setAlpha(max(0, min(255, alpha)))
    return tinted


def doc_id(project: Project, side: str) -> str:
    return project.doc_a.id if side == "A" else project.doc_b.id


def claim_layer(project: Project, side: str, current: str, dark: bool) -> list[Highlight]:
    """Elementary, non-overlapping highlights for one side's claims.

    A sweep over the claims' boundaries keeps the set of claims open at each point, so the
    cost grows with the number of claims times their nesting depth, not quadratically."""
    claims = q.claims_in_order(project, doc_id(project, side))
    cuts = sorted({p for c in claims for p in (c.start, c.end)})
    starting: dict[int, list[Claim]] = {}
    for c in claims:
        starting.setdefault(c.start, []).append(c)
    out: list[Highlight] = []
    base = 80 if dark else 48
    active: dict[str, Claim] = {}
    for left, right in pairwise(cuts):
        for c in starting.get(left, ()):
            active[c.id] = c
        for cid in [cid for cid, c in active.items() if c.end <= left]:
            del active[cid]
        over = list(active.values())
        if not over:
            continue
        inner = min(over, key=lambda c: (c.end - c.start, c.id))
        color = claim_color(project, inner)
        alpha = base + 26 * (len(over) - 1)
        if any(c.id == current for c in over):
            alpha += 70
        fmt = char_format(_tint(color, alpha), underline=QTextCharFormat.UnderlineStyle.
                          SingleUnderline, underline_color=color)
        out.append(Highlight(left, right, fmt))
    return out


def claim_tooltip(project: Project, claim: Claim) -> str:
    lines = [f"{claim.id} · {type_label(project.taxonomy, claim.type)}"]
    lines += [f"{name}: {value}" for name, value in claim.attributes]
    for cl in q.links_of(project, claim.id):
        lines.append(f"{relation_label(project.taxonomy, cl.relation)} ↔ {q.partner(cl, claim.id)}")
    if claim.note:
        lines.append(f"Note: {claim.note}")
    return "\n".join(lines)


class BracketOverlay(QWidget):
    """Transparent layer over a pane's viewport that draws claim brackets; never takes input.

    It is a child of the pane, not of the viewport, because QPlainTextEdit scrolls the
    viewport's children along with the text."""

    def __init__(self, session: Session, pane: TextPane) -> None:
        super().__init__(pane)
        self.session = session
        self.pane = pane
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        pane.installEventFilter(self)
        pane.scrolled.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        geometry = self.pane.viewport().geometry()
        if self.geometry() != geometry:
            self.setGeometry(geometry)
        self.raise_()
        self.refresh()

    def refresh(self) -> None:
        """Show the overlay only while claims are in view, and repaint it then.

        Shown, this transparent widget lies over the whole viewport, and Qt then repaints
        all the text beneath it on every scroll instead of moving the pixels and painting
        the few lines scrolled in."""
        show = bool(self._claims_in_view())
        if show == self.isHidden():
            self.setVisible(show)
        if show:
            self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pane and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._follow()
        return False

    def _rect(self, cp: int) -> QRect:
        cursor = self.pane.textCursor()
        cursor.setPosition(self.pane.qt_pos(cp))
        return self.pane.cursorRect(cursor)

    def _claims_in_view(self) -> list[Claim]:
        project = self.session.project
        if project is None or not project.claims:
            return []
        first, last = self.pane.visible_range()
        return [c for c in q.claims_in_order(project, doc_id(project, self.pane.side))
                if c.end >= first and c.start <= last + 1]

    def paintEvent(self, event: QPaintEvent) -> None:
        claims = self._claims_in_view()
        project = self.session.project
        if not claims or project is None:
            return
        side_doc = doc_id(project, self.pane.side)
        everything = q.claims_in_order(project, side_doc)
        current = self.session.current[1] if self.session.current[0] == CLAIM else ""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = colors_for(self.pane.palette()).dark
        for claim in claims:
            depth = sum(1 for o in everything if o.id != claim.id and o.start <= claim.start
                        and o.end >= claim.end and (o.end - o.start) > (claim.end - claim.start))
            color = claim_color(project, claim)
            if dark:
                color = color.lighter(135)
            width = 2.6 if claim.id == current else 1.6
            painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            self._bracket(painter, self._rect(claim.start), 2 * depth, opening=True)
            self._bracket(painter, self._rect(claim.end), 2 * depth, opening=False)
        painter.end()

    @staticmethod
    def _bracket(painter: QPainter, rect: QRect, shift: int, *, opening: bool) -> None:
        top, bottom = rect.top() + 1 - shift // 2, rect.bottom() + shift // 2
        x = rect.left() + (shift - 1 if opening else 1 - shift)
        tick = 3 if opening else -3
        painter.drawLine(QPoint(x, top), QPoint(x, bottom))
        painter.drawLine(QPoint(x, top), QPoint(x + tick, top))
        painter.drawLine(QPoint(x, bottom), QPoint(x + tick, bottom))


class ClaimHighlighter(QObject):
    """Keeps both panes' claim layers, brackets and tooltips in step with the session."""

    def __init__(self, session: Session, panes: dict[str, TextPane]) -> None:
        super().__init__(session)
        self.session = session
        self.panes = panes
        self.overlays = {side: BracketOverlay(session, pane) for side, pane in panes.items()}
        for pane in panes.values():
            pane.viewport().installEventFilter(self)
            pane.text_replaced.connect(self.render)
        session.claims_changed.connect(self.render)
        session.claim_links_changed.connect(self.render)
        session.project_replaced.connect(self.render)
        session.current_changed.connect(self._on_current)
        self._shown_current = ""
        self.render()

    def _on_current(self, kind: str, item_id: str) -> None:
        now = item_id if kind == CLAIM else ""
        if now != self._shown_current:
            self.render()

    def render(self, _ids: object = None) -> None:
        project = self.session.project
        current = self.session.current[1] if self.session.current[0] == CLAIM else ""
        self._shown_current = current
        for side, pane in self.panes.items():
            if project is None:
                pane.set_layer("claims", [])
            else:
                dark = colors_for(pane.palette()).dark
                pane.set_layer("claims", claim_layer(project, side, current, dark))
            self.overlays[side].refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            project = self.session.project
            for side, pane in self.panes.items():
                if watched is pane.viewport() and project is not None:
                    hits = q.claims_at(project, doc_id(project, side), pane.offset_at(event.pos()))
                    if hits:
                        text = "\n\n".join(claim_tooltip(project, c) for c in hits)
                        QToolTip.showText(event.globalPos(), text, pane.viewport())
                        return True
        return False
