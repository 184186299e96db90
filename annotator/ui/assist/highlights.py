"""Claim candidates and discrepancy flags drawn into the panes (the "assist" layer).

Candidates are quiet: a dotted grey underline, no fill, so they never compete with real
claims. Open flags get a wavy red underline on both sides; the selected candidate or flag is
also filled. Hovering shows what it is (and a flag's explanation)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat
from PySide6.QtWidgets import QToolTip

from annotator.core.assist.candidates import KIND_LABELS
from annotator.core.assist.model import Candidate, Flag, FlagState

from ..theme import colors_for
from ..view.text_pane import Highlight, TextPane, char_format

CANDIDATE_COLOR = "#8a8f96"
FLAG_COLOR = "#c0392b"


def candidate_format(current: bool, dark: bool) -> QTextCharFormat:
    fill = QColor("#5f6b78" if dark else "#c9d2dc") if current else None
    return char_format(fill, underline=QTextCharFormat.UnderlineStyle.DotLine,
                       underline_color=QColor(CANDIDATE_COLOR))


def flag_format(current: bool, dark: bool) -> QTextCharFormat:
    fill = QColor("#6b2c26" if dark else "#f9d6d2") if current else None
    return char_format(fill, underline=QTextCharFormat.UnderlineStyle.WaveUnderline,
                       underline_color=QColor(FLAG_COLOR))


def assist_layer(side: str, candidates: list[Candidate], flags: list[Flag], current: str,
                 dark: bool) -> list[Highlight]:
    """Highlights of one side: the candidates shown, then open flags and the current item
    (later ranges are drawn over earlier ones)."""
    out = [Highlight(c.start, c.end, candidate_format(c.id == current, dark))
           for c in candidates]
    for flag in flags:
        span = flag.a if side == "A" else flag.b
        if span is None or span.end <= span.start:
            continue
        if flag.state == FlagState.OPEN or flag.id == current:
            out.append(Highlight(span.start, span.end, flag_format(flag.id == current, dark)))
    return out


def candidate_tip(c: Candidate) -> str:
    extra = "".join(f"\n{k}: {v}" for k, v in c.attributes)
    note = f"\n{c.note}" if c.note else ""
    return (f"Candidate: {KIND_LABELS[c.kind]}{extra}{note}\n"
            "Y accepts it as a claim, X dismisses it")


def flag_tip(f: Flag) -> str:
    return f"Flag {f.id} ({f.kind}, {f.state.value}): {f.explanation}\nY: claim link · X: dismiss"


class AssistTooltips(QObject):
    """Tooltips over the panes for whatever assist item lies under the mouse."""

    def __init__(self, panes: dict[str, TextPane],
                 items_at: Callable[[str, int], list[str]]) -> None:
        super().__init__(panes["A"])
        self.panes = panes
        self.items_at = items_at
        for pane in panes.values():
            pane.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        for side, pane in self.panes.items():
            if watched is pane.viewport():
                tips = self.items_at(side, pane.offset_at(event.pos()))
                if tips:
                    QToolTip.showText(event.globalPos(), "\n\n".join(tips), pane.viewport())
                    return True
        return False


def is_dark(pane: TextPane) -> bool:
    return colors_for(pane.palette()).dark
