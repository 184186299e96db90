"""pysbd's abbreviation step without its quadratic scan, with the same output.

pysbd's `search_for_abbreviations_in_string` runs, for every one of its 188 abbreviations that
occurs as a substring of a line, an IGNORECASE `findall` for it after a space, and then one
`re.sub` over the whole line per match, even when the match is the start of a longer word
("no" in " nothing"). On dialogue-heavy text that is half of pysbd's time. Every such sub only
turns a "." into "∯", and for an abbreviation of plain letters only a "." right after
whitespace + exactly those letters (in the case they have in the text). So the subs that can
change anything are known from one scan for "whitespace, letters, period": those are applied,
once per spelling, in pysbd's order; the rest are no-ops and are skipped. Dotted abbreviations
("e.g", "u.s": unescaped patterns), braces (pysbd's look-behind is a literal "{abbr} ") and
the few non-ASCII letters that IGNORECASE matches to ASCII ones keep pysbd's own code.
Tests compare this with pysbd's own method on real and generated lines.
"""

from __future__ import annotations

import re
import types

import pysbd.abbreviation_replacer
from pysbd.abbreviation_replacer import replace_pre_number_abbr as _pre_number
from pysbd.abbreviation_replacer import replace_prepositive_abbr as _prepositive
from pysbd.lang.english import English

from .regex_plans import FAST_RE


def _fast_re(function: types.FunctionType) -> types.FunctionType:
    """pysbd's module function (same code object) with its look-behind-first sub respelt."""
    namespace = dict(vars(pysbd.abbreviation_replacer), re=FAST_RE)
    return types.FunctionType(function.__code__, namespace, function.__name__,
                              function.__defaults__, function.__closure__)


replace_prepositive_abbr = _fast_re(_prepositive)
replace_pre_number_abbr = _fast_re(_pre_number)

_ABBR = English.Abbreviation
_ORDER = {abbr: i for i, abbr in enumerate(_ABBR.ABBREVIATIONS)}
_DOTTED = tuple(a for a in _ABBR.ABBREVIATIONS if not a.isalpha() or not a.isascii())
_PREPOSITIVE = frozenset(_ABBR.PREPOSITIVE_ABBREVIATIONS)
_NUMBER = frozenset(_ABBR.NUMBER_ABBREVIATIONS)
# "İ", "ı", "ſ" and the Kelvin sign match ASCII letters under IGNORECASE; "{" see above.
_PYSBD_ONLY = re.compile("[{\u0130\u0131\u017f\u212a]")
# The only places a plain-letter abbreviation's sub can match: whitespace (or the line start,
# pysbd prepends a space), the whole run of letters, a period. Found from the periods.
_LETTER_PERIOD = re.compile(r"\.(?<=[A-Za-z]\.)")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def candidates(text: str) -> list[str]:
    """The words `(?<!\\S)([A-Za-z]+)\\.` finds, in order: a scan for "." and a walk back."""
    words = []
    for m in _LETTER_PERIOD.finditer(text):
        end = start = m.start()
        while start > 0 and text[start - 1] in _LETTERS:
            start -= 1
        if start == 0 or text[start - 1].isspace():
            words.append(text[start:end])
    return words


# pysbd's replace_abbreviation_as_sentence_boundary pattern, character for character
_STARTERS = "|".join(rf"(?=\s{word}\s)" for word in English.AbbreviationReplacer.SENTENCE_STARTERS)
_AS_SENTENCE_BOUNDARY = re.compile(
    rf"(U∯S|U\.S|U∯K|E∯U|E\.U|U∯S∯A|U\.S\.A|I|i.v|I.V)∯({_STARTERS})"
)


class FastAbbreviationReplacer(English.AbbreviationReplacer):  # type: ignore[misc]
    """pysbd's English abbreviation replacer; only the per-line search is rewritten."""

    def search_for_abbreviations_in_string(self, text: str) -> str:
        if _PYSBD_ONLY.search(text):
            result: str = super().search_for_abbreviations_in_string(text)
            return result
        spellings: dict[str, dict[str, None]] = {}
        for word in candidates(text):
            lower = word.lower()
            if lower in _ORDER:
                spellings.setdefault(lower, {})[word] = None
        lowered = text.lower()
        todo = list(spellings)
        todo.extend(a for a in _DOTTED if a in lowered)
        todo.sort(key=_ORDER.__getitem__)  # pysbd's order (dotted ones may interact)
        for abbr in todo:
            if abbr in spellings:
                for word in spellings[abbr]:
                    text = self._replace(text, abbr, word)
            else:
                text = self._pysbd_one(text, abbr)
        return text

    def replace_abbreviation_as_sentence_boundary(self) -> str:
        """pysbd's, which un-marks "U∯S" etc. before a sentence starter, with its pattern
        built once (pysbd joins it anew per call); a no-op without "∯"."""
        text: str = self.text  # type: ignore[has-type]
        if "∯" in text:
            text = _AS_SENTENCE_BOUNDARY.sub("\\1.", text)
        self.text = text
        return text

    def _replace(self, text: str, abbr: str, word: str) -> str:
        """pysbd's `scan_for_replacements` for a match `word` (no "{": never upper case)."""
        if abbr in _PREPOSITIVE:
            return str(replace_prepositive_abbr(text, word))
        if abbr in _NUMBER:
            return str(replace_pre_number_abbr(text, word))
        return str(self.replace_period_of_abbr(text, word))

    def _pysbd_one(self, text: str, stripped: str) -> str:
        """pysbd's own loop body for one abbreviation, verbatim."""
        abbrev_match = re.findall(rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE)
        if not abbrev_match:
            return text
        next_word_start = r"(?<={" + str(re.escape(stripped)) + "} ).{1}"
        char_array = re.findall(next_word_start, text)
        for ind, match in enumerate(abbrev_match):
            text = self.scan_for_replacements(text, match, ind, char_array)
        return text

