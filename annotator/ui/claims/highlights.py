"""Claims drawn into the panes: a tinted "claims" highlight layer plus boundary brackets.

A highlight layer alone makes nested and overlapping claims unreadable (one tint hides the
other), so the layer is cut into elementary pieces, each tinted by its innermost claim and
darker the deeper it is nested, and a transparent overlay over each pane's viewport draws a
bracket at every claim's start and end in the claim's colour, outer brackets outside inner
ones (brat's boxes, flattened for wrapped prose). Type is never shown by colour alone: every
claim is underlined and its type is in the tooltip, the panel and the editor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from annotator.core import Claim, Project
from annotator.core.edits import CLAIM, relation_label, type_label
from annotator.core.queries import claims as q

from ..session import Session
from ..theme import colors_for
from ..view.text_pane import Highlight, TextPane
from .tints import UNKNOWN_COLOR, claim_color, claim_layer, doc_id, relayer

__all__ = ["UNKNOWN_COLOR", "BracketOverlay", "ClaimHighlighter", "claim_color", "claim_layer",
           "claim_tooltip", "doc_id"]

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
        current = self.session.current[1] if self.session.current[0] == CLAIM else ""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = colors_for(self.pane.palette()).dark
        for claim in claims:
            # a claim enclosing one in view is in view too: count among those only
            depth = sum(1 for o in claims if o.id != claim.id and o.start <= claim.start
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
        # claim links change no tint (tooltips ask for them when shown): no render for them
        session.claims_changed.connect(self._on_claims_changed)
        session.project_replaced.connect(self.render)
        session.current_changed.connect(self._on_current)
        self._shown_current = ""
        self._seen: dict[str, Claim] = {}  # the claims as last tinted
        self._pieces: dict[str, list[Highlight]] | None = None  # each side's layer as shown
        self._dark: dict[str, bool] = {}
        self.render()

    def _on_current(self, kind: str, item_id: str) -> None:
        now = item_id if kind == CLAIM else ""
        if now != self._shown_current:
            self._render_claims({self._shown_current, now} - {""})

    def _on_claims_changed(self, ids: list[str]) -> None:
        self._render_claims(set(ids))

    def _render_claims(self, ids: set[str]) -> None:
        """Re-tint only where these claims are or were: the rest of each layer stays."""
        project = self.session.project
        if project is None or self._pieces is None:
            self.render()
            return
        changed: dict[str, list[tuple[int, int]]] = {}
        for cid in ids:
            for claim in (self._seen.get(cid), project.claims.get(cid)):
                if claim is not None:
                    side = "A" if claim.doc == project.doc_a.id else "B"
                    changed.setdefault(side, []).append((claim.start, claim.end))
            if cid in project.claims:
                self._seen[cid] = project.claims[cid]
            else:
                self._seen.pop(cid, None)
        if any(colors_for(self.panes[side].palette()).dark != self._dark.get(side)
               for side in changed):
            self.render()  # the theme changed since: every piece changes
            return
        current = self.session.current[1] if self.session.current[0] == CLAIM else ""
        self._shown_current = current
        for side, ranges in changed.items():
            pane = self.panes[side]
            dark = self._dark[side]
            pieces = relayer(project, side, current, dark, self._pieces[side], ranges)
            self._pieces[side] = pieces
            pane.set_layer("claims", pieces)
            self.overlays[side].refresh()

    def render(self, _ids: object = None) -> None:
        """Re-tint both panes from scratch (a new project, text or taxonomy)."""
        project = self.session.project
        current = self.session.current[1] if self.session.current[0] == CLAIM else ""
        self._shown_current = current
        self._seen = dict(project.claims) if project is not None else {}
        shown: dict[str, list[Highlight]] = {}
        for side, pane in self.panes.items():
            if project is None:
                pane.set_layer("claims", [])
            else:
                dark = self._dark[side] = colors_for(pane.palette()).dark
                shown[side] = claim_layer(project, side, current, dark)
                pane.set_layer("claims", shown[side])
            self.overlays[side].refresh()
        self._pieces = shown if project is not None else None

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
