"""Code-point offsets (the core's) to UTF-16 positions (Qt's) and back, for one text; and
word boundaries in code points, which a drag-selection snaps to."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Converts between code-point offsets (core) and UTF-16 positions (Qt) for one text.

    Only characters outside the Basic Multilingual Plane (emoji, some CJK) take two UTF-16
    units; a sorted list of their code-point positions makes both directions a bisection.
    Combining accents are one code point and one UTF-16 unit each, so they need no care here.
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # encoding is a C loop (about 1 ms per MB); scanning the characters in Python is not
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if (
            len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)) else []
        # UTF-16 position of each astral character
        self._astral_qt = [cp + n for n, cp in enumerate(self._astral)]

    @property
    def identity(self) -> bool:
        """Whether code points and UTF-16 positions coincide (no astral characters)."""
        return not self._astral

    def to_qt(self, cp: int) -> int:
        """UTF-16 position of code-point offset `cp` (0 <= cp <= len(text))."""
        return cp + bisect_left(self._astral, cp)

    def to_cp(self, qt: int) -> int:
        """Code-point offset of UTF-16 position `qt`; a position inside a surrogate pair
        rounds down to the start of its character."""
        before = bisect_right(self._astral_qt, qt - 1)  # astral chars starting before qt
        cp = qt - before
        if before and self._astral_qt[before - 1] == qt - 1:
            cp = self._astral[before - 1]  # qt points at the low surrogate
        return max(0, min(cp, self.length))


_WORD_CHAR = re.compile(r"[\w'’-]")


def _in_word(text: str, i: int) -> bool:
    """Whether text[i] belongs to a word: letters, digits, apostrophes, hyphens, and the
    separators inside a number (15,000 and 3.5 are one word each)."""
    ch = text[i]
    if _WORD_CHAR.match(ch):
        return True
    return ch in ",." and 0 < i < len(text) - 1 and text[i - 1].isdigit() and (
        text[i + 1].isdigit())


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole words where it cuts one (a drag that began or ended in
    the middle of a word); whitespace at its ends is dropped."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        while start > 0 and _in_word(text, start - 1) and _in_word(text, start):
            start -= 1
        while end < len(text) and _in_word(text, end) and _in_word(text, end - 1):
            end += 1
    return start, end
