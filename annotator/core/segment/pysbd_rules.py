"""pysbd's English processing with the same rules and output, minus work that changes nothing.

The fast splitter still hands pysbd the pieces whose boundaries are in doubt. There pysbd's
time goes to regex scans that find nothing: the list-item rules look for numbered and
lettered items in every piece, and its single-quote patterns start with a look-behind that re
tries at every position. This module keeps pysbd's code and only:

- binds the name `ListItemReplacer` in pysbd's own Processor methods (the same code objects)
  to a subclass that skips a list scan when the text lacks what every one of its
  patterns needs (a digit before "." or ")", a one-letter word before ".", a letter before ")");
- binds `Text` there to a subclass whose `apply` skips a rule when the text lacks a string
  every match of its pattern needs (most rules put back marker characters a sentence
  rarely has: about 20 no-op substitutions per sentence) and runs the others respelt
  literal-first (`regex_plans`); pysbd's direct `re.sub` calls go the same way (`re` is
  bound to `regex_plans.FAST_RE` in its functions);
- gives pysbd's between-punctuation rules their quote-first spelling (same matches);
- uses the linear abbreviation search from `abbr`.

Tests compare it with plain pysbd on real and generated text.
"""

from __future__ import annotations

import re
import types
from typing import Any

import pysbd
import pysbd.abbreviation_replacer
import pysbd.between_punctuation
import pysbd.processor
from pysbd.abbreviation_replacer import AbbreviationReplacer
from pysbd.between_punctuation import BetweenPunctuation
from pysbd.exclamation_words import ExclamationWords
from pysbd.lang.english import English
from pysbd.lists_item_replacer import ListItemReplacer
from pysbd.processor import Processor
from pysbd.punctuation_replacer import replace_punctuation as _pysbd_replace_punctuation
from pysbd.utils import Text

from .abbr import FastAbbreviationReplacer
from .regex_plans import FAST_RE, PLANS
from .regex_plans import sub as regex_sub


def literal_first(pattern: str) -> str:
    """pysbd's `(?<=\\s)'...` as `'(?<=\\s')...`: the same matches, but re scans for the quote
    instead of trying the look-behind at every position."""
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


# pysbd's replace_punctuation escapes ( ) [ ] - with a backslash, masks terminals (and "'"),
# then removes exactly the backslashes it added: without a backslash in the text, the escaping
# is a round trip that changes nothing.
_MASKS = (("。", "&ᓰ&"), ("．", "&ᓱ&"), ("！", "&ᓳ&"), ("!", "&ᓴ&"), ("?", "&ᓷ&"), ("？", "&ᓸ&"))


def replace_punctuation(match: re.Match[str], match_type: str | None = None) -> str:
    """pysbd's `punctuation_replacer.replace_punctuation` with str.replace, same result."""
    text = match.group()
    if "\\" in text:
        result: str = _pysbd_replace_punctuation(match, match_type)
        return result
    text = text.replace(".", "∯")
    for char, mask in _MASKS:
        if char in text:
            text = text.replace(char, mask)
    if match_type != "single":
        text = text.replace("'", "&⎋&")
    return text


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


class FastText(Text):  # type: ignore[misc]
    """pysbd's `Text`: `apply` skips a rule that cannot match (re.sub would change nothing)
    and runs the others respelt (`regex_plans`)."""

    def apply(self, *rules: Any) -> str:
        text: str = self
        for rule in rules:
            found = PLANS.get(rule.pattern)
            if found is None:  # the first time (or not a str pattern)
                text = regex_sub(rule.pattern, rule.replacement, text)
                continue
            # `regex_sub` inlined: ~27k calls per 300 doubtful pieces, ~6k of them subs
            needed, gate, compiled = found
            for part in needed:
                if part not in text:
                    break
            else:
                if gate is None or gate.search(text) is not None:
                    text = compiled.sub(rule.replacement, text)
        return text


def _rebind(cls: type, base: type, module: types.ModuleType, **names: Any) -> None:
    """Give `cls` each of `base`'s own functions with the same code object, reading `names`
    (a fast subclass or function) where pysbd's module has its own."""
    namespace = dict(vars(module), **names)
    for name, function in vars(base).items():
        if isinstance(function, types.FunctionType) and name not in vars(cls):
            rebound = types.FunctionType(
                function.__code__, namespace, name, function.__defaults__, function.__closure__
            )
            rebound.__kwdefaults__ = function.__kwdefaults__
            setattr(cls, name, rebound)


class FastProcessor(Processor):  # type: ignore[misc]
    """pysbd's Processor: the same code, with the fast list replacer and rule application."""


class FastExclamationWords(ExclamationWords):  # type: ignore[misc]
    """pysbd's exclamation words ("Yahoo!"), its one rule run through `regex_plans`."""

    @classmethod
    def apply_rules(cls, text: str) -> str:
        return regex_sub(ExclamationWords.EXCLAMATION_REGEX, replace_punctuation, text)


_rebind(
    FastProcessor,
    Processor,
    pysbd.processor,
    ListItemReplacer=FastListItemReplacer,
    Text=FastText,
    ExclamationWords=FastExclamationWords,
    re=FAST_RE,
)
_rebind(FastBetweenPunctuation, BetweenPunctuation, pysbd.between_punctuation,
        replace_punctuation=replace_punctuation, re=FAST_RE)
_rebind(FastAbbreviationReplacer, AbbreviationReplacer, pysbd.abbreviation_replacer,
        Text=FastText, re=FAST_RE)


def process(block: str) -> list[str]:
    """pysbd's sentence texts for `block`, as `Processor(block, English).process()` gives
    (for the pysbd of `reference.PYSBD_VERSION`: `splitter` imports this module only then)."""
    sents: list[str] = FastProcessor(block, FastEnglish).process()
    return sents
