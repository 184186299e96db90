"""Whether pysbd's list-item rules would change a block.

pysbd looks for numbered ("1. 2.", "1) 2)") and lettered ("a. b.", "(i) (ii)") lists over the
whole block and, when neighbouring items are consecutive, rewrites and splits there. Such a
block has to go to pysbd whole. A lone "April 9." or "3 p.m." never forms a list, so this
replays pysbd's own consecutiveness test (with its own regexes) instead of refusing every
block with a number or an initial in it.
"""

from __future__ import annotations

import itertools
import re

from pysbd.lists_item_replacer import ListItemReplacer as _L

from .pysbd_rules import _LETTER_DOT, _LETTER_DOT_AT_START, _LETTER_PAREN

_NUMBERED = (re.compile(_L.NUMBERED_LIST_REGEX_1), re.compile(_L.NUMBERED_LIST_PARENS_REGEX))
_LETTERED = (re.compile(_L.ALPHABETICAL_LIST_WITH_PERIODS),
             re.compile(_L.ALPHABETICAL_LIST_WITH_PARENS))
_ALPHABETS = (_L.LATIN_NUMERALS, _L.ROMAN_NUMERALS)
# Cheap necessary conditions, so most blocks skip the patterns above: each numbered pattern
# needs a digit (\d, as in pysbd's own patterns) before "." or ")"; for the lettered ones see
# pysbd_rules, whose list replacer skips pysbd's scans on the same conditions.
_MAY_NUMBER = re.compile(r"\d[.)]")


def _may_number(block: str) -> bool:
    """`_MAY_NUMBER.search`, answered without a scan by re when an ASCII block has no digit
    (`in` on a str is a fast memchr; re tries the \\d category at every position)."""
    if block.isascii() and not (
        "0" in block or "1" in block or "2" in block or "3" in block or "4" in block
        or "5" in block or "6" in block or "7" in block or "8" in block or "9" in block
    ):
        return False
    return _MAY_NUMBER.search(block) is not None


def _numbers_consecutive(numbers: list[int]) -> bool:
    """pysbd's scan_lists: an item whose neighbour in the list is one more or less (or 0/9)."""
    return any(y == x + 1 or {x, y} == {0, 9} for x, y in itertools.pairwise(numbers))


def _letters_consecutive(items: list[str], alphabet: list[str]) -> bool:
    """pysbd's iterate_alphabet_array: an item next to its alphabet neighbour; the first item's
    "previous" is the last one (Python's index -1)."""
    for i, item in enumerate(items):
        here = alphabet.index(item)
        if abs(alphabet.index(items[i - 1]) - here) == 1:
            return True
        if i < len(items) - 1 and alphabet.index(items[i + 1]) - here == 1:
            return True
    return False


def list_rules_apply(block: str) -> bool:
    """True when pysbd's list handling would rewrite something in `block`."""
    if _may_number(block):
        for pattern in _NUMBERED:
            found = pattern.findall(block)
            if len(found) > 1 and _numbers_consecutive([int(x) for x in found]):
                return True
    periods = bool(_LETTER_DOT_AT_START.match(block) or _LETTER_DOT.search(block))
    for pattern, possible in zip(_LETTERED, (periods, _LETTER_PAREN.search(block)), strict=True):
        if not possible:
            continue  # it would find no item
        found = pattern.findall(block)
        for alphabet in _ALPHABETS:
            items = [x for x in found if x in alphabet]
            if items and _letters_consecutive(items, alphabet):
                return True
    return False
