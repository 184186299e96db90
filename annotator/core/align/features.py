"""Words as the aligner sees them: folded, stemmed, weighted by rarity.

Independent rewrites of one story share names, numbers and rare words rather than character
runs, so sentences are compared as bags of stemmed content words weighted by IDF.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Protocol

from ..language import stemmer_name

_WORD = re.compile(r"\w+(?:[.,'’]\w+)*", re.UNICODE)
_NUMBER = re.compile(r"^\d[\d.,]*$")

_STOPWORD_TEXT = (
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only or other
    our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself
    yourselves said says say according told mr mrs ms"""
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_LANGUAGE = ["en"]  # the language words are stemmed in (set per pair by `set_word_language`)
_STOP = [STOPWORDS]


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...  # both libraries spell it so


class _NoStemmer:
    """For a pair in two languages: words are compared folded, unstemmed."""

    def stemWord(self, word: str) -> str:
        return word


@lru_cache(maxsize=1)
def _stemmer() -> _Stemmer:
    """PyStemmer (C, ~50x faster) when installed, else the pure-Python snowballstemmer. Both
    run the same Snowball algorithms; the tests check they stem a word list alike."""
    name = stemmer_name(_LANGUAGE[0]) if _LANGUAGE[0] else None
    if name is None:
        return _NoStemmer()
    try:
        import Stemmer  # PyStemmer

        stemmer: _Stemmer = Stemmer.Stemmer(name)
        # its own cache would only repeat ours, and a long pair's vocabulary outgrows it, so
        # it would keep purging
        stemmer.maxCacheSize = 0  # type: ignore[attr-defined]
    except ImportError:
        import snowballstemmer

        stemmer = snowballstemmer.stemmer(name)
    return stemmer


def pair_language(language_a: str, language_b: str) -> str:
    """The language a pair's words are stemmed in: theirs when they share it (an unknown side
    takes the other's), "" (fold, do not stem) for two different languages."""
    a, b = language_a or language_b or "en", language_b or language_a or "en"
    return a if a == b else ""


def set_word_language(language: str) -> None:
    """Stem for `language` from now on in this process ("" for a pair in two languages: fold
    only); a language without a Snowball stemmer is treated as English. Other languages keep
    their function words and leave them to the rarity weights: on the German pair set a
    German stopword list cost 0.02-0.04 F1 (benchmarks/RESULTS.md). Changing the language
    drops the word memos, which are per language."""
    if language and stemmer_name(language) is None:
        language = "en"
    if language == _LANGUAGE[0]:
        return
    _LANGUAGE[0] = language
    _STOP[0] = STOPWORDS if language in ("", "en") else frozenset()
    _stemmer.cache_clear()
    stem.cache_clear()
    tokenize.cache_clear()
    _MEMO.clear()


def fold(word: str) -> str:
    """Case- and accent-fold one word (Nicolás -> nicolas)."""
    if word.isascii():  # no compatibility forms or accents to strip: just the case
        return word.casefold()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Tokens:
    """The comparable content of one passage."""

    content: tuple[str, ...]  # stemmed, folded content words in order
    numbers: frozenset[str]
    names: frozenset[str]  # folded capitalised words not at sentence start
    words: int = 0  # all words, stopwords included: a length that does not depend on the list


def _canonical_number(token: str) -> str:
    return token.replace(",", "").rstrip(".")


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """Porter2 stem of a folded word; memoised (the pure-Python fallback stemmer is slow)."""
    return str(_stemmer().stemWord(word))


_Entry = tuple[str, str | None, str | None]
"""Per raw word: (content token, number or None, name candidate or None); () when skipped."""


def _word_entry(raw: str) -> _Entry | tuple[()]:
    """The whole per-word step (number canonicalisation, fold, stopword, stem) for one word."""
    if raw[:1].isdecimal() and _NUMBER.match(raw):  # \d is a decimal digit (category Nd)
        number = _canonical_number(raw)
        return (number, number, None)
    word = fold(raw).replace("’", "'").split("'")[0]
    if not word or word in _STOP[0]:
        return ()
    return (stem(word), None, word if raw[:1].isupper() else None)


class _WordMemo(dict[str, "_Entry | tuple[()]"]):
    """Raw word -> its entry. A vocabulary is small next to the text (a 1M-word pair has well
    under 100k distinct words), so a plain dict beats `lru_cache` on every lookup."""

    def __missing__(self, raw: str) -> _Entry | tuple[()]:
        if len(self) >= _MEMO_LIMIT:
            self.clear()  # bounded: a long-running app sees many documents
        entry = self[raw] = _word_entry(raw)
        return entry


_MEMO_LIMIT = 1 << 20
_MEMO = _WordMemo()


@lru_cache(maxsize=1 << 17)
def tokenize(text: str) -> Tokens:
    """Content words (stemmed), numbers (canonical) and likely names of one passage; memoised
    per passage (re-aligning after a threshold change does not tokenise again) and per word
    (the per-word step runs once per distinct word of a document)."""
    raws = _WORD.findall(text)
    return _tokens(list(map(_MEMO.__getitem__, raws)))


def _tokens(entries: list[_Entry | tuple[()]]) -> Tokens:
    content = tuple([e[0] for e in entries if e])
    numbers = frozenset([e[1] for e in entries if e and e[1] is not None])
    names = frozenset([e[2] for e in entries[1:] if e and e[2] is not None])
    return Tokens(content, numbers, names, len(entries))


_WORD_SPLIT = re.compile(f"({_WORD.pattern})", re.UNICODE)


def idf_table(passages: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency, counting each passage as a document."""
    sets = [w if isinstance(w, (set, frozenset)) else set(w) for w in passages]  # sets as is
    df = Counter(chain.from_iterable(sets))
    total = len(sets)
    return {w: math.log((1 + total) / (1 + n)) + 1.0 for w, n in df.items()}
