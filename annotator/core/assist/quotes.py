"""Direct quotations: the words inside quotation marks, with the marks' positions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_QUOTE = re.compile(r"“(?P<c>[^“”]{1,2000}?)”|\"(?P<s>[^\"\n]{1,2000}?)\""
                    r"|«\s?(?P<g>[^«»]{1,2000}?)\s?»|„(?P<d>[^„“”]{1,2000}?)[“”]"
                    # single marks, where apostrophes are no quotation marks: 'like this'
                    r"|(?<![\w'’])['‘](?P<q>[^\s'‘’][^'‘’\n]{0,2000}?\s[^'‘’\n]*?)['’](?!\w)")
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Quotation:
    start: int  # the opening mark
    end: int  # after the closing mark
    inner_start: int
    inner_end: int
    text: str  # the quoted words, marks excluded

    @cached_property
    def words(self) -> list[str]:
        return words(self.text)


def words(text: str) -> list[str]:
    """Lower-case words without punctuation (what two quotations are compared on)."""
    return [w.casefold().replace("’", "'") for w in _WORDS.findall(text)]


def find_quotations(text: str) -> list[Quotation]:
    found = []
    for m in _QUOTE.finditer(text):
        group = next(g for g in ("c", "s", "g", "d", "q") if m.group(g) is not None)
        inner = m.group(group)
        stripped = inner.strip()
        if not words(stripped):
            continue
        inner_start = m.start(group) + (len(inner) - len(inner.lstrip()))
        found.append(Quotation(m.start(), m.end(), inner_start, inner_start + len(stripped),
                               stripped))
    return found
