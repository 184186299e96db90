"""The central widget: pane A, the link gutter, pane B, and how the session is drawn on them.

It renders alignment state into the panes' highlight layers ("links", "unmatched", "current",
"diff") whenever the session says that state changed, turns clicks on passages and bands into
selections, and keeps the selected pair in view. Claims add their own layer with
`pane.set_layer("claims", ...)` and their own session signal; nothing here needs to change.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from annotator.core import AlignmentLink, LinkStatus
from annotator.core.edits import LINK
from annotator.core.reviewed import split_reviewed

from ..pane_header import pane_header
from ..session import Session
from ..theme import Colors, colors_for
from .find import FindBar, MarkedScrollBar
from .gutter import LinkGutter
from .overview import OverviewStrip
from .scroll_sync import ScrollSync
from .text_pane import Highlight, TextPane, char_format
from .zoom import Zoom


class ComparisonView(QWidget):
    """Two documents side by side with the bands between them."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pane_a = TextPane("A")
        self.pane_b = TextPane("B")
        self.gutter = LinkGutter(session, self.pane_a, self.pane_b)
        self.sync = ScrollSync(session, self.pane_a, self.pane_b)
        self.titles = {"A": QLabel(), "B": QLabel()}
        self.overviews: dict[str, OverviewStrip] = {}
        self.zoom = Zoom((self.pane_a, self.pane_b), self)
        for pane in (self.pane_a, self.pane_b):
            pane.setMinimumWidth(220)
            pane.setPlaceholderText(
                f"Article {pane.side}\n\nOpen two articles with File ▸ Open Pair (Ctrl+O), "
                "drop two files on this window, or open a saved project (Ctrl+Shift+O).")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        layout = QHBoxLayout()
        layout.setSpacing(0)
        outer.addLayout(layout, 1)
        for side, pane in (("A", self.pane_a), ("B", self.pane_b)):
            column = QVBoxLayout()
            column.setSpacing(0)
            title = self.titles[side]
            title.setObjectName(f"title{side}")
            title.setTextFormat(Qt.TextFormat.PlainText)
            # a long headline is cut by the pane's width instead of widening the window
            title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            title.setContentsMargins(14, 6, 14, 6)
            title.setAccessibleName(f"Title of document {side}")
            column.addWidget(title)
            # each article has its overview strip on its outer edge; A's scroll bar goes on
            # the outer (left) side too, so both texts touch the link map
            self.overviews[side] = OverviewStrip(session, pane)
            row = QHBoxLayout()
            row.setSpacing(0)
            if side == "A":
                row.addWidget(self.overviews[side])
                row.addWidget(self._outer_scrollbar(pane))
                row.addWidget(pane, 1)
            else:
                row.addWidget(pane, 1)
                row.addWidget(self.overviews[side])
            column.addLayout(row, 1)
            layout.addLayout(column, 1)
            if side == "A":
                gutter_column = QVBoxLayout()
                gutter_column.setSpacing(0)
                spacer = QLabel(" ")
                spacer.setObjectName("gutterTitle")
                spacer.setContentsMargins(0, 6, 0, 6)
                gutter_column.addWidget(spacer)
                gutter_column.addWidget(self.gutter, 1)
                layout.addLayout(gutter_column)
        self.gutter.setFixedWidth(72)
        bar_b = MarkedScrollBar()
        self.pane_b.setVerticalScrollBar(bar_b)
        self.find_bar = FindBar({"A": self.pane_a, "B": self.pane_b},
                                {"A": self._outer_bar, "B": bar_b})
        outer.addWidget(self.find_bar)
        self._shade_pending = False
        self._tinted: list[tuple[AlignmentLink, QTextCharFormat]] = []
        self._style_titles()

        session.project_replaced.connect(self._on_project_replaced)
        session.links_changed.connect(self._render_links)
        session.alignment_running.connect(self._on_alignment_running)
        session.current_changed.connect(self._on_current_changed)
        self.pane_a.offset_clicked.connect(lambda off: self._on_passage_clicked("A", off))
        self.pane_b.offset_clicked.connect(lambda off: self._on_passage_clicked("B", off))
        self.gutter.link_clicked.connect(lambda link_id: session.select(LINK, link_id))

    def _outer_scrollbar(self, pane: TextPane) -> QScrollBar:
        """A visible stand-in for the pane's own (hidden) vertical scroll bar, kept in step."""
        inner = pane.verticalScrollBar()
        outer = MarkedScrollBar()  # find matches are marked on it
        outer.setAccessibleName(f"Scroll document {pane.side}")
        pane.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner.rangeChanged.connect(outer.setRange)
        # the inner value, not the emitted one: the pane may renumber its lines while the
        # signal is out and re-emit; echoing the stale value back would scroll it again
        inner.valueChanged.connect(lambda _v: outer.setValue(inner.value()))
        outer.valueChanged.connect(inner.setValue)
        outer.setRange(inner.minimum(), inner.maximum())

        def _page(*_args: object) -> None:
            outer.setPageStep(inner.pageStep())
            outer.setSingleStep(inner.singleStep())

        inner.rangeChanged.connect(_page)
        self._outer_bar = outer
        return outer

    def colors(self) -> Colors:
        return colors_for(self.palette())

    def pane(self, side: str) -> TextPane:
        return self.pane_a if side == "A" else self.pane_b

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._style_titles()
            self._render_links()
            self._on_current_changed(*self.session.current, scroll=False)
        super().changeEvent(event)

    def _style_titles(self) -> None:
        colors = self.colors()
        for label in (*self.titles.values(), self.findChild(QLabel, "gutterTitle")):
            if label is not None:
                label.setStyleSheet(
                    f"background: {colors.gutter_bg.name()}; color: {colors.text.name()};"
                    "font-weight: 600;")

    # --- rendering from the session ----------------------------------------------------
    def _on_project_replaced(self) -> None:
        project = self.session.project
        # On a long pair each pane takes its text in a turn of its own (setPlainText plus the
        # first layout is the longest step of opening); the layers come back after it (the links
        # below, the claims on the pane's text_replaced).
        later = self.session.long_pair and project is not None
        for side in ("A", "B"):
            doc = None if project is None else (project.doc_a if side == "A" else project.doc_b)
            if later:
                self.session.turns.defer(f"text {side}", partial(self._show_text, side))
            else:
                self.pane(side).set_text(doc.text if doc else "")
            label, tip = pane_header(side, doc) if doc is not None else ("", "")
            self.titles[side].setText(label)
            self.titles[side].setToolTip(tip)
        self._render_links()

    def _show_text(self, side: str) -> None:
        """A pane's deferred text; nothing to do when it was set meanwhile (set_text would
        clear the layers drawn since)."""
        project = self.session.project
        text = "" if project is None else (project.doc_a if side == "A" else project.doc_b).text
        if self.pane(side).text() != text:
            self.pane(side).set_text(text)

    def _render_links(self, _ids: object = None) -> None:
        """Draw the link tints; on a long pair in event-loop turns of their own (the tint of
        each link, A's highlights, B's), so applying an alignment and drawing it are short
        stalls, not one long one."""
        if self.session.long_pair:
            self.session.turns.defer("links", self._render_links_now)
        else:
            self._render_links_now()

    def _render_links_now(self) -> None:
        colors = self.colors()
        session = self.session
        # one format per tint; scores a thousandth apart get the same 8-bit colour anyway
        formats: dict[tuple[float, bool], QTextCharFormat] = {}
        tinted: list[tuple[AlignmentLink, QTextCharFormat]] = []
        for link in session.link_index().links:
            if link.status is LinkStatus.REJECTED:
                continue
            key = (round(link.score, 3), link.status is LinkStatus.PROPOSED)
            fmt = formats.get(key)
            if fmt is None:
                fmt = formats[key] = char_format(colors.link_tint(key[0], link.status))
            tinted.append((link, fmt))
        self._tinted = tinted
        if session.long_pair:  # A's then B's tints in turns of their own
            session.turns.defer("links A", partial(self._tint, "A"))
            session.turns.defer("links B", partial(self._tint, "B"))
        else:
            self._tint("A")
            self._tint("B")
        any_links = bool(tinted)
        # While a fresh pair is first aligned, everything is "unmatched"; skipping the shade
        # then also leaves sentence splitting to the worker instead of the UI thread.
        self._shade_pending = session.aligning and not any_links
        project = session.project
        if self._shade_pending or project is None:
            for pane in (self.pane_a, self.pane_b):
                pane.set_layer("unmatched", [])
        elif session.long_pair:
            self.session.turns.defer("shade", self.render_unmatched)  # a turn of its own
        else:
            self.render_unmatched()
        self._on_current_changed(*session.current, scroll=False)

    def _tint(self, side: str) -> None:
        """One pane's link tints, from the last render's list (a deferred B reads the newest)."""
        self.pane(side).set_layer("links", [
            Highlight(span.start, span.end, fmt) for link, fmt in self._tinted
            for span in (link.a if side == "A" else link.b)])

    def render_unmatched(self) -> None:
        """Shade the passages without a partner; those marked reviewed ("no counterpart")
        get the theme's quieter reviewed shade, so what is left to look at stands out while
        what was checked stays visibly checked."""
        colors = self.colors()
        fmt, done_fmt = char_format(colors.unmatched), char_format(colors.reviewed)
        project = self.session.project
        for side in ("A", "B"):
            doc = "" if project is None else (project.doc_a if side == "A" else project.doc_b).id
            todo, done = split_reviewed(self.session.unmatched(side), doc,
                                        project.reviewed if project is not None else {})
            self.pane(side).set_layer("unmatched", sorted(
                [Highlight(s, e, fmt) for s, e in todo]
                + [Highlight(s, e, done_fmt) for s, e in done], key=lambda h: h.start))

    def _on_alignment_running(self, running: bool) -> None:
        if not running and self._shade_pending:
            self._render_links()  # the unmatched shade held back while aligning

    def _on_current_changed(self, kind: str, item_id: str, scroll: bool = True) -> None:
        link = self.session.current_link() if kind == LINK else None
        colors = self.colors()
        if link is None:
            for pane in (self.pane_a, self.pane_b):
                pane.set_layer("current", [])
                pane.set_layer("diff", [])
            return
        current = char_format(colors.current)
        self.pane_a.set_layer("current", [Highlight(s.start, s.end, current) for s in link.a])
        self.pane_b.set_layer("current", [Highlight(s.start, s.end, current) for s in link.b])
        shared = char_format(colors.shared)
        wave = QTextCharFormat.UnderlineStyle.WaveUnderline
        changed = char_format(colors.changed, underline=wave, underline_color=colors.changed_line)
        diff_a: list[Highlight] = []
        diff_b: list[Highlight] = []
        for op in self.session.word_ops(link):
            fmt = shared if op.tag == "equal" else changed
            diff_a.append(Highlight(op.a_start, op.a_end, fmt))
            diff_b.append(Highlight(op.b_start, op.b_end, fmt))
        self.pane_a.set_layer("diff", diff_a)
        self.pane_b.set_layer("diff", diff_b)
        if scroll:
            self.reveal(link.a_start, max(s.end for s in link.a),
                        link.b_start, max(s.end for s in link.b))
        self.gutter.update()

    def reveal(self, a0: int, a1: int, b0: int, b1: int) -> None:
        """Bring both sides of a pair into view, without the panes fighting over it."""
        with self.sync.suspended():
            self.pane_a.center_on(a0, a1)
            self.pane_b.center_on(b0, b1)

    def reveal_passage(self, side: str, start: int, end: int) -> None:
        with self.sync.suspended():
            self.pane(side).center_on(start, end)
            self.pane(side).select_span(start, end)

    def _on_passage_clicked(self, side: str, offset: int) -> None:
        link = self.session.link_at(side, offset)
        self.session.select(LINK if link else "", link.id if link else "")
