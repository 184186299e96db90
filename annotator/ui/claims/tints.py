"""The claims' tint layer of a pane: elementary pieces, each tinted by its innermost claim and
darker the deeper it is nested, recomputed only where an edit changed something.

A sweep over the claims' boundaries keeps the set of claims open at each point, so the cost
grows with the number of claims times their nesting depth, not quadratically; an edit re-sweeps
only the stretch of text its claims (and the claims overlapping them) cover, and the pieces
share one format per look, so an edit costs what it changes, not what the project holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtGui import QColor, QTextCharFormat

from annotator.core import Claim, Project

from ..view.text_pane import Highlight, char_format

UNKNOWN_COLOR = "#808080"
_FORMATS: dict[tuple[str, int], QTextCharFormat] = {}


def claim_color(project: Project, claim: Claim) -> QColor:
    ct = project.taxonomy.claim_type(claim.type)
    return QColor(ct.color if ct is not None else UNKNOWN_COLOR)


def _look(color: str, alpha: int) -> QTextCharFormat:
    fmt = _FORMATS.get((color, alpha))
    if fmt is None:
        tint = QColor(color)
        tint.setAlpha(max(0, min(255, alpha)))
        fmt = _FORMATS[(color, alpha)] = char_format(
            tint, underline=QTextCharFormat.UnderlineStyle.SingleUnderline,
            underline_color=QColor(color))
    return fmt


def doc_id(project: Project, side: str) -> str:
    return project.doc_a.id if side == "A" else project.doc_b.id


def _sweep(project: Project, claims: list[Claim], current: str, dark: bool) -> list[Highlight]:
    cuts = sorted({p for c in claims for p in (c.start, c.end)})
    starting: dict[int, list[Claim]] = {}
    for c in claims:
        starting.setdefault(c.start, []).append(c)
    out: list[Highlight] = []
    base = 80 if dark else 48
    active: dict[str, Claim] = {}
    colors: dict[str, str] = {}
    for left, right in pairwise(cuts):
        for c in starting.get(left, ()):
            active[c.id] = c
        if any(c.end <= left for c in active.values()):
            active = {cid: c for cid, c in active.items() if c.end > left}
        if not active:
            continue
        inner = min(active.values(), key=lambda c: (c.end - c.start, c.id))
        color = colors.get(inner.type)
        if color is None:
            color = colors[inner.type] = claim_color(project, inner).name()
        alpha = base + 26 * (len(active) - 1) + (70 if current in active else 0)
        out.append(Highlight(left, right, _look(color, alpha)))
    return out


def claim_layer(project: Project, side: str, current: str, dark: bool) -> list[Highlight]:
    """Elementary, non-overlapping highlights for one side's claims."""
    doc = doc_id(project, side)
    return _sweep(project, [c for c in project.claims.values() if c.doc == doc], current, dark)


def relayer(project: Project, side: str, current: str, dark: bool, pieces: list[Highlight],
            changed: Iterable[tuple[int, int]]) -> list[Highlight]:
    """`pieces` (this side's layer as it was) with the stretches `changed` (old and new ranges
    of the claims an edit touched) swept again; the rest is kept as it was."""
    doc = doc_id(project, side)
    claims = [c for c in project.claims.values() if c.doc == doc]
    out = pieces
    for lo, hi in sorted(changed):
        grown = True
        while grown:  # take in every claim that overlaps the stretch, and what overlaps it
            grown = False
            for c in claims:
                if c.start < hi and c.end > lo and (c.start < lo or c.end > hi):
                    lo, hi, grown = min(lo, c.start), max(hi, c.end), True
        inside = [c for c in claims if c.start < hi and c.end > lo]
        out = ([p for p in out if p.end <= lo] + _sweep(project, inside, current, dark)
               + [p for p in out if p.start >= hi])
    return out
