"""The position index answers like the walks over every link it replaced, and the gutter and
scroll sync use it: a frame looks at the links in view, not all of them."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QApplication

from annotator.core.queries import link_index
from annotator.core.queries.link_index import LinkIndex
from annotator.ui.main_window import MainWindow
from annotator.ui.view.scroll_sync import partner_offset
from tests.core.test_queries_link_index import random_links
from tests.ui.pair_helpers import paragraph_linked_project


def test_partner_offset_matches_the_walk_over_all_links() -> None:
    rng = random.Random(6)
    for count in (0, 1, 3, 40, 400):
        links = random_links(rng, count, 40_000)
        index = LinkIndex(rng.sample(links, len(links)))
        assert index.links == links  # A's reading order, as Project.links_sorted gives it
        for offset in [rng.randrange(41_000) for _ in range(300)] + [0, 10, 29_999, 30_000]:
            for side in ("A", "B"):
                assert index.partner_offset(side, offset) == partner_offset(links, side, offset)


def test_gutter_and_scroll_sync_touch_only_links_in_view(window: MainWindow,
                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.session.set_project(paragraph_linked_project(3000), None)
    QApplication.processEvents()
    index = window.session.link_index()
    walked: list[int] = []
    touching = link_index.SpanIndex.touching

    def counting(self, lo: int, hi: int) -> list[int]:  # type: ignore[no-untyped-def]
        found = touching(self, lo, hi)
        walked.append(len(found))
        return found

    monkeypatch.setattr(link_index.SpanIndex, "touching", counting)
    bar = window.view.pane_a.verticalScrollBar()
    gutter = window.view.gutter
    for value in (bar.maximum() // 3, bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)  # scroll sync asks the index for the partner
        gutter.grab()
        assert 0 < len(gutter.painted) < 60  # the bands in view, of 3000 links
    assert walked and max(walked) < 60
    assert window.session.link_index() is index  # no rebuild per frame


def test_scroll_sync_skips_when_the_text_did_not_move(window: MainWindow,
                                                     monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Lazy layout re-numbers a scroll bar without moving the text; following each of
    those moves cost a B repaint apiece (about 10 per frame on the 100k pair)."""
    window.session.set_project(paragraph_linked_project(400, same_text=True), None)
    QApplication.processEvents()
    view = window.view
    view.pane_a.verticalScrollBar().setValue(200)
    moves: list[int] = []
    monkeypatch.setattr(view.pane_b, "bring_to_y", lambda cp, y: moves.append(cp))
    view.sync.follow("A")
    view.sync.follow("A")
    assert moves == []  # B already follows A's text: nothing to do, twice
    view.pane_a.verticalScrollBar().setValue(100)
    assert len(moves) == 1


def test_a_layer_finds_what_a_walk_over_its_ranges_finds() -> None:
    """Pane layers use the same span index; long ranges (a copied passage, a long shade) must
    not make every query scan back to them, and the answer stays the plain walk's."""
    from PySide6.QtGui import QTextCharFormat

    from annotator.ui.view.layers import Layer

    rng = random.Random(9)
    fmt = QTextCharFormat()
    for _ in range(200):
        ranges = []
        for _ in range(rng.randint(0, 30)):
            start = rng.randrange(0, 60_000)
            length = rng.choice([0, 1, 5, 80, 3_000, link_index.LONG + rng.randrange(1, 9_000)])
            ranges.append((start, start + length, fmt))
        layer = Layer(ranges)
        for _ in range(20):
            lo = rng.randrange(0, 70_000)
            hi = lo + rng.choice([0, 1, 50, 4_000])
            walk = [r for r in sorted(ranges, key=lambda r: (r[0], r[1]))
                    if r[0] < hi and r[1] > lo]
            assert list(layer.overlapping(lo, hi)) == walk
