"""Where the text in a QPlainTextEdit's view sits: one walk over the visible blocks per view.

A scroll frame asks "at what y is this position?" some 60 times (the gutter: both ends of each
link in view; scroll sync; the painted tints). `QPlainTextEdit.cursorRect` answers one such
question with a QTextCursor, a block search and a walk from the top block: ~40 us from Python.
`ViewGeometry` walks the visible blocks once (their tops, as the paint does) and reads each
block's lines on first use, so a question is a bisection plus cursorRect's own rounding
(`QRectF.toRect`, then the viewport's whole-pixel offset); tests compare it with cursorRect.
Positions outside the view get None, and the caller asks Qt.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QTextBlock, QTextLine
from PySide6.QtWidgets import QPlainTextEdit


def qround(value: float) -> int:
    """Qt's qRound: halves away from zero (Python's round() goes to even)."""
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)


def rect_rows(y: float, height: float) -> tuple[int, int]:
    """Top and bottom rows of QRectF(x, y, w, height).toRect() (Qt 6 rounding)."""
    top = qround(y)
    return top, top + qround(height + (y - top) / 2) - 1


class BlockLines:
    """One visible block's lines: where each ends (QTextLayout.lineForTextPosition's rule),
    its y inside the block and its height; the QTextLine handles for x positions."""

    __slots__ = ("ends", "heights", "lines", "starts", "text_length", "ys")

    def __init__(self, block: QTextBlock) -> None:
        layout = block.layout()
        self.lines: list[QTextLine] = [layout.lineAt(i) for i in range(layout.lineCount())]
        self.starts = [line.textStart() for line in self.lines]
        self.ends = [start + line.textLength() for start, line in zip(self.starts, self.lines,
                                                                       strict=True)]
        self.ys = [line.y() for line in self.lines]
        self.heights = [line.height() for line in self.lines]
        self.text_length = block.length() - 1

    def line_of(self, rel: int) -> int:
        """Index of the line holding block-relative position `rel`, or -1 (Qt: no line)."""
        if rel == self.text_length and self.lines:
            return len(self.lines) - 1
        i = bisect_right(self.ends, rel)
        return i if i < len(self.lines) else -1


class ViewGeometry:
    """The blocks intersecting the viewport of `edit` as it is now (rebuild after any scroll,
    resize or relayout: `TextPane.view_geometry` keeps one per view state).

    The walk down the view is lazy: a question about the top lines (scroll sync settling a
    jump) reads only the blocks down to them; a paint reads them all (`walk_all`)."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        self._edit = edit
        offset = edit.contentOffset()
        self.offset_x = offset.x()
        self.offset_y = offset.y()
        # cursorRect rounds in content coordinates, then moves by the whole-pixel offset
        self._shift = -int(-offset.y())
        self._bottom = edit.viewport().height()
        self.blocks: list[QTextBlock] = []
        self.starts: list[int] = []
        self.tops: list[float] = []  # content y, the top block at 0 (as Qt's control sums)
        self.view_tops: list[float] = []  # viewport y, summed the way paintEvent sums them
        self.heights: list[float] = []
        self._lines: dict[int, BlockLines] = {}
        self._next: QTextBlock | None = edit.firstVisibleBlock()
        self._top, self._view_top = 0.0, offset.y()
        self.limit = self._next.position() if self._next.isValid() else 0
        """Positions in [starts[0], limit) are in the blocks walked so far."""

    def _step(self) -> bool:
        """Walk one block further down the view; False once past its bottom edge."""
        block = self._next
        if block is None or not block.isValid() or not block.isVisible():
            self._next = None
            return False
        height = self._edit.blockBoundingRect(block).height()  # lays the block out
        self.blocks.append(block)
        self.starts.append(self.limit)
        self.tops.append(self._top)
        self.view_tops.append(self._view_top)
        self.heights.append(height)
        self.limit += block.length()
        self._top += height
        self._view_top += height
        self._next = block.next() if self._view_top <= self._bottom else None
        return True

    def walk_all(self) -> int:
        """Walk to the bottom of the view; returns the number of blocks in view."""
        while self._next is not None and self._step():
            pass
        return len(self.blocks)

    def block_index(self, pos: int) -> int:
        """Index into `blocks` of the block holding `pos`, or -1 outside the view's blocks."""
        while pos >= self.limit and self._next is not None and self._step():
            pass
        if not self.starts or pos < self.starts[0] or pos >= self.limit:
            return -1
        return bisect_right(self.starts, pos) - 1

    def lines(self, k: int) -> BlockLines:
        found = self._lines.get(k)
        if found is None:
            found = self._lines[k] = BlockLines(self.blocks[k])
        return found

    def cursor_rows(self, pos: int) -> tuple[int, int] | None:
        """Top and bottom of `cursorRect` at Qt position `pos` (viewport rows), or None when
        `pos` is not in the view's blocks."""
        k = self.block_index(pos)
        if k < 0:
            return None
        lines = self.lines(k)
        i = lines.line_of(pos - self.starts[k])
        if i < 0:
            top, bottom = rect_rows(self.tops[k], 10.0)  # Qt's stand-in for a missing line
        else:
            top, bottom = rect_rows(self.tops[k] + lines.ys[i], lines.heights[i])
        return top + self._shift, bottom + self._shift
