"""Keep ranges on whole user-perceived characters (extended grapheme clusters, roughly).

A claim that ends between a letter and its combining accent, or inside an emoji sequence,
splits what a reader sees as one character: exports then show a detached accent. These rules
cover what survives NFC in real text (combining marks, ZWJ sequences, variation selectors,
skin-tone modifiers, flag pairs); they are not the full UAX #29.
"""

from __future__ import annotations

import unicodedata

_ZWJ = "\u200d"


def _extends(ch: str) -> bool:
    """Whether `ch` attaches to the character before it."""
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Mc")
        or ch == _ZWJ
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0xE0100 <= code <= 0xE01EF
        or 0x1F3FB <= code <= 0x1F3FF  # skin-tone modifiers
        or 0xE0020 <= code <= 0xE007F  # emoji tag sequences
    )


def _regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def is_boundary(text: str, pos: int) -> bool:
    """Whether a range may start or end at `pos` without splitting a character."""
    if pos <= 0 or pos >= len(text):
        return True
    if _extends(text[pos]) or text[pos - 1] == _ZWJ:
        return False
    if _regional(text[pos]) and _regional(text[pos - 1]):
        run = 0  # flags pair up from the start of a run of regional indicators
        while pos - 1 - run >= 0 and _regional(text[pos - 1 - run]):
            run += 1
        return run % 2 == 0
    return True


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to the nearest cluster boundaries (start back, end forward)."""
    while start > 0 and not is_boundary(text, start):
        start -= 1
    while end < len(text) and not is_boundary(text, end):
        end += 1
    return start, end
