"""Suggested partners wired into the main window: the list dock, ghost bands, keys.

For the passage at the cursor (the selection, else the sentence the caret is in) of the pane
last used, the other article's likeliest counterparts are listed with their scores and drawn
as faint numbered bands across the gutter; Alt+1..Alt+3 links suggestion 1..3 and moves on
to the next unmatched passage, whose suggestions then show, so finishing an alignment by
hand is one key per passage (U / Shift+U step without linking). Scores come from the
alignment worker process (SuggestRunner); reading them for a passage is a lookup.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QApplication, QMenu

from annotator.core import AlignmentLink, Document, Span, edits
from annotator.core.edits import LINK
from annotator.core.suggest import Candidate, PairSuggestions, score_text

from ..view.text_pane import Highlight, TextPane, char_format
from ..window.actions import is_editor_field
from ..window.docks import SideDocks, add_dock
from ..worker.suggest_runner import SuggestRunner
from .no_counterpart import step_to_review
from .suggestion_bands import Ghost, SuggestionBands
from .suggestion_panel import SuggestionPanel, preview

if TYPE_CHECKING:
    from ..main_window import MainWindow

KEYS = 3  # suggestions with a key each: Alt+1 .. Alt+3
GUESS_SCORE = 0.05  # an unmatched passage's best guess below this is not drawn unasked
LAYER = "suggestions"  # the text panes' layer that marks the candidates


class SuggestionTools(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.view = window.view
        self.panes: dict[str, TextPane] = {"A": self.view.pane_a, "B": self.view.pane_b}
        self.active = "A"  # the pane whose cursor or selection moved last
        self.table: PairSuggestions | None = None
        self.passage: tuple[str, Span] | None = None
        self.candidates: tuple[Candidate, ...] = ()
        self._shown: tuple[str, Span] | None = None  # the passage shown last
        # per side, each sentence's partners under the current links (a long pair's 3,600
        # links took 0.1-0.3 s to index, too much for every caret move): made once per edit
        self._linked: dict[str, dict[int, set[int]]] | None = None
        self._asked: set[tuple[str, Span]] = set()  # passages asked about for this table
        self.runner = SuggestRunner(self)
        self.runner.ready.connect(self._on_ready)
        self.runner.gave_way.connect(self._on_gave_way)
        self._retry = False  # a request was dropped for an alignment: ask again after it
        self.runner.failed.connect(
            lambda msg: window.statusBar().showMessage(f"Suggestions failed: {msg}", 8000))
        self.panel = SuggestionPanel()
        self.panel.chosen.connect(self.link_suggestion)
        self.panel.picked.connect(self._show_candidate)
        self.bands = SuggestionBands(self.view.gutter, self.view.pane_a, self.view.pane_b)
        # in the column beside the panes, under the claim docks, in a wide window; with the
        # bottom tabs in a narrow one (the window's SideDocks moves it)
        self.dock = add_dock(window, "Suggested Partners", "suggestionsDock", self.panel,
                             Qt.DockWidgetArea.RightDockWidgetArea, window.view_menu)
        side_docks = getattr(window, "side_docks", None)
        if isinstance(side_docks, SideDocks):
            side_docks.add(self.dock, 260)
        self.dock.visibilityChanged.connect(lambda _v: self._refresh_soon())
        self.actions: dict[str, QAction] = {}
        self._build_actions()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        s = self.session
        s.project_replaced.connect(self._on_project_replaced)
        s.links_changed.connect(self._on_links_changed)
        s.alignment_running.connect(self._on_alignment_running)
        window.link_list.unmatched.revealed.connect(self.follow)
        for side, pane in self.panes.items():
            pane.cursorPositionChanged.connect(lambda side=side: self._moved(side))
            pane.selectionChanged.connect(lambda side=side: self._moved(side))
            pane.scrolled.connect(self._refresh_soon)  # other unmatched passages come in view
            pane.installEventFilter(self)
        self._on_project_replaced()

    # --- construction ----------------------------------------------------------------------
    def _build_actions(self) -> None:
        menu = next((a.menu() for a in self.window.menuBar().actions()
                     if a.text().replace("&", "") == "Links"), None)
        for k in range(KEYS):
            key = f"Alt+{k + 1}"
            action = QAction(f"Link Suggestion &{k + 1}", self.window)
            action.setShortcut(QKeySequence(key))
            action.setToolTip(f"Link the passage with suggested partner {k + 1} and go to "
                              f"the next unmatched passage still to review ({key})")
            action.setStatusTip(action.toolTip())
            action.triggered.connect(lambda _c=False, k=k: self.link_suggestion(k))
            self.window.addAction(action)
            self.actions[f"link_suggestion_{k + 1}"] = action
            if isinstance(menu, QMenu):
                menu.addAction(action)

    # --- state -----------------------------------------------------------------------------
    def _on_project_replaced(self) -> None:
        self.table = None
        self._linked = None
        self._asked = set()
        self._retry = False
        self.runner.forget()
        self.passage, self.candidates = None, ()
        self.bands.show_ghosts([])
        project = self.session.project
        if project is None:
            self.panel.show_message("Open two articles to see suggested partners.")
            return
        self.panel.show_message("Scoring sentence pairs…")
        QTimer.singleShot(0, self._request_when_aligned)  # after the session starts aligning

    def _on_links_changed(self, _ids: object = None) -> None:
        self._linked = None
        self._refresh_soon()

    def _request_when_aligned(self) -> None:
        """Score once the pair is aligned: its links say which sentences a long pair needs,
        and the worker aligns first (the two jobs share its one process)."""
        if self.table is None and not self.session.aligning:
            self._request()

    def _on_alignment_running(self, running: bool) -> None:
        # a long pair scores only the sentences left unmatched: once the aligner is done,
        # score again for its links (a short pair was scored whole and stays as it is)
        if not running and (self._retry or self.table is None or not self.table.complete):
            self._request()

    def _on_gave_way(self) -> None:
        """The worker dropped the request to align or segment first. Ask again once this
        session's alignment is over (its links decide what to score), else right away (the
        request then waits behind the other job); passages asked about are asked again."""
        self._asked = set()
        self._retry = self.session.aligning
        if not self._retry:
            self._request()

    def _request(self, extra: tuple[str, Span] | None = None) -> None:
        project = self.session.project
        if project is None:
            return
        self._retry = False
        spans = [extra] if extra is not None else []
        if extra is not None:
            self._asked.add(extra)
        self.runner.request(project.doc_a, project.doc_b, project.links.values(), spans)

    def _on_ready(self, table: PairSuggestions) -> None:
        self.table = table
        self.refresh()

    def _moved(self, side: str) -> None:
        """A caret or selection moved. It makes its pane the one suggestions follow only when
        the user is there: a pane showing a new text also moves its caret."""
        if self.panes[side].hasFocus():
            self.active = side
        if side == self.active:
            self._refresh_soon()

    def follow(self, side: str) -> None:
        """A passage of `side` was chosen outside the panes (the unmatched list): suggest
        partners for it, as if that pane were in use."""
        self.active = side
        self._refresh_soon()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            for side, pane in self.panes.items():
                if watched is pane and side != self.active:
                    self.active = side
                    self._refresh_soon()
        return False

    def _refresh_soon(self) -> None:
        self._timer.start(0)  # once per event-loop turn, however many signals came

    # --- what to show ----------------------------------------------------------------------
    def current_passage(self) -> tuple[str, Span] | None:
        """The selection of the pane last used, else the sentence at its caret."""
        project = self.session.project
        if project is None:
            return None
        pane = self.panes[self.active]
        selected = pane.selected_span()
        if selected is not None and selected[1] > selected[0]:
            return self.active, Span(*selected)
        doc = project.doc_a if self.active == "A" else project.doc_b
        if not doc.segmented:
            return None
        at = pane.cp_pos(pane.textCursor().position())
        sentences = doc.sentences
        k = bisect_right([s.start for s in sentences], at) - 1
        if k < 0 or at > sentences[k].end:
            return None
        return self.active, Span(sentences[k].start, sentences[k].end)

    def refresh(self) -> None:
        project, table = self.session.project, self.table
        passage = self.current_passage()
        self.passage, self.candidates = passage, ()
        if project is None or passage is None or not self.dock.isVisible():
            self.bands.show_ghosts([])
            self._mark_candidates(None)
            if project is not None and passage is None:
                self.panel.show_message("Put the cursor in a passage, or press U for the next "
                                        "unmatched one.")
            return
        if table is None:
            self.bands.show_ghosts([])
            self._mark_candidates(None)
            self.panel.show_message("Scoring sentence pairs…")
            return
        side, span = passage
        if not table.knows(side, span) and passage not in self._asked:
            self._request(passage)  # a long pair: this passage was not scored yet
        links = list(project.links.values())
        if self._linked is None:
            self._linked = table.linked(links)
        linked = self._linked
        self.candidates = table.for_span(side, span, KEYS, links, linked[side])
        self.bands.show_ghosts([Ghost(side, span, c.span, rank)
                                for rank, c in enumerate(self.candidates, start=1)]
                               + self._best_guesses(table, links, linked))
        self._mark_candidates(side)
        if passage != self._shown and self.candidates and self._unmatched(side, span):
            # a new unmatched passage (U, or after linking one): show where its best guess
            # is; a linked passage keeps the view on its link
            self._bring_into_view(side, self.candidates[0].span)
        if passage != self._shown and self.candidates and not self._list_in_sight() and (
                self._unmatched(side, span) or self.panes[side].textCursor().hasSelection()
        ) and not is_editor_field(QApplication.focusWidget()):
            # not while the user types in a field: Find selects its match in the pane, and
            # "Alt+1 links suggestion 1" would offer to link that one word
            self._announce_best(project.doc_a if side == "B" else project.doc_b)
        self._shown = passage
        self.panel.show_suggestions(self._heading(project.doc_a, project.doc_b),
                                    self._rows(project.doc_a, project.doc_b))

    def _list_in_sight(self) -> bool:
        """Whether the list is on screen: Qt calls a dock tabbed behind another visible."""
        return self.dock.isVisible() and not self.panel.visibleRegion().isEmpty()

    def _announce_best(self, other_doc: Document) -> None:
        """With the list out of sight (a bottom tab in a small window) the gutter shows only
        the numbers 1-3: the status bar names the best suggestion, and the keyboard focus
        stays in the pane (raising the tab would hide the Links or Claim tab the user chose)."""
        best = self.candidates[0]
        other = "B" if self.passage is not None and self.passage[0] == "A" else "A"
        text = preview(other_doc.text[best.span.start : best.span.end], 34)
        # key and score first, text short: at 1024 px the right-hand counts leave ~75 characters
        self.window.statusBar().showMessage(
            f"Alt+1 links suggestion 1 ({score_text(best.score)}): "
            f"{other} {_number(other_doc, best.span)} · {text}", 15000)

    def _unmatched(self, side: str, span: Span) -> bool:
        return self.session.current[0] != LINK and any(
            start < span.end and span.start < end for start, end in self.session.unmatched(side))

    def _best_guesses(self, table: PairSuggestions, links: list[AlignmentLink],
                      linked: dict[str, dict[int, set[int]]]) -> list[Ghost]:
        """The best suggestion of every other unmatched passage in view, when that is in
        view too and not a long shot (rank 0: drawn faint)."""
        out = []
        seen = {side: pane.visible_range() for side, pane in self.panes.items()}

        def visible(side: str, span: Span) -> bool:
            return span.end > seen[side][0] and span.start <= seen[side][1]

        for side in self.panes:
            other = "B" if side == "A" else "A"
            for start, end in self.session.unmatched(side):
                span = Span(start, end)
                if not visible(side, span) or (side, span) == self.passage:
                    continue
                best = table.for_span(side, span, 1, links, linked[side])
                if best and best[0].score >= GUESS_SCORE and visible(other, best[0].span):
                    out.append(Ghost(side, span, best[0].span, 0))
        return out

    def _mark_candidates(self, side: str | None) -> None:
        """A dotted underline under each candidate in the other pane (none when `side` is
        None), in the accent colour of the ghost bands."""
        fmt = char_format(underline=QTextCharFormat.UnderlineStyle.DotLine,
                          underline_color=self.window.palette().highlight().color())
        for pane_side, pane in self.panes.items():
            marks = [] if side is None or pane_side == side else [
                Highlight(c.span.start, c.span.end, fmt) for c in self.candidates]
            if marks or pane.layer(LAYER):
                pane.set_layer(LAYER, marks)

    def _show_candidate(self, k: int) -> None:
        if self.passage is not None and 0 <= k < len(self.candidates):
            self._bring_into_view(self.passage[0], self.candidates[k].span)

    def _bring_into_view(self, side: str, span: Span) -> None:
        """A new passage's best candidate, if out of view, is scrolled to the other pane's
        middle; the passage's own pane stays where it is."""
        other = self.panes["B" if side == "A" else "A"]
        top, bottom = other.span_y(span.start, span.end)
        if top >= 0 and bottom <= other.viewport().height():
            return
        with self.view.sync.suspended():
            other.center_on(span.start, span.end)

    def _heading(self, doc_a: Document, doc_b: Document) -> str:
        assert self.passage is not None
        side, span = self.passage
        doc = doc_a if side == "A" else doc_b
        return f"{side} {_number(doc, span)} · {preview(doc.text[span.start : span.end], 60)}"

    def _rows(self, doc_a: Document, doc_b: Document) -> list[str]:
        assert self.passage is not None
        other = "B" if self.passage[0] == "A" else "A"
        doc = doc_b if other == "B" else doc_a
        return [f"Alt+{k}   {score_text(c.score)}   {other} {_number(doc, c.span)} · "
                f"{preview(doc.text[c.span.start : c.span.end])}"
                for k, c in enumerate(self.candidates, start=1)]

    # --- linking ---------------------------------------------------------------------------
    def link_suggestion(self, k: int) -> None:
        """Link the passage with suggestion k (0-based), then go to the next unmatched
        passage of the same article."""
        self.refresh()  # the cursor may have moved since the last turn
        if self.passage is None or not 0 <= k < len(self.candidates):
            self.window.statusBar().showMessage(
                f"No suggestion {k + 1} here: put the cursor in a passage (U: next unmatched).",
                5000)
            return
        side, span = self.passage
        partner = self.candidates[k].span
        a, b = (span, partner) if side == "A" else (partner, span)
        try:
            self.session.edit(edits.add_manual_link, (a.start, a.end), (b.start, b.end))
        except edits.LinkEditError as exc:  # it would run into part of another link
            self.window.statusBar().showMessage(f"{exc} (or select the passages and press L)",
                                                8000)
            return
        # on to the next passage still to review (those marked "no counterpart" are skipped)
        if not step_to_review(self.session, self.view, side, span.end - 1, 1,
                              self.window.statusBar().showMessage):
            return
        self.active = side
        self.refresh()


def _number(doc: Document, span: Span) -> str:
    """The 1-based number of the sentence a span starts in."""
    if not doc.segmented:
        return ""
    return str(bisect_right([s.start for s in doc.sentences], span.start))
