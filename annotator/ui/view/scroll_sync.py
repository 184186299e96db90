"""Keep aligned passages level while either pane scrolls (with an unlock toggle).

Like Meld's `_sync_vscroll`, the maths is in code points and pure (`partner_offset`); only
the last step converts to pixels. News rewrites reorder, so there is no monotonic mapping:
the passage at the middle of the scrolled pane is looked up in the links, its partner is
found by proportional interpolation, and the other pane scrolls to bring that partner level.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QPoint

from annotator.core import AlignmentLink, LinkStatus

from ..session import Session
from .text_pane import TextPane


def partner_offset(links: Iterable[AlignmentLink], side: str, offset: int) -> int | None:
    """Where `offset` of one side lands on the other, following the links (None if no link).

    Inside a link the position is interpolated proportionally; between links it is carried
    from the nearest link before it (or after it, at the top of a document).
    """
    best: tuple[int, int, int, int, int] | None = None  # (distance, s0, s1, t0, t1)
    for link in links:
        if link.status is LinkStatus.REJECTED:
            continue
        src, dst = (link.a, link.b) if side == "A" else (link.b, link.a)
        s0, s1 = min(s.start for s in src), max(s.end for s in src)
        t0, t1 = min(s.start for s in dst), max(s.end for s in dst)
        if s0 <= offset < s1:
            distance = 0
        elif s1 <= offset:
            distance = offset - s1 + 1
        else:
            distance = (s0 - offset) + 10**9  # links below count only when none is above
        if best is None or distance < best[0]:
            best = (distance, s0, s1, t0, t1)
    if best is None:
        return None
    distance, s0, s1, t0, t1 = best
    if distance == 0:
        return t0 + round((offset - s0) * (t1 - t0) / max(1, s1 - s0))
    if distance < 10**9:
        return t1 + (offset - s1)
    return max(0, t0 - (s0 - offset))


class ScrollSync(QObject):
    """Scrolls the other pane whenever one scrolls, unless unlocked (`enabled = False`)."""

    def __init__(self, session: Session, pane_a: TextPane, pane_b: TextPane) -> None:
        super().__init__(pane_a)
        self.session = session
        self.panes = {"A": pane_a, "B": pane_b}
        self.enabled = True
        self._busy = False
        self._last: tuple[object, ...] | None = None  # side, middle offset, target value, links
        pane_a.verticalScrollBar().valueChanged.connect(lambda _v: self.follow("A"))
        pane_b.verticalScrollBar().valueChanged.connect(lambda _v: self.follow("B"))

    @contextmanager
    def suspended(self) -> Iterator[None]:
        """Move both panes on purpose (jumping to a link) without them fighting."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    def set_enabled(self, on: bool) -> None:
        """Sync scroll on or off; switched on, B comes level with A at once."""
        self.enabled = on
        if on:
            self.follow("A")

    def follow(self, side: str) -> None:
        if not self.enabled or self._busy or self.session.project is None:
            return
        source = self.panes[side]
        target = self.panes["B" if side == "A" else "A"]
        mid = source.viewport().height() // 2
        offset = source.offset_at(QPoint(8, mid))
        bar = target.verticalScrollBar()
        index = self.session.link_index()
        if self._last == (side, offset, bar.value(), index):
            return  # the scroll bar moved but the text did not (re-layout): nothing to follow
        partner = index.partner_offset(side, offset)  # = partner_offset(all links, ...)
        if partner is None:
            return
        limit = len(target.text())
        partner = max(0, min(partner, max(0, limit - 1)))
        y_source = source.span_y(offset, offset + 1)[0]
        with self.suspended():
            target.bring_to_y(partner, y_source)
        self._last = (side, offset, bar.value(), index)
