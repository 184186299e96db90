"""Long verbatim copies, found as runs of shared word shingles, with exact boundaries.

Sentence scores blur a copied passage inside a long page among same-topic look-alikes, and
sentence boundaries rarely match a copy's. Shared runs of SHINGLE words are unambiguous: seeds
on (nearly) the same diagonal, with small gaps for typos or OCR noise, are chained into
passages that start and end at the first and last copied word. Near-linear: one hash join of
the two documents' shingle hashes; shingles repeated within a document are no evidence and skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SHINGLE = 6  # words per seed
MIN_WORDS = 25  # shortest passage reported (a shared quote is the sentence aligner's job)
MAX_GAP = 12  # words of noise allowed between two seeds of one passage
DRIFT = 4  # words the two sides may slip against each other within a passage
MAX_REPEAT = 2  # a shingle more frequent than this in either document is boilerplate
NEIGHBOURS = 8  # kept runs checked on each side of a new one (they barely overlap)
MIN_PIECE = 4  # fewest words of a passage's piece at a sentence cut

_NEAREST_FIRST = sorted(range(-DRIFT, DRIFT + 1), key=abs)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Passage:
    """A copied passage: code-point ranges in A and B and its length in words of A."""

    a: tuple[int, int]
    b: tuple[int, int]
    words: int


def _words(text: str) -> list[str]:
    """Case-folded words (folding a word never adds a newline, so one call does them all)."""
    return "\n".join(_WORD.findall(text)).casefold().split("\n") if text else []


def _spans(text: str) -> list[tuple[int, int]]:
    """Code-point range of every word; only needed once a copy is found."""
    return [m.span() for m in _WORD.finditer(text)]


def _ids(tokens: list[str], vocab: dict[str, int]) -> np.ndarray:
    return np.array([vocab[w] for w in tokens], dtype=np.int64)


def _rare(h: np.ndarray) -> np.ndarray:
    """The distinct hashes occurring at most MAX_REPEAT times (sort-based, fast on 1M)."""
    if not h.size:
        return h
    s = np.sort(h)
    edges = np.flatnonzero(np.r_[True, s[1:] != s[:-1], True])
    counts = np.diff(edges)
    return s[edges[:-1]][counts <= MAX_REPEAT]


def _shingle_hashes(ids: np.ndarray) -> np.ndarray:
    """A 64-bit polynomial hash of every SHINGLE-word window (wrapping arithmetic)."""
    count = len(ids) - SHINGLE + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    h = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for t in range(SHINGLE):
            h = h * np.uint64(1_000_003) + ids[t : t + count].astype(np.uint64)
    return h


def _seeds(tok_a: list[str], tok_b: list[str]) -> list[tuple[int, int]]:
    """(word in A, word in B) where a shingle occurs at most MAX_REPEAT times on each side."""
    vocab = {w: k + 1 for k, w in enumerate(set(tok_a) | set(tok_b))}  # ids only meet by equality
    h_a, h_b = _shingle_hashes(_ids(tok_a, vocab)), _shingle_hashes(_ids(tok_b, vocab))
    common = np.intersect1d(_rare(h_a), _rare(h_b), assume_unique=True)
    if not common.size:
        return []
    pos_a = np.flatnonzero(np.isin(h_a, common))
    pos_b = np.flatnonzero(np.isin(h_b, common))
    where_b: dict[int, list[int]] = {}
    for j, key in zip(pos_b.tolist(), h_b[pos_b].tolist(), strict=True):
        where_b.setdefault(key, []).append(j)
    return [(i, j) for i, key in zip(pos_a.tolist(), h_a[pos_a].tolist(), strict=True)
            for j in where_b[key]]


@dataclass
class Run:
    """Seeds (word index in A, in B) chained along one diagonal, give or take DRIFT."""

    first_i: int
    first_j: int
    last_i: int
    last_j: int
    seeds: list[tuple[int, int]]


def _join(runs: list[Run]) -> list[Run]:
    """Runs that continue each other on both sides (a longer insertion on one) become one."""
    joined: list[Run] = []
    for run in sorted(runs, key=lambda r: (r.first_i, r.first_j)):
        for prev in reversed(joined[-3:]):
            di, dj = run.first_i - prev.last_i, run.first_j - prev.last_j
            if ((0 <= di <= MAX_GAP + SHINGLE and 0 <= dj <= 4 * MAX_GAP)
                    or (0 <= dj <= MAX_GAP + SHINGLE and 0 <= di <= 4 * MAX_GAP)):
                prev.last_i, prev.last_j = max(prev.last_i, run.last_i), max(prev.last_j,
                                                                              run.last_j)
                prev.seeds.extend(run.seeds)
                prev.seeds.sort()
                break
        else:
            joined.append(run)
    return joined


def _claim(runs: list[Run]) -> list[Run]:
    """A passage repeated on one side is copied once: the longest run claims its words, and a
    run that mostly overlaps a longer one on either side is dropped. Kept runs barely overlap,
    so each side keeps them sorted and a run is checked against its few neighbours only."""
    kept: list[Run] = []
    sides: tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]] = ([], [])
    for run in sorted(runs, key=lambda r: (r.first_i - r.last_i, r.first_i, r.first_j)):
        half = (run.last_i - run.first_i + SHINGLE) / 2
        spans = ((run.first_i, run.last_i), (run.first_j, run.last_j))
        if any(_overlaps(side, lo, hi, half) for side, (lo, hi) in zip(sides, spans, strict=True)):
            continue
        for side, (lo, hi) in zip(sides, spans, strict=True):
            insort(side, (lo, hi, len(kept)))
        kept.append(run)
    return sorted(kept, key=lambda r: (r.first_i, r.first_j))


def _overlaps(side: list[tuple[int, int, int]], lo: int, hi: int, half: float) -> bool:
    """Does a kept interval near [lo, hi] share at least `half` words with it?"""
    k = bisect_left(side, (lo, -1, -1))
    for m in range(max(0, k - NEIGHBOURS), min(len(side), k + NEIGHBOURS)):
        other_lo, other_hi, _ = side[m]
        if min(hi, other_hi) - max(lo, other_lo) + SHINGLE >= half:
            return True
    return False


def copied_passages(text_a: str, text_b: str, cuts: Sequence[int] = ()) -> list[Passage]:
    """Passages of at least MIN_WORDS words that A and B share nearly word for word, cut
    where a sentence of A starts (`cuts`, code-point offsets) so links stay sentence-sized."""
    seeds = _seeds(_words(text_a), _words(text_b))  # sorted by A's word
    # runs: [first_i, first_j, last_i, last_j, seeds]; an open run is found by its diagonal
    runs: list[Run] = []
    open_by_diagonal: dict[int, int] = {}
    for i, j in seeds:
        d = i - j
        found = -1
        for shift in _NEAREST_FIRST:
            r = open_by_diagonal.get(d + shift)
            if r is not None and (i - runs[r].last_i <= MAX_GAP + SHINGLE
                                  and j > runs[r].last_j - SHINGLE):
                found = r
                break
        if found < 0:
            runs.append(Run(i, j, i, j, [(i, j)]))
            found = len(runs) - 1
        else:
            run = runs[found]
            run.last_i, run.last_j = i, max(run.last_j, j)
            run.seeds.append((i, j))
        open_by_diagonal[d] = found
    out: list[Passage] = []
    long_runs = _claim([r for r in _join(runs) if r.last_i + SHINGLE - r.first_i >= MIN_WORDS])
    if not long_runs:
        return out
    span_a, span_b = _spans(text_a), _spans(text_b)
    cut_words = sorted({bisect_left(span_a, (c, -1)) for c in cuts})  # word starting each cut
    for run in long_runs:
        for wa0, wa1 in _pieces(run.first_i, run.last_i + SHINGLE - 1, cut_words):
            wb0, wb1 = _partner(run, wa0), _partner(run, wa1)
            if wb1 < wb0:
                continue
            out.append(Passage((span_a[wa0][0], span_a[wa1][1]),
                               (span_b[wb0][0], span_b[wb1][1]), wa1 - wa0 + 1))
    return out


def _pieces(first: int, last: int, cut_words: list[int]) -> list[tuple[int, int]]:
    """Word ranges [first, last] cut where a sentence of A starts (`cut_words`, sorted); a
    stub of a few words at either end stays with its neighbour, so no link is a dangling
    half-phrase."""
    lo = bisect_left(cut_words, first + MIN_PIECE)
    hi = bisect_right(cut_words, last + 1 - MIN_PIECE)
    inner = cut_words[lo:hi]
    bounds = [first, *inner, last + 1]
    return [(bounds[k], bounds[k + 1] - 1) for k in range(len(bounds) - 1)]


def _partner(run: Run, w: int) -> int:
    """B's word for A's word w: by the nearest seed at or before it, kept inside the run."""
    k = max(0, bisect_right(run.seeds, (w, 1 << 62)) - 1)
    i, j = run.seeds[k]
    return max(run.first_j, min(run.last_j + SHINGLE - 1, j + (w - i)))
