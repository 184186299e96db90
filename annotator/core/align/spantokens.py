"""A document's sentences tokenised in one pass, kept flat: IDF and candidates need only which
stems each sentence has, as arrays; a sentence's `Tokens` are made when it is scored.

On a long copied pair most sentences are never scored (the copy stage links them), so making a
`Tokens`, a stem set and IDF counts per sentence in Python was most of tokenising. Here every
word's content stem gets an integer id once, and the (sentence, stem) pairs of a document are a
pair of numpy arrays.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

import numpy as np

from .features import _MEMO, _WORD_SPLIT, Tokens, _Entry, _tokens, tokenize
from .speed.lazy import LazySequence

_FIRST = itemgetter(0)


class StemIds(dict[str, int]):
    """Stem -> small integer, assigned on first sight; shared by the two documents of a pair."""

    def __missing__(self, stem: str) -> int:
        number = self[stem] = len(self)
        return number


class SpanTokens(LazySequence[Tokens]):
    """`tokenize(text[start:end])` for every span, from one regex pass over the whole text. A
    span that cuts through a word of the whole-text pass is tokenised on its own, so each item
    is exactly the per-span result."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        self.text, self.spans = text, list(spans)
        super().__init__()
        parts = _WORD_SPLIT.split(text)  # gaps and words alternate: lengths give the offsets
        offsets = np.cumsum(np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)))
        starts, ends = offsets[0:-1:2], offsets[1::2]
        bounds = np.asarray(self.spans, dtype=np.int64).reshape(-1, 2)
        if len(parts) == 1:  # no word anywhere: every span on its own (all empty)
            self.first = self.stop = np.zeros(len(self.spans), dtype=np.int64)
            self.cut = np.ones(len(self.spans), dtype=bool)
            self.entries: list[_Entry | tuple[()]] = []
            return
        self.entries = list(map(_MEMO.__getitem__, parts[1::2]))
        self.first = np.searchsorted(starts, bounds[:, 0], side="left")  # first word inside
        self.stop = np.searchsorted(ends, bounds[:, 1], side="right")  # past the last inside
        before = ends[np.maximum(self.first - 1, 0)] > bounds[:, 0]
        after = starts[np.minimum(self.stop, len(starts) - 1)] < bounds[:, 1]
        self.cut = (((self.first > 0) & before) | ((self.stop < len(starts)) & after)
                    | (self.first > self.stop))

    def __len__(self) -> int:
        return len(self.spans)

    def _make(self, k: int) -> Tokens:
        if self.cut[k]:
            start, end = self.spans[k]
            return tokenize(self.text[start:end])
        return _tokens(self.entries[int(self.first[k]) : int(self.stop[k])])

    def stems(self, ids: StemIds) -> tuple[np.ndarray, np.ndarray]:
        """(span, stem id) of every distinct content stem of every span, sorted by span and id."""
        # a word's entry is () when it is no content word, else starts with its content token
        entries = self.entries
        is_content = np.fromiter(map(bool, entries), dtype=bool, count=len(entries))
        word_ids = np.full(len(entries), -1, dtype=np.int64)
        word_ids[is_content] = np.fromiter(map(ids.__getitem__, map(_FIRST, filter(None, entries))),
                                           dtype=np.int64, count=int(is_content.sum()))
        whole = np.flatnonzero(~self.cut)
        lo, size = self.first[whole], np.maximum(self.stop[whole] - self.first[whole], 0)
        total = int(size.sum())
        words = np.repeat(lo - (np.cumsum(size) - size), size) + np.arange(total, dtype=np.int64)
        owner = np.repeat(whole, size)
        stem = word_ids[words] if total else np.zeros(0, dtype=np.int64)
        odd = np.flatnonzero(self.cut).tolist()
        extra = [(k, ids[s]) for k in odd for s in set(self[k].content)]
        if extra:
            more = np.asarray(extra, dtype=np.int64)
            owner, stem = np.r_[owner, more[:, 0]], np.r_[stem, more[:, 1]]
        keep = stem >= 0
        owner, stem = owner[keep], stem[keep]
        # distinct (span, stem), by span then stem; ids are dense, so this key cannot overflow
        key = distinct(owner * max(1, len(ids)) + stem)
        return key // max(1, len(ids)), key % max(1, len(ids))


@dataclass(frozen=True)
class DocStems:
    """One document's (span, stem id) arrays with ids of its own (`names[k]` is id k's stem):
    small and picklable, so the two documents of a pair can be done apart, on two cores, and
    merged after (`merge_stems`)."""

    names: list[str]
    owner: np.ndarray
    stem: np.ndarray


def doc_stems(tokens: SpanTokens) -> DocStems:
    """`tokens.stems` with a StemIds of the document's own."""
    ids = StemIds()
    owner, stem = tokens.stems(ids)
    return DocStems(list(ids), owner, stem)


Stems = tuple[np.ndarray, np.ndarray]


def merge_stems(a: DocStems, b: DocStems) -> tuple[StemIds, Stems, Stems]:
    """Shared ids and both documents' (span, stem id) arrays, exactly as `stems` gives them
    when A and then B number their stems in one StemIds: A's ids stay, B's stems that A lacks
    follow in B's order of first sight, and B's pairs are sorted again by span and id."""
    ids = StemIds(zip(a.names, range(len(a.names)), strict=True))
    remap = np.fromiter(map(ids.__getitem__, b.names), dtype=np.int64, count=len(b.names))
    width = max(1, len(ids))
    key = distinct(b.owner * width + remap[b.stem])
    return ids, (a.owner, a.stem), (key // width, key % width)


class TextTokens(LazySequence[Tokens]):
    """`tokenize(text[start:end])` for a span, made when asked: a document's `Tokens` where its
    SpanTokens were made in another process (only the few scored sentences need them)."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        super().__init__()
        self.text, self.spans = text, spans

    def __len__(self) -> int:
        return len(self.spans)

    def _make(self, k: int) -> Tokens:
        start, end = self.spans[k]
        return tokenize(self.text[start:end])


def distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values: a sort and a neighbour test (np.unique hashes first, which is
    several times slower on half a million integers)."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if ordered.size else ordered


def flat_idf(ids: StemIds, stems: Sequence[np.ndarray], passages: int) -> dict[str, float]:
    """`idf_table` from the (span, stem) arrays of the documents: the same smoothed IDF over
    `passages` passages, computed with the same float operations per stem."""
    df = np.zeros(len(ids), dtype=np.int64)
    for ids_of_doc in stems:
        df += np.bincount(ids_of_doc, minlength=len(ids))
    names = list(ids)  # in id order (dicts keep insertion order)
    return {names[k]: math.log((1 + passages) / (1 + n)) + 1.0
            for k, n in enumerate(df.tolist()) if n}
