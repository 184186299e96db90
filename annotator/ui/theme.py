"""Colours and fonts for light and dark themes, in one place.

Highlight colours are derived per scheme rather than hard-coded into widgets, so a dark
desktop gets translucent tints that keep text readable. Score colours run along a
colour-vision-safe ramp (amber -> teal -> blue, no red/green contrast), and status is never
shown by colour alone: the gutter also varies fill, outline and pattern.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import (
    QActionGroup,
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication, QMenu, QStyleFactory

from annotator.core import LinkStatus

# Score ramp stops (score, light-theme colour, dark-theme colour).
_RAMP = (
    (0.0, "#d08a00", "#e0a030"),
    (0.5, "#1f9e89", "#35b8a0"),
    (1.0, "#2f5fc4", "#6f97ee"),
)


@dataclass(frozen=True)
class Colors:
    dark: bool
    text: QColor
    muted: QColor
    gutter_bg: QColor
    unmatched: QColor  # background of passages with no partner
    current: QColor  # background of the selected pair
    shared: QColor  # words the selected pair shares verbatim
    changed: QColor  # words that differ inside the selected pair
    changed_line: QColor  # underline for changed words (not colour alone)
    outline: QColor  # outline of the selected band
    rejected: QColor
    # background of an unmatched passage marked reviewed ("no counterpart"): a violet-grey
    # (a hue the score ramp and the selection never use) that stands apart from the pane by
    # 6.5-7.5 ΔE (CIE76) in either scheme: clearly there, yet no louder than the to-review
    # grey (7-9 ΔE) and quieter than any link tint (10+ ΔE), so what is left to do still
    # leads the eye; a third of the grey's alpha, as before, was 2.4 ΔE: nearly invisible
    reviewed: QColor

    def score(self, score: float, alpha: int = 255) -> QColor:
        """Colour for a link score in [0, 1] along the ramp."""
        score = max(0.0, min(1.0, score))
        for (s0, l0, d0), (s1, l1, d1) in pairwise(_RAMP):
            if score <= s1:
                t = (score - s0) / (s1 - s0)
                c0, c1 = QColor(d0 if self.dark else l0), QColor(d1 if self.dark else l1)
                color = QColor(round(c0.red() + (c1.red() - c0.red()) * t),
                               round(c0.green() + (c1.green() - c0.green()) * t),
                               round(c0.blue() + (c1.blue() - c0.blue()) * t))
                color.setAlpha(alpha)
                return color
        return QColor(_RAMP[-1][2 if self.dark else 1])

    # --- how a link looks: the text tint in the panes, the band in the gutter ---------------
    def link_tint(self, score: float, status: LinkStatus) -> QColor:
        """Background of a link's text; a proposal is paler than a decided link."""
        return self.score(score, 40 if status is LinkStatus.PROPOSED else 64)

    def link_band(self, score: float, status: LinkStatus, selected: bool) -> tuple[QColor, QPen]:
        """Fill and edge of a proposed, accepted or manual link's band: proposals are paler
        and dashed, so status never rests on colour alone."""
        base = self.score(score)
        fill = QColor(base)
        fill.setAlpha(90 if status is LinkStatus.PROPOSED else 170)
        if selected:
            fill.setAlpha(min(255, fill.alpha() + 60))
        edge = QColor(base)
        edge.setAlpha(230)
        style = Qt.PenStyle.DashLine if status is LinkStatus.PROPOSED else Qt.PenStyle.SolidLine
        return fill, QPen(edge, 1.0, style)

    def rejected_pen(self) -> QPen:
        """A rejected link's band: a dotted outline, no fill."""
        return QPen(self.rejected, 1.0, Qt.PenStyle.DotLine)

    def manual_hatch(self) -> QBrush:
        """The hatching laid over a manual link's band."""
        return QBrush(QColor("#ffffff") if self.dark else self.text, Qt.BrushStyle.BDiagPattern)

    def selected_pen(self) -> QPen:
        """The outline around the selected link's band."""
        return QPen(self.outline, 2.2)


def _rgba(hex_color: str, alpha: int) -> QColor:
    color = QColor(hex_color)
    color.setAlpha(alpha)
    return color


def colors_for(palette: QPalette) -> Colors:
    """The highlight colours that suit a palette (dark when its window colour is dark)."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    if dark:
        return Colors(True, palette.color(QPalette.ColorRole.Text), QColor("#9aa0a6"),
                      QColor("#25272b"), _rgba("#ffffff", 20), _rgba("#6f97ee", 70),
                      _rgba("#35b8a0", 70), _rgba("#e0a030", 110), QColor("#f0b040"),
                      QColor("#ffffff"), QColor("#80868b"), _rgba("#b4a0e0", 24))
    return Colors(False, palette.color(QPalette.ColorRole.Text), QColor("#6b6f76"),
                  QColor("#eef0f3"), _rgba("#7d8289", 42), _rgba("#2f5fc4", 38),
                  _rgba("#1f9e89", 45), _rgba("#f2b134", 120), QColor("#b36b00"),
                  QColor("#1a1c20"), QColor("#9aa0a6"), _rgba("#8e7cc3", 32))


def dark_palette() -> QPalette:
    """A calm dark palette for Fusion, used when the user picks dark explicitly."""
    p = QPalette()
    role = QPalette.ColorRole
    for r, c in ((role.Window, "#2b2d31"), (role.WindowText, "#e6e6e6"), (role.Base, "#1e1f22"),
                 (role.AlternateBase, "#26282c"), (role.Text, "#e6e6e6"),
                 (role.Button, "#33363b"), (role.ButtonText, "#e6e6e6"),
                 (role.Highlight, "#3d6fd8"), (role.HighlightedText, "#ffffff"),
                 (role.ToolTipBase, "#33363b"), (role.ToolTipText, "#e6e6e6"),
                 (role.PlaceholderText, "#8a8f96"), (role.Link, "#7aa7ff"), (role.Mid, "#3a3d42"),
                 (role.Dark, "#151618"), (role.Light, "#45484e"), (role.Midlight, "#3b3e43"),
                 (role.Shadow, "#000000"), (role.BrightText, "#ffffff")):
        p.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor("#777b82"))
    return p


def light_palette() -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, c in ((role.Window, "#f5f6f8"), (role.WindowText, "#1d1f23"), (role.Base, "#ffffff"),
                 (role.AlternateBase, "#f3f4f6"), (role.Text, "#1d1f23"),
                 (role.Button, "#eceef1"), (role.ButtonText, "#1d1f23"),
                 (role.Highlight, "#2f5fc4"), (role.HighlightedText, "#ffffff"),
                 (role.ToolTipBase, "#ffffe8"), (role.ToolTipText, "#1d1f23"),
                 (role.PlaceholderText, "#80848b"), (role.Link, "#2f5fc4"), (role.Mid, "#c9ccd2"),
                 (role.Dark, "#a0a4ab"), (role.Light, "#ffffff"), (role.Midlight, "#e3e5e9"),
                 (role.Shadow, "#5a5d63"), (role.BrightText, "#ffffff")):
        p.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor("#a0a4ab"))
    return p


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, scheme: str = "auto") -> None:
    """Fusion style with a light or dark palette; "auto" follows the desktop's scheme."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    dark = system_is_dark() if scheme == "auto" else scheme == "dark"
    app.setPalette(dark_palette() if dark else light_palette())
    # A widget with a style sheet of its own keeps the palette it was polished with; setting
    # the sheet again re-polishes it with the new one (else dark text stays on a dark dock).
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def choose_theme(scheme: str) -> None:
    """The user's pick ("auto", "light", "dark"): kept, and applied to the running app."""
    QSettings().setValue("theme", scheme)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, scheme)


def add_theme_menu(menu: QMenu, on_pick: Callable[[str], None]) -> QMenu:
    """View > Theme: follow the system, light or dark (the choice is kept in QSettings)."""
    sub = menu.addMenu("&Theme")
    group = QActionGroup(sub)
    current = QSettings().value("theme", "auto")
    for scheme, label in (("auto", "Follow &System"), ("light", "&Light"), ("dark", "&Dark")):
        act = sub.addAction(label)
        act.setCheckable(True)
        act.setChecked(scheme == current)
        act.triggered.connect(lambda _c=False, sc=scheme: on_pick(sc))
        group.addAction(act)
    return sub


def reading_font(point_size: float = 11.5) -> QFont:
    """A comfortable proportional font for prose, from what the system has."""
    families = set(QFontDatabase.families())
    for name in ("Source Serif 4", "Noto Serif", "Georgia", "Charter", "DejaVu Serif",
                 "Liberation Serif"):
        if name in families:
            font = QFont(name)
            break
    else:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    font.setPointSizeF(point_size)
    return font
