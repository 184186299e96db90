"""What one scroll step costs, counted rather than timed: B is moved to its partner once, the
gutter is painted once, and the bands' geometry comes from the panes' view snapshots."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

from annotator.core import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.view.text_pane import TextPane
from tests.ui.pair_helpers import linked_by_paragraph


def long_paragraph_project(paragraphs: int = 300) -> Project:
    """Paragraphs that wrap over several lines, so the panes' lazy layout renumbers lines
    while a scroll is under way (the case that made A jump back and B move twice)."""
    def text(side: str) -> str:
        return "\n".join(f"Paragraph {i} of {side}: " + "some words that wrap " * (3 + i % 9)
                         for i in range(paragraphs))

    return linked_by_paragraph(text("A"), text("B"))


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_one_scroll_moves_b_once_and_a_stays_put(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.session.set_project(long_paragraph_project(), None)
    window.session.turns.run_all()  # a long pair's texts and tints come in turns
    QApplication.processEvents()
    view = window.view
    bar = view.pane_a.verticalScrollBar()
    calls: list[int] = []
    bring = TextPane.bring_to_y

    def counting(self: TextPane, cp: int, y: float) -> None:
        calls.append(cp)
        bring(self, cp, y)

    bar.setValue(bar.maximum() // 10)  # the first scroll after opening settles the panes
    QApplication.processEvents()
    monkeypatch.setattr(TextPane, "bring_to_y", counting)
    for k in range(2, 9):
        calls.clear()
        bar.setValue(bar.maximum() * k // 9)  # far: lines above and below not laid out yet
        top = view.pane_a.firstVisibleBlock().blockNumber()
        QApplication.processEvents()
        assert len(calls) == 1, k
        assert view.pane_a.firstVisibleBlock().blockNumber() == top  # no jump back
        # and B shows the partner of A's middle line, level with it
        mid = view.pane_a.viewport().height() // 2
        from PySide6.QtCore import QPoint
        offset = view.pane_a.offset_at(QPoint(8, mid))
        partner = window.session.link_index().partner_offset("A", offset)
        assert partner is not None
        first, last = view.pane_b.visible_range()
        assert first <= partner <= last


def test_a_scroll_step_paints_the_gutter_once_from_the_snapshots(window: MainWindow,
                                                                 monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.session.set_project(long_paragraph_project(), None)
    window.session.turns.run_all()  # a long pair's texts and tints come in turns
    QApplication.processEvents()
    view = window.view
    counter = PaintCounter()
    view.gutter.installEventFilter(counter)
    asked: list[int] = []
    cursor_rect = TextPane._cursor_rect

    def counting(self: TextPane, qt: int):  # type: ignore[no-untyped-def]
        asked.append(qt)
        return cursor_rect(self, qt)

    monkeypatch.setattr(TextPane, "_cursor_rect", counting)
    bar = view.pane_a.verticalScrollBar()
    for k in range(1, 6):
        QApplication.processEvents()
        counter.paints = 0
        asked.clear()
        bar.setValue(bar.maximum() * k // 7)
        QApplication.processEvents()
        assert counter.paints == 1, k
        bands = view.gutter.bands()
        assert len(bands) >= 3
        # only ends outside the view (a band's far side) go to Qt one by one
        assert len(asked) <= 4, (k, len(asked), len(bands))


def test_sync_jump_lands_in_one_move_on_wrapped_text(window: MainWindow) -> None:
    """B's jump counts the real lines above its target: lines of blocks not laid out yet
    used to count as one each, so the jump fell dozens of lines short and took a second
    scroll (and repaint) of B."""
    window.session.set_project(long_paragraph_project(), None)
    window.session.turns.run_all()  # a long pair's texts and tints come in turns
    QApplication.processEvents()
    view = window.view
    moves: list[int] = []
    view.pane_b.updateRequest.connect(lambda _rect, dy: moves.append(dy) if dy else None)
    bar = view.pane_a.verticalScrollBar()
    bar.setValue(bar.maximum() // 10)
    QApplication.processEvents()
    for k in range(2, 9):
        moves.clear()
        bar.setValue(bar.maximum() * k // 9)
        QApplication.processEvents()
        assert len(moves) == 1, (k, moves)


class PaintRects(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.heights: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.heights.append(event.rect().height())
        return False


def test_small_scroll_repaints_only_the_lines_scrolled_in(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Qt moves the pixels of a scrolled view and paints the strip scrolled in, unless a
    widget lies over the view: the claim-bracket overlay hides while no claim is in view."""
    window.session.set_project(long_paragraph_project(), None)
    view = window.view
    # a new project's tints arrive over a few turns, each a full repaint: let them land
    qtbot.waitUntil(lambda: bool(view.pane_a.layer("links") and view.pane_b.layer("links")))
    qtbot.wait(200)
    view.sync.enabled = False
    rects = PaintRects()
    view.pane_a.viewport().installEventFilter(rects)
    bar = view.pane_a.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    QApplication.processEvents()
    bar.setValue(bar.value() + 2)  # the lines around a jump's landing get numbered anew
    QApplication.processEvents()
    height = view.pane_a.viewport().height()
    for _ in range(4):
        rects.heights.clear()
        bar.setValue(bar.value() + 2)
        QApplication.processEvents()
        assert rects.heights and max(rects.heights) < height / 2, (rects.heights, height)


def test_bracket_overlay_shows_while_claims_are_in_view(window: MainWindow) -> None:
    from annotator.core import edits
    from annotator.ui.claims.highlights import BracketOverlay

    window.session.set_project(long_paragraph_project(), None)
    window.session.turns.run_all()  # a long pair's texts and tints come in turns
    QApplication.processEvents()
    view = window.view
    window.session.edit(edits.add_claim, "A", 0, 20, "factual")
    QApplication.processEvents()
    overlay = next(o for o in window.findChildren(BracketOverlay) if o.pane is view.pane_a)
    assert overlay.isVisible()  # the claim is at the top, in view
    bar = view.pane_a.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    assert not overlay.isVisible()
    bar.setValue(0)
    QApplication.processEvents()
    assert overlay.isVisible()
    painted = overlay.grab().toImage()
    assert not painted.isNull()
