"""Temporary status-bar messages never run into the counters on the bar's right: at 1024
pixels a long message is elided before them and the overview counters yield to it; at 1600
the counters all stay. Checked by geometry and by the pixels of the gap."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core import LinkStatus
from annotator.ui.main_window import MainWindow
from annotator.ui.theme import apply_theme
from annotator.ui.window.status_bar import GAP, MessageBar
from tests.ui.claim_helpers import open_sample, open_window

LONG = ("Alt+1 links suggestion 1 with the passage at the cursor, then goes to the next "
        "unmatched passage of the same article (Ctrl+Z undoes it)")


def _bar(qtbot: QtBot, width: int, scheme: str = "light") -> tuple[MainWindow, MessageBar]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, scheme)
    window, _tools = open_window(qtbot)
    window.resize(width, 700 if width < 1200 else 1000)
    open_sample(qtbot, window)
    session = window.session
    session.select("link", session.links_in_order()[0].id)
    session.decide_and_advance(LinkStatus.ACCEPTED)  # the review step the QA pass used
    QApplication.processEvents()
    bar = window.statusBar()
    assert isinstance(bar, MessageBar)
    return window, bar


def _assert_clear_of_counters(bar: MessageBar) -> None:
    text = bar.message_text_rect()
    assert not text.isEmpty()
    counters = bar.counters()
    assert counters, "the counters are still shown"
    for widget in counters:
        assert not text.intersects(widget.geometry()), (widget.accessibleName(), text,
                                                         widget.geometry())
        assert text.right() + GAP <= widget.x() + 1
    # what is painted in the gap before the first counter is the bar's background only
    image = bar.grab().toImage()
    first = min(w.x() for w in counters)
    colours = {image.pixel(x, y) for x in range(text.right() + 2, first - 2)
               for y in range(2, image.height() - 2)}
    assert len(colours) == 1, "something is drawn between the message and the counters"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_long_message_at_1024_is_elided_before_the_counters(qtbot: QtBot, scheme: str
                                                             ) -> None:
    window, bar = _bar(qtbot, 1024, scheme)
    try:
        area = window.status_area
        window.say(LONG, 60000)
        QApplication.processEvents()
        _assert_clear_of_counters(bar)
        assert bar.shown_message().endswith("…") and bar.toolTip() == LONG
        assert area.counts_label.isVisible() and area.review_label.isVisible()
        assert not area.coverage_label.isVisible()  # an overview figure: it steps aside
        bar.clearMessage()
        QApplication.processEvents()
        assert area.coverage_label.isVisible() and window.claims.counts_label.isVisible()
        assert bar.toolTip() == ""
    finally:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, "light")


def test_at_1600_a_message_fits_and_every_counter_stays(qtbot: QtBot) -> None:
    window, bar = _bar(qtbot, 1600)
    window.say(LONG, 60000)
    QApplication.processEvents()
    _assert_clear_of_counters(bar)
    assert bar.shown_message() == LONG and bar.toolTip() == ""
    assert window.status_area.coverage_label.isVisible()
    assert window.claims.counts_label.isVisible()


def test_the_selected_links_message_at_1024_stays_clear(qtbot: QtBot) -> None:
    """The message a selected link leaves (no timeout: it stays while the link is selected)
    is elided, and takes no counter away; nor do status tips."""
    window, bar = _bar(qtbot, 1400)
    assert bar.currentMessage().startswith("Link ")
    window.resize(1024, 700)
    QApplication.processEvents()
    _assert_clear_of_counters(bar)
    assert window.status_area.coverage_label.isVisible()
    assert window.claims.counts_label.isVisible()
    window.say(LONG, 60000)  # a temporary message may take their room, until it goes
    QApplication.processEvents()
    _assert_clear_of_counters(bar)
    assert not window.status_area.coverage_label.isVisible()
    bar.showMessage(LONG + " (a tip)")  # as Qt shows a status tip: elided, nothing yields
    QApplication.processEvents()
    _assert_clear_of_counters(bar)
    assert window.status_area.coverage_label.isVisible()


def test_counters_come_back_when_room_frees_up_under_a_message(qtbot: QtBot) -> None:
    """A message shown while the progress bar is up (a pair being aligned) took the
    coverage's room; when the progress bar goes, the coverage returns, message still up."""
    window, bar = _bar(qtbot, 1600)
    area = window.status_area
    bar.clearMessage()
    QApplication.processEvents()
    roomy = bar.message_rect().width()
    area.progress.show()
    area.cancel_button.show()
    QApplication.processEvents()
    tight = bar.message_rect().width()
    assert tight < roomy - 100
    words = "word "
    message = words * 200
    while bar.fontMetrics().horizontalAdvance(message) > roomy - 40:
        message = message[: -len(words)]
    window.say(message.strip(), 60000)
    QApplication.processEvents()
    assert not area.coverage_label.isVisible()  # yielded to the progress bar's squeeze
    area.progress.hide()
    area.cancel_button.hide()
    qtbot.waitUntil(area.coverage_label.isVisible)
    _assert_clear_of_counters(bar)
    assert bar.shown_message() == message.strip()
