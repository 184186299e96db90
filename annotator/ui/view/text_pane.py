"""Read-only, word-wrapped view of one document, and the app's only code-point/UTF-16 bridge.

The core counts Python code points; Qt counts UTF-16 code units, so an emoji is one position
in the core and two in Qt. `Utf16Index` (utf16.py) is the one converter, and only this module
uses it: everything outside speaks code points. Highlights come in named layers (links, unmatched,
selection, word diff; claims later) drawn by a QSyntaxHighlighter, so they live in the layout,
not in the document, and a layer can change without touching the others.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from .geometry import ViewGeometry
from .layers import (
    BlockRects,
    Highlight,
    Layer,
    LayeredHighlighter,
    char_format,
    paint_backgrounds,
)
from .utf16 import Utf16Index, snap_to_words

LAYER_ORDER = ("unmatched", "links", "suggestions", "current", "diff", "claims", "assist",
               "search")
"""Bottom to top: alignment layers (suggested partners just above the link tints), claims,
then candidates and flags (assist), search; a layer must be named here to be drawn."""
PAINTED_LAYERS = ("unmatched", "links")
"""Background-only layers with thousands of ranges: painted per visible block, not formatted
into the document (see pane_layers)."""


class TextPane(QPlainTextEdit):
    """One document, read-only and wrapped; answers geometry questions in code points.

    Signals:
        offset_clicked(int): a click (not a drag-selection) landed on this code-point offset.
        scrolled(): the view moved (scroll or resize); the gutter repaints on it.
        text_replaced(): `set_text` showed a new text and cleared every layer, so whoever
            draws a layer draws it again (a long pair's texts arrive in turns of their own).
    """

    offset_clicked = Signal(int)
    scrolled = Signal()
    zoom_requested = Signal(int)  # Ctrl+wheel: steps bigger (+) or smaller (-), for both panes
    text_replaced = Signal()

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self._text = ""
        self._index = Utf16Index("")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.setAccessibleName(f"Document {side}")
        self.setAccessibleDescription(f"Read-only text of document {side}")
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.document().setDocumentMargin(14)
        self._highlighter = LayeredHighlighter(self.document(), LAYER_ORDER)
        self._painted: dict[str, Layer] = {}
        self._fills: dict[tuple[int, int, int], BlockRects] = {}  # per block, see pane_layers
        self.painted_blocks = 0  # blocks looked at by the last background paint (tests)
        self._press: QPoint | None = None
        self._line_step = 0.0  # pixels per scroll step, as last measured by bring_to_y
        # what the view shows, kept until it moves or its text is laid out again
        self._geometry: ViewGeometry | None = None
        self._visible: tuple[int, int] | None = None
        self._last_qt = 0  # last valid Qt position (the document's length in UTF-16)
        # lambdas, not bound methods: the layout signals while the pane is torn down, and
        # PySide then calls a bound method of a half-freed object
        self.verticalScrollBar().valueChanged.connect(lambda *_: self._moved())
        self.updateRequest.connect(lambda *_: self._moved())
        layout = self.document().documentLayout()
        layout.update.connect(lambda *_: self._relaid())
        layout.updateBlock.connect(lambda *_: self._relaid())
        self.viewport().installEventFilter(self)

    # --- content --------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Show a document's text; clears every highlight layer."""
        self._text = text
        self._index = Utf16Index(text)
        self._highlighter.layers.clear()
        self._painted.clear()
        self._fills.clear()
        # Detached, the highlighter is not called once per block of the new text (a Python
        # call each: 60+ ms on a long text); it comes back with the first formatted layer.
        self._highlighter.setDocument(None)  # type: ignore[arg-type]
        self.setPlainText(text)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._last_qt = self.document().characterCount() - 1
        self._relaid()
        self.text_replaced.emit()

    def text(self) -> str:
        return self._text

    def set_reading_font(self, font: QFont) -> None:
        """The one way the text's font changes: painted tints and the link map follow it."""
        self._fills.clear()
        self._line_step = 0.0
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._relaid()
        self._moved()
        self.viewport().update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Qt would zoom this pane alone, behind the tints' backs: both panes zoom instead
            steps = event.angleDelta().y() // 120 or (1 if event.angleDelta().y() > 0 else -1)
            if event.angleDelta().y():
                self.zoom_requested.emit(steps)
            event.accept()
            return
        super().wheelEvent(event)

    # --- offsets --------------------------------------------------------------------------
    def qt_pos(self, cp: int) -> int:
        return self._index.to_qt(max(0, min(cp, self._index.length)))

    def cp_pos(self, qt: int) -> int:
        return self._index.to_cp(qt)

    def selected_span(self) -> tuple[int, int] | None:
        """The current text selection in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.cp_pos(cursor.selectionStart()), self.cp_pos(cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_pos(start))
        cursor.setPosition(self.qt_pos(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)

    def offset_at(self, point: QPoint) -> int:
        """Code-point offset under a viewport point."""
        return self.cp_pos(self.cursorForPosition(point).position())

    # --- highlights -----------------------------------------------------------------------
    def set_layer(self, name: str, highlights: Iterable[Highlight]) -> None:
        """Replace one named layer of highlights (code points) and repaint what changed."""
        if self._index.identity:  # most texts: skip thousands of conversions per render
            ranges = [(h.start, h.end, h.fmt) for h in highlights if h.end > h.start]
        else:
            ranges = [(self.qt_pos(h.start), self.qt_pos(h.end), h.fmt) for h in highlights
                      if h.end > h.start]
        self._fills.clear()  # any layer can change what the painted ones show
        if name in PAINTED_LAYERS:
            self._painted[name] = Layer(ranges)
            self.viewport().update()
            return
        if self._highlighter.document() is None:
            if ranges:
                self._highlighter.layers[name] = Layer(ranges)
                self._highlighter.setDocument(self.document())
                self._highlighter.rehighlight()  # now, not on Qt's timer: callers read formats
            return
        touched = self._highlighter.set_layer(name, Layer(ranges))
        self._rehighlight(touched)

    def layer(self, name: str) -> list[tuple[int, int]]:
        """Code-point ranges of a layer (for tests and accessibility)."""
        layer = self._painted.get(name) or self._highlighter.layers.get(name)
        if layer is None:
            return []
        return [(self.cp_pos(s), self.cp_pos(e)) for s, e, _ in layer.ranges]

    def _rehighlight(self, ranges: list[tuple[int, int]]) -> None:
        doc = self.document()
        if len(ranges) > doc.blockCount():
            self._highlighter.rehighlight()
            return
        blocks: set[int] = set()
        for start, end in ranges:
            first = doc.findBlock(start).blockNumber()
            last = doc.findBlock(max(start, end - 1)).blockNumber()
            blocks.update(range(first, last + 1))
        for number in sorted(blocks):
            self._highlighter.rehighlightBlock(doc.findBlockByNumber(number))

    # --- geometry -------------------------------------------------------------------------
    def _moved(self) -> None:
        """The view scrolled or repainted: forget what it showed, then tell the listeners."""
        self._geometry = None
        self._visible = None
        self.scrolled.emit()

    def _relaid(self) -> None:
        """The text was laid out anew (text, font, formats): line positions may differ."""
        self._geometry = None
        self._visible = None

    def view_geometry(self) -> ViewGeometry:
        """The blocks in view and their lines, read from Qt once per view (see
        view_geometry): a frame's many span questions are answered from it."""
        if self._geometry is None:
            self._geometry = ViewGeometry(self)
        return self._geometry

    def span_y(self, start: int, end: int) -> tuple[float, float]:
        """Top and bottom of a code-point range in viewport coordinates (may be off-screen)."""
        top = self._cursor_rows(self.qt_pos(start))[0]
        end_q = self.qt_pos(end)
        if end_q > 0 and self._text[max(0, end - 1): end] != "\n":
            end_q -= 1  # the last character's line, not the next one's
        bottom = self._cursor_rows(end_q)[1]
        return float(top), float(max(bottom, top + 4))

    def _cursor_rows(self, qt: int) -> tuple[int, int]:
        """Top and bottom of the cursor rectangle at a Qt position: from the view's geometry
        when the position is in view, else from Qt."""
        qt = max(0, min(qt, self._last_qt))
        rows = self.view_geometry().cursor_rows(qt)
        if rows is not None:
            return rows
        rect = self._cursor_rect(qt)
        return rect.top(), rect.bottom()

    def _cursor_rect(self, qt: int) -> QRect:
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(qt, self.document().characterCount() - 1)))
        return self.cursorRect(cursor)

    def visible_range(self) -> tuple[int, int]:
        """Code-point range of the text currently visible in the viewport (kept until the
        view moves: the gutter, scroll sync and overlays all ask each frame)."""
        if self._visible is None:
            vp = self.viewport().rect()
            first = self.cursorForPosition(QPoint(0, 0)).position()
            last = self.cursorForPosition(QPoint(vp.width() - 1, vp.height() - 1)).position()
            self._visible = (self.cp_pos(first), self.cp_pos(last))
        return self._visible

    def scroll_by_pixels(self, dy: float) -> None:
        """Scroll so content moves up by about `dy` pixels (QPlainTextEdit scrolls by line)."""
        line = max(1.0, float(self.fontMetrics().lineSpacing()))
        steps = round(dy / line)
        if steps:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + steps)

    def bring_to_y(self, cp: int, y: float) -> None:
        """Scroll until the line holding `cp` sits as close as lines allow to viewport `y`.

        The scroll value counts lines, so the jump goes to the line's number less the lines
        that fill y above it, counted through the real lines (a block not laid out yet
        counts as one line in the scroll value, so a guess from the line height landed
        dozens of lines off on wrapped text and took a second move and repaint). Should the
        line still sit off y (the end of the text), a few measured steps settle it.
        """
        bar = self.verticalScrollBar()
        per_step = self._line_step or max(1.0, float(self.fontMetrics().lineSpacing()))
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.qt_pos(cp))
        block = cursor.block()
        self.blockBoundingRect(block)  # lays the block out, so its lines are known
        line = block.layout().lineForTextPosition(cursor.position() - block.position())
        if line.isValid():
            above = self._lines_above(block, line.lineNumber(), y)  # first: it renumbers
            value = block.firstLineNumber() + line.lineNumber() - above
            if abs(value - bar.value()) > 1:
                bar.setValue(value)
        top = self.span_y(cp, cp + 1)[0]
        for _ in range(8):
            steps = round((top - y) / per_step)
            if not steps:
                return
            before_value, before_y = bar.value(), top
            bar.setValue(before_value + steps)  # each move repaints: few rounds matter
            moved = bar.value() - before_value
            if not moved:
                return
            top = self.span_y(cp, cp + 1)[0]
            if (before_y - top) * moved > 0:
                per_step = self._line_step = abs(before_y - top) / abs(moved)

    def _lines_above(self, block: QTextBlock, line_number: int, y: float) -> int:
        """How many lines above line `line_number` of `block` fill `y` pixels most nearly.
        It lays out the blocks they are in (they come into view with the move anyway), which
        also makes the scroll value count their lines."""
        heights: list[float] = []
        layout = block.layout()
        number = line_number
        filled = 0.0
        while filled < y:
            if number == 0:
                block = block.previous()
                if not block.isValid():
                    break
                self.blockBoundingRect(block)
                layout = block.layout()
                number = layout.lineCount()
                if number == 0:
                    continue
            number -= 1
            heights.append(layout.lineAt(number).height())
            filled += heights[-1]
        count, total = 0, 0.0
        for height in heights:  # one more line while it brings the line nearer to y
            if abs(total + height - y) >= abs(total - y):
                break
            count, total = count + 1, total + height
        return count

    def center_on(self, start: int, end: int) -> None:
        """Scroll so the range sits in the middle of the view when it is not fully visible."""
        top, bottom = self.span_y(start, end)
        height = self.viewport().height()
        if top >= 0 and bottom <= height:
            return
        self.bring_to_y(start, max(8.0, height / 2 - (bottom - top) / 2))

    # --- events ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        """The painted layers go under the text, then Qt draws the text and formats."""
        painted = [self._painted[n] for n in PAINTED_LAYERS if n in self._painted]
        if painted:
            above = [self._highlighter.layers[n] for n in self._highlighter.order
                     if n not in PAINTED_LAYERS and n in self._highlighter.layers]
            painter = QPainter(self.viewport())
            self.painted_blocks = paint_backgrounds(self.view_geometry(), painter, event.rect(),
                                                    painted, above, self._fills,
                                                    self.viewport().width())
            painter.end()
        super().paintEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport():
            if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
                self._press = event.position().toPoint()
                self._drop_selection_under(event)
            elif (event.type() == QEvent.Type.MouseButtonRelease
                  and isinstance(event, QMouseEvent) and self._press is not None):
                moved = (event.position().toPoint() - self._press).manhattanLength()
                self._press = None
                if moved < 4 and event.button() == Qt.MouseButton.LeftButton:
                    self.offset_clicked.emit(self.offset_at(event.position().toPoint()))
                elif event.button() == Qt.MouseButton.LeftButton and (
                        span := self.selected_span()) is not None:  # a drag: whole words
                    self.select_span(*snap_to_words(self._text, *span))
        return super().eventFilter(watched, event)

    def _drop_selection_under(self, event: QMouseEvent) -> None:
        """A plain press inside the selection starts a new one (Qt would drag the selected
        text away, which a read-only article cannot give, and nothing would get selected)."""
        cursor = self.textCursor()
        if (event.button() != Qt.MouseButton.LeftButton or event.modifiers()
                or not cursor.hasSelection()):
            return
        at = self.cursorForPosition(event.position().toPoint()).position()
        if cursor.selectionStart() <= at <= cursor.selectionEnd():
            cursor.setPosition(at)
            self.setTextCursor(cursor)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._moved()


__all__ = ["LAYER_ORDER", "Highlight", "TextPane", "Utf16Index", "char_format"]
