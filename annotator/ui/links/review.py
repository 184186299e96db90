"""Link commands that need the panes: link two selections, remove what is selected, and step
to the next passage without a partner from the focused pane's cursor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit

from annotator.core import LinkStatus, edits
from annotator.core.edits import CLAIM

from ..session import Session
from ..view.comparison_view import ComparisonView
from .no_counterpart import step_to_review, toggle_at_cursor, toggle_passage


class LinkReview:
    def __init__(self, session: Session, view: ComparisonView, say: Callable[[str, int], None],
                 delete_claim: Callable[[], None]) -> None:
        self.session = session
        self.view = view
        self.say = say
        self.delete_claim = delete_claim
        session.reviewed_changed.connect(lambda _ids: view.render_unmatched())

    def link_selections(self) -> None:
        pane_a, pane_b = self.view.pane_a, self.view.pane_b
        span_a, span_b = pane_a.selected_span(), pane_b.selected_span()
        if span_a is None or span_b is None:
            self.say("Select a passage in A and a passage in B, then press L to link them.", 6000)
            return
        try:
            self.session.edit(edits.add_manual_link, span_a, span_b)
        except edits.LinkEditError as exc:
            self.say(str(exc), 8000)
            return
        pane_a.clear_selection()
        pane_b.clear_selection()

    def remove_current(self) -> None:
        """Delete removes whatever is selected: a claim, else the link."""
        if self.session.current[0] == CLAIM:
            self.delete_claim()
            return
        link = self.session.current_link()
        if link is not None:
            self.session.edit(edits.remove_link, link.id)

    def resize(self, edge: str, grow: bool) -> None:
        """The selected link's side in the focused article (A by default) grows or shrinks
        by a sentence at its start or end."""
        link = self.session.current_link()
        if link is None:
            self.say("Select a link first (click its band, or Alt+Down).", 6000)
            return
        side = "B" if self.view.pane_b.hasFocus() else "A"
        self._run(edits.resize_link, link.id, side, edge, grow)

    def merge_with_next(self) -> None:
        link = self.session.current_link()
        order = self.session.links_in_order()
        after = [lk for lk in order if lk.a_start > (link.a_start if link else -1)
                 and lk.status is not LinkStatus.REJECTED]
        if link is None or not after:
            self.say("Select a link that has another one after it in A.", 6000)
            return
        self._run(edits.merge_links, link.id, after[0].id)

    def split_at_cursor(self) -> None:
        """Cut the link at the cursor (else the selected one) at the sentence boundary nearest
        the focused article's cursor (A by default)."""
        pane = self.view.pane_b if self.view.pane_b.hasFocus() else self.view.pane_a
        offset = pane.cp_pos(pane.textCursor().position())
        link = self.session.link_at(pane.side, offset) or self.session.current_link()
        if link is None:
            self.say("Put the cursor in a link (or select one), then split it.", 6000)
            return
        self._run(edits.split_link, link.id, pane.side, offset)

    def _run(self, make: Callable[..., edits.Edit], *args: object) -> None:
        try:
            self.session.edit(make, *args)
        except edits.LinkEditError as exc:
            self.say(str(exc), 8000)

    def edit_note(self) -> None:
        """Ctrl+Shift+N: write or change the selected link's note (empty removes it)."""
        link = self.session.current_link()
        if link is None:
            self.say("Select a link first (click its band, or Alt+Down).", 6000)
            return
        note, ok = QInputDialog.getText(self.view, f"Note on link {link.id}",
                                        "Note (leave empty to remove it):",
                                        QLineEdit.EchoMode.Normal, link.note)
        if ok:
            self._run(edits.set_link_note, link.id, note)

    def toggle_reviewed(self) -> None:
        """D: the unmatched passage at the cursor is reviewed ("no counterpart"), or not."""
        toggle_at_cursor(self.session, self.view, self.say)

    def toggle_passage(self, side: str, start: int, end: int) -> None:
        """D on a row of the unmatched list: that passage, wherever the cursor is."""
        toggle_passage(self.session, side, (start, end), self.say)

    def reveal_passage(self, side: str, start: int, end: int) -> None:
        """A row of the unmatched list chosen: the passage selected in its pane and brought
        to the middle (the keyboard focus stays in the list, for the next row or D)."""
        self.session.select("", "")
        self.view.reveal_passage(side, start, end)

    def step_unmatched(self, direction: int) -> None:
        """U / Shift+U: the next (previous) unmatched passage still to review after the
        cursor of the focused pane (A by default); passages marked reviewed are skipped."""
        view = self.view
        pane = view.pane_b if view.pane_b.hasFocus() else view.pane_a
        cursor = pane.cp_pos(pane.textCursor().selectionStart() if direction < 0
                             else pane.textCursor().selectionEnd())
        step_to_review(self.session, view, pane.side, cursor - (1 if direction > 0 else 0),
                       direction, self.say)


def add_link_edit_actions(a: Callable[..., QAction], review: LinkReview) -> list[QAction]:
    """Links > boundary edits; `a(name, text, slot, shortcut, tip)` is the window's factory."""
    return [
        a("link_grow_end", "E&xtend Link by a Sentence", lambda: review.resize("end", True),
          "Ctrl+]", "The selected link takes the next sentence of the focused article"),
        a("link_shrink_end", "Shrin&k Link by a Sentence", lambda: review.resize("end", False),
          "Ctrl+[", "The selected link gives up its last sentence in the focused article"),
        a("link_grow_start", "Extend Link Back by a Sentence",
          lambda: review.resize("start", True), "Ctrl+Alt+[",
          "The selected link takes the sentence before it in the focused article"),
        a("link_shrink_start", "Shrink Link from Its Start",
          lambda: review.resize("start", False), "Ctrl+Alt+]",
          "The selected link gives up its first sentence in the focused article"),
        a("link_merge", "Mer&ge with Next Link", review.merge_with_next, "Ctrl+Shift+M",
          "One link holding the selected link and the next one in A"),
        a("link_split", "S&plit Link at Cursor", review.split_at_cursor, "Ctrl+Shift+X",
          "Two links from the one at the cursor, cut at the sentence boundary nearest it"),
        a("link_note", "Link &Note…", review.edit_note, "Ctrl+Shift+N",
          "Write a note on the selected link (also: double-click its Note cell in Links)"),
        a("toggle_reviewed", "Mark Passage &Reviewed (No Counterpart)", review.toggle_reviewed,
          "D", "The unmatched passage at the cursor has no counterpart: counted as reviewed "
          "(press again to unmark)"),
    ]
