"""Highlight layers of a text pane, in Qt's UTF-16 positions: stored sorted, looked up by range.

Two ways to show a layer. Most layers are few ranges with rich formats (underlines, bold) and
go through a QSyntaxHighlighter (`LayeredHighlighter`). The two big ones, the link tints and
the unmatched shade, are thousands of plain background ranges on a long pair; formatting them
into every block cost a second of Python per alignment and slowed each repaint, so they are
painted instead (`paint_backgrounds`): only the blocks in view, under the text, on each paint.
Where a highlighter layer above them has its own background, theirs is not painted, so a
range looks the same as when one merged format held all layers (the top background wins).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
    QTextLine,
)

from annotator.core.queries.link_index import SpanIndex

from .geometry import BlockLines, ViewGeometry

Range = tuple[int, int, QTextCharFormat]


class Layer:
    """A layer's highlights in UTF-16 positions, sorted, for fast lookup by range."""

    def __init__(self, ranges: list[Range]) -> None:
        self.ranges = sorted(ranges, key=lambda r: (r[0], r[1]))
        self.index = SpanIndex([(start, end, k) for k, (start, end, _) in enumerate(self.ranges)])
        # per format object (a layer shares a few among thousands of ranges): asked per
        # block painted, two Qt calls each
        self._looks: dict[int, tuple[QColor, bool]] = {}

    def look(self, fmt: QTextCharFormat) -> tuple[QColor, bool]:
        """A range format's background colour and whether it sets a background at all."""
        found = self._looks.get(id(fmt))
        if found is None:
            found = self._looks[id(fmt)] = (
                fmt.background().color(), fmt.hasProperty(QTextCharFormat.Property.BackgroundBrush))
        return found

    def overlapping(self, lo: int, hi: int) -> Iterable[Range]:
        """The ranges with start < hi and end > lo, in order (positions are whole numbers,
        so start < hi is the index's start <= hi - 1)."""
        return [self.ranges[k] for k in sorted(self.index.touching(lo, hi - 1))]


def changed_ranges(old: Layer | None, new: Layer) -> list[tuple[int, int]]:
    """The ranges whose look may differ between two versions of a layer."""
    if old is None:
        return [(s, e) for s, e, _ in new.ranges]
    before: dict[tuple[int, int], list[QTextCharFormat]] = {}
    for s, e, f in old.ranges:
        before.setdefault((s, e), []).append(f)
    after: dict[tuple[int, int], list[QTextCharFormat]] = {}
    for s, e, f in new.ranges:
        after.setdefault((s, e), []).append(f)
    return [key for key in before.keys() | after.keys() if before.get(key) != after.get(key)]


class LayeredHighlighter(QSyntaxHighlighter):
    """Paints every layer into each block; later layers in `order` merge over earlier ones."""

    def __init__(self, document: QTextDocument, order: Sequence[str]) -> None:
        super().__init__(document)
        self.order = list(order)
        self.layers: dict[str, Layer] = {}

    def set_layer(self, name: str, layer: Layer) -> list[tuple[int, int]]:
        """Replace one layer; returns the UTF-16 ranges whose look may have changed."""
        if name not in self.order:
            self.order.append(name)
        old = self.layers.get(name)
        self.layers[name] = layer
        return changed_ranges(old, layer)

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        lo, hi = block.position(), block.position() + len(text)
        if lo == hi:
            return
        pieces: list[Range] = []
        for name in self.order:
            layer = self.layers.get(name)
            if layer is not None:
                pieces.extend(layer.overlapping(lo, hi))
        if not pieces:
            return
        cuts = sorted({lo, hi} | {max(lo, min(hi, p)) for s, e, _ in pieces for p in (s, e)})
        for left, right in pairwise(cuts):
            fmt = QTextCharFormat()
            hit = False
            for start, end, f in pieces:  # in layer order: later merges over earlier
                if start <= left and end >= right:
                    fmt.merge(f)
                    hit = True
            if hit:
                self.setFormat(left - lo, right - left, fmt)


def _pieces(lo: int, hi: int, painted: Sequence[Layer], above: Sequence[Layer],
            ) -> list[tuple[int, int, QColor]]:
    """Elementary ranges of [lo, hi) with the top painted colour, minus what a layer above
    covers with a background of its own."""
    ranges: list[tuple[int, int, int]] = []  # start, end, rank (painted layers first)
    colours: list[QColor] = []
    for layer in painted:
        for start, end, fmt in layer.overlapping(lo, hi):
            ranges.append((max(lo, start), min(hi, end), len(colours)))
            colours.append(layer.look(fmt)[0])
    if not ranges:
        return []
    covers = [(max(lo, s), min(hi, e)) for layer in above for s, e, f in layer.overlapping(lo, hi)
              if layer.look(f)[1]]
    cuts = sorted({p for s, e, _ in ranges for p in (s, e)} | {p for c in covers for p in c})
    out = []
    for left, right in pairwise(cuts):
        if left >= right or any(s <= left and e >= right for s, e in covers):
            continue
        top = max((rank for s, e, rank in ranges if s <= left and e >= right), default=-1)
        if top >= 0:
            out.append((left, right, colours[top]))
    return out


def _x(line: QTextLine, position: int) -> float:
    """Layout x of a cursor position (PySide returns the position too, in a tuple)."""
    found: Any = line.cursorToX(position)
    return float(found[0] if isinstance(found, tuple) else found)


BlockRects = list[tuple[float, float, float, float, QColor]]
"""x, y, width, height relative to the block's top-left corner, and the fill colour."""


def _block_rects(lo: int, lines: BlockLines, painted: Sequence[Layer], above: Sequence[Layer],
                 ) -> BlockRects:
    """The fills of one block (text from Qt position `lo`), relative to its top-left corner."""
    pieces = _pieces(lo, lo + lines.text_length, painted, above)
    if not pieces:
        return []
    starts = lines.starts
    xs: dict[tuple[int, int], float] = {}  # a piece's end is often the next one's start
    out: BlockRects = []
    for start, end, colour in pieces:
        for i in range(max(0, bisect_right(starts, start - lo) - 1), len(starts)):
            ls = starts[i]
            if lo + ls >= end:
                break
            a, b = max(start - lo, ls), min(end - lo, lines.ends[i])
            if a < b:
                line = lines.lines[i]
                xa = xs.get((i, a))
                if xa is None:
                    xa = xs[(i, a)] = _x(line, a)
                xb = xs.get((i, b))
                if xb is None:
                    xb = xs[(i, b)] = _x(line, b)
                y = lines.ys[i]
                # the sizes QRectF(QPointF(xa, y), QPointF(xb, y + height)) would hold
                out.append((xa, y, xb - xa, (y + lines.heights[i]) - y, colour))
    return out


def paint_backgrounds(geometry: ViewGeometry, painter: QPainter, area: QRect,
                      painted: Sequence[Layer], above: Sequence[Layer],
                      cache: dict[tuple[int, int, int], BlockRects], width: int) -> int:
    """Fill the background ranges of `painted` layers in the blocks that intersect `area`
    (viewport coordinates), walking the view's blocks as `geometry` found them. `cache`
    keeps each block's fills until the layers change (the caller clears it), so a repaint of
    lines already seen costs a lookup and the fills. Returns how many blocks were looked at
    (tests count them)."""
    if not any(layer.ranges for layer in painted):
        return 0
    seen = 0
    geometry.walk_all()
    for k, top in enumerate(geometry.view_tops):
        if top > area.bottom():
            break
        if top + geometry.heights[k] < area.top():
            continue
        seen += 1
        block = geometry.blocks[k]
        lo = geometry.starts[k]
        key = (lo, block.revision(), width)
        rects = cache.get(key)
        if rects is None:
            rects = cache[key] = _block_rects(lo, geometry.lines(k), painted, above)
        dx = geometry.offset_x
        for x, y, w, h, colour in rects:
            painter.fillRect(QRectF(x + dx, y + top, w, h), colour)
    return seen


@dataclass(frozen=True, slots=True)
class Highlight:
    """One highlighted range of a layer, in code points, with how it looks."""

    start: int
    end: int
    fmt: QTextCharFormat


def char_format(background: QColor | None = None, *, foreground: QColor | None = None,
                underline: QTextCharFormat.UnderlineStyle | None = None,
                underline_color: QColor | None = None, bold: bool = False) -> QTextCharFormat:
    """A small factory so callers never poke at QTextCharFormat details."""
    fmt = QTextCharFormat()
    if background is not None:
        fmt.setBackground(background)
    if foreground is not None:
        fmt.setForeground(foreground)
    if underline is not None:
        fmt.setUnderlineStyle(underline)
        if underline_color is not None:
            fmt.setUnderlineColor(underline_color)
    if bold:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt
