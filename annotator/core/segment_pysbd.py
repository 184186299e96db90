"""pysbd's English processing with the same rules and output, minus work that changes nothing.

The fast splitter still hands pysbd the pieces whose boundaries are in doubt. There pysbd's
time goes to regex scans that find nothing: the list-item rules look for numbered and
lettered items in every piece, and its single-quote patterns start with a look-behind that re
tries at every position. This module keeps pysbd's code and only:

- binds the name `ListItemReplacer` in pysbd's own `process` / `process_text` (the same code
  objects) to a subclass that skips a list scan when the text lacks what every one of its
  patterns needs (a digit before "." or ")", a one-letter word before ".", a letter before ")");
- gives pysbd's between-punctuation rules their quote-first spelling (same matches);
- uses the linear abbreviation search from `segment_abbr`.

Tests compare it with plain pysbd on real and generated text.
"""

from __future__ import annotations

import re
import types
from typing import Any

import pysbd.processor
from pysbd.between_punctuation import BetweenPunctuation
from pysbd.lang.english import English
from pysbd.lists_item_replacer import ListItemReplacer
from pysbd.processor import Processor

from .segment_abbr import FastAbbreviationReplacer


def literal_first(pattern: str) -> str:
    """pysbd's `(?<=\\s)'...` as `'(?<=\\s')...`: the same matches, but re scans for the quote
    instead of trying the look-behind at every position (5x faster on long text)."""
    head = r"(?<=\s)"
    assert pattern.startswith(head) and not pattern[len(head)].isalnum(), pattern
    quote = pattern[len(head)]
    return f"{quote}(?<=\\s{quote}){pattern[len(head) + 1 :]}"


class FastBetweenPunctuation(BetweenPunctuation):  # type: ignore[misc]
    """pysbd's between-punctuation rules; the look-behind-first patterns spelt quote-first."""

    BETWEEN_SINGLE_QUOTES_REGEX = literal_first(BetweenPunctuation.BETWEEN_SINGLE_QUOTES_REGEX)
    BETWEEN_SINGLE_QUOTE_SLANTED_REGEX = literal_first(
        BetweenPunctuation.BETWEEN_SINGLE_QUOTE_SLANTED_REGEX
    )
    WORD_WITH_LEADING_APOSTROPHE = literal_first(BetweenPunctuation.WORD_WITH_LEADING_APOSTROPHE)


# What each list pattern cannot match without: NUMBERED_LIST_REGEX_1 and
# NUMBERED_LIST_PARENS_REGEX (the only ones `scan_lists` searches) a digit before "." or ")";
# ALPHABETICAL_LIST_WITH_PERIODS a lower-case letter after whitespace (or at the start) before
# "."; ALPHABETICAL_LIST_WITH_PARENS a lower-case letter before ")".
_DIGIT_ITEM = re.compile(r"[.)](?<=\d[.)])")
_LETTER_DOT = re.compile(r"\.(?<=\s[a-z]\.)")
_LETTER_DOT_AT_START = re.compile(r"[a-z]\.")
_LETTER_PAREN = re.compile(r"\)(?<=[a-z]\))")


class FastListItemReplacer(ListItemReplacer):  # type: ignore[misc]
    """pysbd's list rules; a scan whose pattern cannot match is skipped (it would find no
    items, and with no items pysbd changes nothing)."""

    def scan_lists(self, regex1: str, regex2: str, replacement: str, strip: bool = False) -> None:
        if _DIGIT_ITEM.search(self.text):
            super().scan_lists(regex1, regex2, replacement, strip)

    def iterate_alphabet_array(
        self, regex: str, parens: bool = False, roman_numeral: bool = False
    ) -> Any:
        text = self.text
        if parens:
            possible = _LETTER_PAREN.search(text) is not None
        else:
            possible = bool(_LETTER_DOT_AT_START.match(text) or _LETTER_DOT.search(text))
        if not possible:
            return text
        return super().iterate_alphabet_array(regex, parens, roman_numeral)


class FastEnglish(English):  # type: ignore[misc]
    """pysbd's English rules with the fast abbreviation search and between-punctuation."""

    AbbreviationReplacer = FastAbbreviationReplacer
    BetweenPunctuation = FastBetweenPunctuation


def _with_fast_lists(function: Any) -> Any:
    """pysbd's own function (same code object), reading `ListItemReplacer` as the fast one."""
    namespace = dict(vars(pysbd.processor), ListItemReplacer=FastListItemReplacer)
    return types.FunctionType(function.__code__, namespace, function.__name__)


class FastProcessor(Processor):  # type: ignore[misc]
    """pysbd's Processor: the same code, with the fast list replacer."""

    process = _with_fast_lists(Processor.process)
    process_text = _with_fast_lists(Processor.process_text)


def process(block: str) -> list[str]:
    """pysbd's sentence texts for `block`, as `Processor(block, English).process()` gives."""
    sents: list[str] = FastProcessor(block, FastEnglish).process()
    return sents
