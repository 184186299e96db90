"""Words as the aligner sees them: folded, stemmed, weighted by rarity.

Independent rewrites of one story share names, numbers and rare words rather than character
runs, so sentences are compared as bags of stemmed content words weighted by IDF.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

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


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def fold(word: str) -> str:
    """Case- and accent-fold one word (Nicolás -> nicolas)."""
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
    """Porter2 stem of a folded word; memoised, as the pure-Python stemmer dominates otherwise."""
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=1 << 16)
def tokenize(text: str) -> Tokens:
    """Content words (stemmed), numbers (canonical) and likely names of one passage; memoised,
    so re-aligning after a threshold change does not tokenise again."""
    content: list[str] = []
    numbers: set[str] = set()
    names: set[str] = set()
    index = -1
    for index, match in enumerate(_WORD.finditer(text)):
        raw = match.group()
        if _NUMBER.match(raw):
            numbers.add(_canonical_number(raw))
            content.append(_canonical_number(raw))
            continue
        word = fold(raw).replace("’", "'").split("'")[0]
        if not word or word in STOPWORDS:
            continue
        if index > 0 and raw[:1].isupper():
            names.add(word)
        content.append(stem(word))
    return Tokens(tuple(content), frozenset(numbers), frozenset(names), index + 1)


def idf_table(passages: Iterable[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency, counting each passage as a document."""
    df: Counter[str] = Counter()
    total = 0
    for words in passages:
        total += 1
        df.update(set(words))
    return {w: math.log((1 + total) / (1 + n)) + 1.0 for w, n in df.items()}
