"""Guessing the encoding of bytes that are not UTF-8, and saying how sure the guess is.

chardet 7 proposes candidates with a confidence; each candidate's decoding is then checked for
what a wrong guess produces (control characters, words that mix Latin with Cyrillic or Greek
letters, box-drawing and other symbols no article uses), and the most plausible one wins. When
another plausible candidate would give a different text, the guess is marked ambiguous and
the alternatives are listed, so the user can be told and choose.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

# Preferred when plausibility and confidence tie: the encodings articles are actually saved in.
COMMON = ("cp1252", "iso8859-15", "latin-1", "cp1250", "iso8859-2", "cp1251", "koi8-r",
          "cp1253", "iso8859-7", "cp1254", "cp1257", "iso8859-13", "cp1255", "cp1256",
          "iso8859-9", "iso8859-4", "iso8859-16", "mac-roman", "cp850", "cp437")
_RARE_SYMBOLS = set("¤¦¨¯¸´˘˝˛˙ˇ¬¶†‡ƒ˜ˆ")  # what wrong code pages make of letters
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# a word with a non-ASCII letter in it
_NON_ASCII_WORD = re.compile(r"[^\W\d_]*[^\W\d_\x00-\x7f][^\W\d_]*")
MAX_CANDIDATES = 16
AMBIGUITY_RATIO = 0.8  # an alternative within this share of the best confidence is a rival


@dataclass(frozen=True)
class Guess:
    encoding: str  # Python codec name
    text: str
    confidence: float
    penalty: int
    alternatives: tuple[str, ...] = ()  # other plausible encodings that read differently

    @property
    def ambiguous(self) -> bool:
        return bool(self.alternatives)


def codec_name(name: str) -> str:
    """Python's canonical name for an encoding label ("Windows-1252" -> "cp1252")."""
    return codecs.lookup(name).name


@functools.cache
def _script(ch: str) -> str:
    """The script a letter belongs to, by the first word of its Unicode name."""
    return unicodedata.name(ch, "?").split(" ", 1)[0]


@functools.cache
def _char_penalty(ch: str) -> int:
    if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs"):
        return 10
    return 2 if ch in _RARE_SYMBOLS or "\u2500" <= ch <= "\u25ff" else 0


def penalty(text: str) -> int:
    """How much a decoding looks like a wrong guess (0: nothing suspicious)."""
    score = sum(_char_penalty(ch) for ch in _NON_ASCII.findall(text))
    for word in _NON_ASCII_WORD.findall(text):
        scripts = {_script(c) for c in word if c.isalpha()}
        if len(scripts) > 1:
            score += 5
        for prev, cur in itertools.pairwise(word):
            if prev.islower() and cur.isupper() and not (prev.isascii() and cur.isascii()):
                score += 1
    return score


SAMPLE_BYTES = 64_000  # candidates are judged on this much; the winner decodes it all


def guess(data: bytes) -> Guess | None:
    """The most plausible decoding of `data` among chardet's candidates, or None."""
    ranked = _ranked(data[:SAMPLE_BYTES])
    while ranked:
        best = ranked.pop(0)
        try:
            text = data.decode(best.encoding) if len(data) > SAMPLE_BYTES else best.text
        except UnicodeDecodeError:
            continue
        return Guess(best.encoding, text, best.confidence, best.penalty, best.alternatives)
    return None


def _ranked(data: bytes) -> list[Guess]:
    """Candidates, most plausible first; the first carries its rivals as alternatives."""
    import chardet

    ranked: list[Guess] = []
    seen: set[str] = set()
    for found in chardet.detect_all(data, ignore_threshold=True)[:MAX_CANDIDATES]:
        label = found.get("encoding")
        if not label:
            continue
        try:
            name = codec_name(label)
            if name in seen:
                continue
            seen.add(name)
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        ranked.append(Guess(name, text, float(found.get("confidence") or 0.0), penalty(text)))
    for name in COMMON[:3]:  # chardet may leave out the common Western ones on tiny samples
        if name not in seen:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            ranked.append(Guess(name, text, 0.0, penalty(text)))
    if not ranked:
        return []
    order = {name: n for n, name in enumerate(codec_name(c) for c in COMMON)}
    ranked.sort(key=lambda g: (g.penalty, -round(g.confidence, 2), order.get(g.encoding, 99)))
    best = ranked[0]
    rivals: list[str] = []
    texts = {best.text}
    for other in ranked[1:]:
        if other.penalty > best.penalty or other.text in texts:
            continue
        if other.confidence >= best.confidence * AMBIGUITY_RATIO:
            rivals.append(other.encoding)
            texts.add(other.text)
    ranked[0] = Guess(best.encoding, best.text, best.confidence, best.penalty,
                      tuple(rivals[:4]))
    return ranked
