"""Every word of a text as a 64-bit id with its code-point range, without a Python string per
word: the copy stage only compares words for equality, and on a 1M-word text making, folding
and hashing a million small strings cost more than the whole shingle join.

A word is a run of `\\w` characters (what `re`'s `\\w+` matches: alphanumeric or "_"), and its
id is a polynomial hash of its case-folded code points. Case folding is per character, so the
folded word is the folded characters in a row; where a character folds to several (German
"ß" -> "ss") or the text cannot be encoded (lone surrogates), the words are found with the
regex and folded as strings instead, and hashed the same way, so both routes give the same ids.
"""

from __future__ import annotations

import re

import numpy as np

_WORD = re.compile(r"(\w+)", re.UNICODE)  # captured, so split() gives words and the gaps
_BASE = np.uint64(0x9E3779B97F4A7C15)  # odd, so the hash is a polynomial in an invertible base
_VECTOR_PASSES = 48  # longer words (rare) finish their hash in plain Python
_MASK = (1 << 64) - 1

_ASCII_WORD = np.array([chr(c).isalnum() or c == ord("_") for c in range(128)])
_ASCII_FOLD = np.array([ord(chr(c).casefold()) for c in range(128)], dtype=np.uint32)


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def _hash_runs(cps: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Polynomial hash (mod 2^64) of cps[start:end] for every run, by Horner's rule across all
    runs at once: pass t adds the t-th character of every run at least t+1 long."""
    lengths = ends - starts
    # longest first, so the runs still going at pass t are a prefix (lengths past 32767 tie,
    # which only matters past _VECTOR_PASSES); 16-bit keys sort by radix
    key = (-np.minimum(lengths, 32767)).astype(np.int16)
    order = np.argsort(key, kind="stable")
    first, size, ranked = starts[order], lengths[order], key[order]
    h = np.zeros(len(order), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for t in range(min(int(size[0]) if len(size) else 0, _VECTOR_PASSES)):
            live = int(np.searchsorted(ranked, np.int16(-t), side="left"))  # runs longer than t
            h[:live] = h[:live] * _BASE + cps[first[:live] + t].astype(np.uint64)
    for k in range(int(np.count_nonzero(size > _VECTOR_PASSES))):
        value = int(h[k])
        for c in cps[first[k] + _VECTOR_PASSES : first[k] + size[k]].tolist():
            value = (value * int(_BASE) + c) & _MASK
        h[k] = value
    out = np.empty_like(h)
    out[order] = h
    return out


def word_ids(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(id, start, end) arrays of the text's words (`\\w+` matches), ids equal exactly when
    the case-folded words are equal (barring a 64-bit hash collision)."""
    try:
        cps = _codepoints(text)
    except UnicodeEncodeError:
        return _by_regex(text)
    if not cps.size or int(cps.max()) < 128:  # ASCII: two table lookups
        is_word, folded = _ASCII_WORD[cps], _ASCII_FOLD[cps]
    else:
        is_word = np.zeros(cps.size, dtype=bool)
        folded = np.zeros(cps.size, dtype=np.uint32)
        ascii_at = cps < 128
        is_word[ascii_at] = _ASCII_WORD[cps[ascii_at]]
        folded[ascii_at] = _ASCII_FOLD[cps[ascii_at]]
        other = np.flatnonzero(~ascii_at)
        chars = np.unique(cps[other])
        word_chars = [chr(c).isalnum() for c in chars.tolist()]  # "_" is ASCII
        folds = [chr(c).casefold() for c in chars.tolist()]
        if any(w and len(f) != 1 for w, f in zip(word_chars, folds, strict=True)):
            return _by_regex(text)
        at = np.searchsorted(chars, cps[other])
        is_word[other] = np.asarray(word_chars, dtype=bool)[at]
        folded[other] = np.asarray([ord(f[0]) for f in folds], dtype=np.uint32)[at]
    edges = np.diff(is_word.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    return _hash_runs(folded, starts, ends), starts, ends


def _by_regex(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The same ids the slow way: words and offsets from the regex, folded as strings (folding
    never adds a newline, so the folded words stay apart in one joined string)."""
    parts = _WORD.split(text)
    offsets = np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)))
    starts, ends = offsets[0:-1:2], offsets[1::2]
    joined = "\n".join(parts[1::2]).casefold()
    cps = _codepoints(joined)  # words hold no surrogates: they are not \w
    breaks = np.flatnonzero(cps == ord("\n"))
    if not len(starts):
        return np.zeros(0, dtype=np.uint64), starts, ends
    run_starts = np.r_[0, breaks + 1]
    run_ends = np.r_[breaks, cps.size]
    return _hash_runs(cps, run_starts, run_ends), starts, ends
