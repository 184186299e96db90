"""Sentences that are word for word the same in both texts (case and spacing aside).

The plain version (`identical_plain`, the definition) runs a `\\w+` findall per sentence to
count its words, which was two thirds of the stage on long texts. Here the counts come from the
text's `\\w` runs, found once in numpy: the words `findall` finds in a slice are the runs that
reach into it. The keys are still the plain version's strings, cut from the text case-folded
once (where folding keeps every character one character, as it nearly always does).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain

import numpy as np

Ranges = Sequence[tuple[int, int]]
_WORDS = re.compile(r"\w+")
_ASCII_WORD = np.array([chr(c).isalnum() or c == ord("_") for c in range(128)])


def identical_plain(text_a: str, spans_a: Ranges, text_b: str, spans_b: Ranges,
                    min_words: int) -> list[tuple[int, int, int]]:
    """The definition: pairs (index in A, index in B, words) of sentences with at least
    `min_words` `\\w+` words whose key (`" ".join(s.casefold().split())`) occurs once among
    such sentences of each text; the words are those of the sentence in B."""
    words: dict[str, int] = {}

    def once(text: str, spans: Ranges) -> dict[str, int]:
        seen: dict[str, int] = {}
        for k, (start, end) in enumerate(spans):
            sentence = text[start:end]
            count = len(_WORDS.findall(sentence))
            if count >= min_words:
                key = " ".join(sentence.casefold().split())
                seen[key] = -1 if key in seen else k
                words[key] = count
        return seen

    in_a, in_b = once(text_a, spans_a), once(text_b, spans_b)
    return sorted((in_a[key], in_b[key], words[key]) for key in in_a.keys() & in_b.keys()
                  if in_a[key] >= 0 and in_b[key] >= 0)


def word_counts(text: str, spans: Ranges) -> list[int]:
    """`len(re.findall(r"\\w+", text[start:end]))` for every span, from the text's `\\w` runs:
    a run that reaches into the span is one match there. Spans outside the text, or a text
    numpy cannot take (lone surrogates), are counted the plain way."""
    bounds = np.fromiter(chain.from_iterable(spans), dtype=np.int64,
                         count=2 * len(spans)).reshape(-1, 2)
    start, end = bounds[:, 0], bounds[:, 1]
    try:
        if ((start < 0) | (end > len(text))).any():
            raise ValueError("Python's slicing rules apply")
        is_word = _is_word(text)
    except (UnicodeEncodeError, ValueError):
        return [len(_WORDS.findall(text[s:e])) for s, e in spans]
    edges = np.flatnonzero(np.diff(is_word, prepend=False, append=False))
    run_start, run_end = edges[0::2], edges[1::2]
    count = np.searchsorted(run_start, end, "left") - np.searchsorted(run_end, start, "right")
    return np.where(end > start, np.maximum(count, 0), 0).tolist()


def _is_word(text: str) -> np.ndarray:
    """Is each code point a `\\w` character (alphanumeric or "_")?"""
    if text.isascii():
        return _ASCII_WORD[np.frombuffer(text.encode("ascii"), dtype=np.uint8)]
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)  # lone surrogates raise
    low = cps < 128
    is_word = np.zeros(cps.size, dtype=bool)
    is_word[low] = _ASCII_WORD[cps[low]]
    other = np.flatnonzero(~low)
    chars = np.sort(cps[other])
    chars = chars[np.r_[True, chars[1:] != chars[:-1]]]  # distinct (np.unique: slow 1st call)
    at = np.searchsorted(chars, cps[other])
    is_word[other] = np.array([chr(c).isalnum() for c in chars.tolist()], dtype=bool)[at]
    return is_word


def _keys(text: str, spans: Ranges) -> list[str]:
    """Each span's key: the whole text folded once when folding keeps its length (then every
    character folded to one, so offsets hold), else each span folded on its own."""
    folded = text.casefold()
    if len(folded) == len(text):
        return [" ".join(folded[s:e].split()) for s, e in spans]
    return [" ".join(text[s:e].casefold().split()) for s, e in spans]


def identical_sentences(text_a: str, spans_a: Ranges, text_b: str, spans_b: Ranges,
                        min_words: int) -> list[tuple[int, int, int]]:
    """What `identical_plain` returns: word counts from `word_counts`, and each text's keys
    that occur once found with C-level dict and Counter building instead of a Python loop."""
    in_a, _ = _once(text_a, spans_a, min_words)
    in_b, words_b = _once(text_b, spans_b, min_words)
    return sorted((in_a[key], j, words_b[j]) for key in in_a.keys() & in_b.keys()
                  for j in (in_b[key],))


def _once(text: str, spans: Ranges, min_words: int) -> tuple[dict[str, int], list[int]]:
    """Key -> sentence for the keys of one sentence only (among those with `min_words`
    words), and every sentence's word count."""
    counts = word_counts(text, spans)
    kept = [k for k, count in enumerate(counts) if count >= min_words]
    keys = _keys(text, [spans[k] for k in kept])
    seen = dict(zip(keys, kept, strict=True))
    if len(seen) < len(keys):  # some key repeats: no evidence
        for key, times in Counter(keys).items():
            if times > 1:
                del seen[key]
    return seen, counts
