"""The shade of an unmatched passage marked reviewed ("no counterpart") is clearly visible on
the pane in light and dark, yet quieter than every link tint and no louder than the grey of a
passage still to review: measured as CIE76 ΔE of the fill laid over the pane's background."""

from __future__ import annotations

import math

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from annotator.core import LinkStatus, edits
from annotator.ui.main_window import MainWindow
from tests.ui.claim_helpers import open_sample, open_window

VISIBLE = 5.0  # ΔE a fill behind text needs to be seen at a glance (2.3 is barely noticed)
DISTINCT = 3.0  # reviewed and to-review passages must not be confused


def _lab(color: QColor) -> tuple[float, float, float]:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in (color.redF(), color.greenF(), color.blueF()))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _over(fill: QColor, base: QColor) -> QColor:
    """A translucent fill painted on an opaque background."""
    a = fill.alphaF()
    return QColor.fromRgbF(*(b + (f - b) * a for f, b in (
        (fill.redF(), base.redF()), (fill.greenF(), base.greenF()),
        (fill.blueF(), base.blueF()))))


def delta_e(fill: QColor, base: QColor) -> float:
    return math.dist(_lab(_over(fill, base)), _lab(base))


def _reviewed_window(qtbot: QtBot, scheme: str) -> tuple[MainWindow, tuple[int, int]]:
    window, _tools = open_window(qtbot)
    window.set_theme(scheme)
    open_sample(qtbot, window)
    passage = window.session.unmatched("A")[0]
    window.session.edit(edits.toggle_reviewed, "A", *passage)
    return window, passage


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reviewed_shade_is_visible_and_quieter_than_links(qtbot: QtBot, scheme: str) -> None:
    window, passage = _reviewed_window(qtbot, scheme)
    try:
        pane = window.view.pane_a
        colors = window.view.colors()
        assert colors.dark is (scheme == "dark")
        base = pane.palette().color(QPalette.ColorRole.Base)
        # what is painted behind the reviewed passage is the theme's reviewed shade
        layer = pane._painted["unmatched"]
        painted = next(fmt.background().color() for s, _e, fmt in layer.ranges
                       if s == pane.qt_pos(passage[0]))
        assert painted == colors.reviewed
        reviewed = delta_e(colors.reviewed, base)
        assert reviewed >= VISIBLE, f"{scheme}: reviewed shade is {reviewed:.1f} ΔE"
        assert reviewed <= delta_e(colors.unmatched, base)
        quietest_link = min(delta_e(colors.link_tint(score / 10, status), base)
                            for score in range(11)
                            for status in (LinkStatus.PROPOSED, LinkStatus.ACCEPTED))
        assert reviewed < quietest_link
        apart = math.dist(_lab(_over(colors.reviewed, base)), _lab(_over(colors.unmatched, base)))
        assert apart >= DISTINCT, f"{scheme}: reviewed and to-review {apart:.1f} ΔE apart"
    finally:
        window.set_theme("light")
