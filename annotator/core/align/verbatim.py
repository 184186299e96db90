"""Long verbatim copies, found as runs of shared word shingles, with exact boundaries.

Sentence scores blur a copied passage inside a long page among same-topic look-alikes, and
sentence boundaries rarely match a copy's. Shared runs of SHINGLE words are unambiguous: seeds
on (nearly) the same diagonal, with small gaps for typos or OCR noise, are chained into
passages that start and end at the first and last copied word. Near-linear: one hash join of
the two documents' shingle hashes; shingles repeated within a document are no evidence and skipped.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import identical
from .wordhash import word_ids

SHINGLE = 6  # words per seed
MIN_WORDS = 25  # shortest passage reported (a shared quote is the sentence aligner's job)
MAX_GAP = 12  # words of noise allowed between two seeds of one passage
DRIFT = 4  # words the two sides may slip against each other within a passage
MAX_REPEAT = 2  # a shingle more frequent than this in either document is boilerplate
NEIGHBOURS = 8  # kept runs checked on each side of a new one (they barely overlap)
MIN_PIECE = 4  # fewest words of a passage's piece at a sentence cut
MIN_SAME_WORDS = 3  # shortest sentence linked for being identical (case and spacing aside)

_NEAREST_FIRST = sorted(range(-DRIFT, DRIFT + 1), key=abs)


@dataclass(frozen=True)
class Passage:
    """A copied passage: code-point ranges in A and B and its length in words of A."""

    a: tuple[int, int]
    b: tuple[int, int]
    words: int
    score: float = 0.98  # how faithful a copy: see edges.copy_score


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


def _seeds(ids_a: np.ndarray, ids_b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(word in A, word in B), sorted, where a shingle occurs at most MAX_REPEAT times on each
    side: one sort of both sides' hashes puts each hash's positions side by side (a
    sort-merge join; no hash table, no random lookups)."""
    h_a, h_b = _shingle_hashes(ids_a), _shingle_hashes(ids_b)
    empty = np.zeros(0, dtype=np.int64)
    if not h_a.size or not h_b.size:
        return empty, empty
    both = np.concatenate([h_a, h_b])
    order, hashes = _grouped(both)
    edges = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1], True])
    first, size = edges[:-1], np.diff(edges)
    in_b = np.add.reduceat((order >= h_a.size).astype(np.int64), first)
    in_a = size - in_b
    good = (in_a >= 1) & (in_a <= MAX_REPEAT) & (in_b >= 1) & (in_b <= MAX_REPEAT)
    first, size, in_a, in_b = first[good], size[good], in_a[good], in_b[good]
    # each kept group's members, sorted: A's positions (lower indices) first, then B's
    width = np.arange(2 * MAX_REPEAT)
    slots = np.minimum(first[:, None] + width, order.size - 1)
    members = np.where(width < size[:, None], order[slots], np.iinfo(np.int64).max)
    members.sort(axis=1)
    seeds_i, seeds_j = [empty], [empty]
    rows = np.arange(first.size)
    for ka in range(MAX_REPEAT):  # each A position of a hash with each of its B positions
        for kb in range(MAX_REPEAT):
            take = (in_a > ka) & (in_b > kb)
            seeds_i.append(members[take, ka])
            seeds_j.append(members[rows[take], in_a[take] + kb] - h_a.size)
    pair = np.sort(np.concatenate(seeds_i) * h_b.size + np.concatenate(seeds_j))  # distinct
    return pair // h_b.size, pair % h_b.size


def _grouped(hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """An order that sorts the hashes, and the hashes in it. Each hash's top bits are packed
    with its position and the packed values sorted (numpy's SIMD sort, several times faster
    than an argsort of the hashes); hashes that share those top bits but differ below (short
    words have small ids, so shingles ending in them do) come out in position order, and only
    those groups are sorted again by the whole hash."""
    shift = max(1, (hashes.size - 1).bit_length())
    packed = np.sort((hashes >> np.uint64(shift) << np.uint64(shift))
                     | np.arange(hashes.size, dtype=np.uint64))
    order = (packed & np.uint64((1 << shift) - 1)).astype(np.int64)
    ranked = hashes[order]
    unsorted = np.flatnonzero(ranked[1:] < ranked[:-1])
    if unsorted.size:
        top = packed >> np.uint64(shift)
        group = np.cumsum(np.r_[True, top[1:] != top[:-1]]) - 1
        redo = np.zeros(int(group[-1]) + 1, dtype=bool)
        redo[group[unsorted]] = True
        slots = np.flatnonzero(redo[group])  # whole groups, in place: top bits keep them apart
        members = order[slots]
        order[slots] = members[np.argsort(hashes[members], kind="stable")]
        ranked = hashes[order]
    return order, ranked


@dataclass
class Run:
    """Seeds (word index in A, in B) chained along one diagonal, give or take DRIFT: the
    first and last seed's words (`last_j` is the furthest in B). Which seeds a run holds is
    kept apart, as one run label per seed (arrays, not a list of tuples per run)."""

    first_i: int
    first_j: int
    last_i: int
    last_j: int
    key: int = 0  # the run's index in the list `_join` returns


def _chain(seeds_i: np.ndarray, seeds_j: np.ndarray) -> tuple[list[Run], np.ndarray]:
    """Seeds (sorted by A's word, then B's) chained into runs: a seed continues the open run
    of the nearest diagonal within DRIFT that it follows closely enough, else opens a run.
    Returns the runs and each seed's run.

    A copy gives streaks of seeds (i, j), (i+1, j+1), ... with nothing between them in the
    order. Once a streak's first seed is placed, its run ends in B before j + SHINGLE (a seed
    joins a run only when j > last_j - SHINGLE, and a new run ends at j), so each later seed
    of the streak finds that run on its own diagonal, one word on, and joins it: the streak
    is handled at once instead of one Python step per seed."""
    runs: list[Run] = []
    if not seeds_i.size:
        return runs, np.zeros(0, dtype=np.int64)
    step = (np.diff(seeds_i) == 1) & (np.diff(seeds_j) == 1)
    breaks = np.flatnonzero(np.r_[True, ~step, True])
    open_by_diagonal: dict[int, int] = {}
    head, tail = breaks[:-1], breaks[1:] - 1  # each streak's first and last seed
    streak_runs = []
    for i, j, last_i, last_j, longer in zip(seeds_i[head].tolist(), seeds_j[head].tolist(),
                                            seeds_i[tail].tolist(), seeds_j[tail].tolist(),
                                            (tail > head).tolist(), strict=True):
        r = _place(runs, open_by_diagonal, i, j)
        streak_runs.append(r)
        if longer:
            run = runs[r]
            run.last_i, run.last_j = last_i, max(run.last_j, last_j)
    return runs, np.repeat(np.asarray(streak_runs, dtype=np.int64), np.diff(breaks))


def _place(runs: list[Run], open_by_diagonal: dict[int, int], i: int, j: int) -> int:
    """One seed: onto the open run of the nearest diagonal it follows, else a new run."""
    d = i - j
    for shift in _NEAREST_FIRST:
        r = open_by_diagonal.get(d + shift)
        if r is not None:
            run = runs[r]
            if i - run.last_i <= MAX_GAP + SHINGLE and j > run.last_j - SHINGLE:
                run.last_i, run.last_j = i, max(run.last_j, j)
                open_by_diagonal[d] = r
                return r
    open_by_diagonal[d] = len(runs)
    runs.append(Run(i, j, i, j))
    return len(runs) - 1


def _join(runs: list[Run]) -> tuple[list[Run], np.ndarray]:
    """Runs that continue each other on both sides (a longer insertion on one) become one.
    Returns the joined runs (`key` set to their index) and the joined run of each input run."""
    joined: list[Run] = []
    into = [0] * len(runs)
    for k in sorted(range(len(runs)), key=lambda k: (runs[k].first_i, runs[k].first_j)):
        run = runs[k]
        for back in range(1, min(3, len(joined)) + 1):
            prev = joined[-back]
            di, dj = run.first_i - prev.last_i, run.first_j - prev.last_j
            if ((0 <= di <= MAX_GAP + SHINGLE and 0 <= dj <= 4 * MAX_GAP)
                    or (0 <= dj <= MAX_GAP + SHINGLE and 0 <= di <= 4 * MAX_GAP)):
                prev.last_i, prev.last_j = max(prev.last_i, run.last_i), max(prev.last_j,
                                                                              run.last_j)
                into[k] = len(joined) - back
                break
        else:
            into[k] = len(joined)
            joined.append(Run(run.first_i, run.first_j, run.last_i, run.last_j, len(joined)))
    return joined, np.asarray(into, dtype=np.int64)


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
    """Does a kept interval near [lo, hi] (NEIGHBOURS each way in `side`'s order) share at
    least `half` words with it? Those after it start at lo or later, in order: once one starts
    too far on to share `half`, so do the rest."""
    k = bisect_left(side, (lo, -1, -1))
    for m in range(k, min(len(side), k + NEIGHBOURS)):
        other_lo, other_hi, _ = side[m]
        if hi - other_lo + SHINGLE < half:
            break
        if min(hi, other_hi) - other_lo + SHINGLE >= half:
            return True
    for m in range(max(0, k - NEIGHBOURS), k):  # these start before lo
        _, other_hi, _ = side[m]
        if min(hi, other_hi) - lo + SHINGLE >= half:
            return True
    return False


def copied_passages(text_a: str, text_b: str, cuts: Sequence[int] = ()) -> list[Passage]:
    """Passages of at least MIN_WORDS words that A and B share nearly word for word, cut
    where a sentence of A starts (`cuts`, code-point offsets) so links stay sentence-sized."""
    ids_a, starts_a, ends_a = word_ids(text_a)
    ids_b, starts_b, ends_b = word_ids(text_b)
    seeds_i, seeds_j = _seeds(ids_a, ids_b)
    runs, label = _chain(seeds_i, seeds_j)
    joined, into = _join(runs)
    long_runs = _claim([r for r in joined if r.last_i + SHINGLE - r.first_i >= MIN_WORDS])
    if not long_runs:
        return []
    # the word starting each cut: the number of words that start before it
    cut_words = np.sort(np.searchsorted(starts_a, np.asarray(cuts, dtype=np.int64)))
    if cut_words.size:
        cut_words = cut_words[np.r_[True, cut_words[1:] != cut_words[:-1]]]  # distinct
    pieces = cut_pieces(long_runs, (seeds_i, seeds_j, into[label]), cut_words)
    wa0, wa1, wb0, wb1 = (p.tolist() for p in pieces)
    sa, ea = starts_a[wa0].tolist(), ends_a[wa1].tolist()
    sb, eb = starts_b[wb0].tolist(), ends_b[wb1].tolist()
    return [Passage((sa[k], ea[k]), (sb[k], eb[k]), wa1[k] - wa0[k] + 1) for k in range(len(sa))]


def cut_pieces(runs: list[Run], seeds: tuple[np.ndarray, np.ndarray, np.ndarray],
               cut_words: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The copied pieces of `runs` (sorted), as arrays of A's first and last word and B's.

    Each run's word range [first_i, last_i + SHINGLE - 1] is cut where a sentence of A starts
    (`cut_words`, sorted distinct word indices), a stub of fewer than MIN_PIECE words at
    either end staying with its neighbour; a piece's words in B come from the nearest seed at
    or before each end, kept inside the run; a piece is kept when B's range is not reversed
    and the run's shingles cover a quarter of its words in A (a run joined across a sentence
    that A inserted spans it, but nothing of it is copied). `seeds` are all seeds (i, j,
    joined run), sorted by (i, j). All runs at once: the plain version is in the tests."""
    seeds_i, seeds_j, owner = seeds
    n = len(runs)
    first, last = np.array([(r.first_i, r.last_i + SHINGLE - 1) for r in runs],
                           dtype=np.int64).T
    first_j, last_j = np.array([(r.first_j, r.last_j + SHINGLE - 1) for r in runs],
                               dtype=np.int64).T
    # the kept runs' seeds, grouped by run in `runs` order (stable: (i, j) order in a group)
    rank = np.full(int(owner.max()) + 1, -1, dtype=np.int64)
    rank[np.array([r.key for r in runs], dtype=np.int64)] = np.arange(n, dtype=np.int64)
    seed_rank = rank[owner]
    keep = np.flatnonzero(seed_rank >= 0)
    keep = keep[np.argsort(seed_rank[keep], kind="stable")]
    si, sj, sr = seeds_i[keep], seeds_j[keep], seed_rank[keep]
    group = np.searchsorted(sr, np.arange(n, dtype=np.int64))  # each run's first seed

    # pieces: [first, cut, cut, ..., last + 1] per run, inner cuts at least MIN_PIECE inside
    lo = np.searchsorted(cut_words, first + MIN_PIECE, side="left")
    inner = np.maximum(np.searchsorted(cut_words, last + 1 - MIN_PIECE, side="right") - lo, 0)
    count = inner + 1
    run = np.repeat(np.arange(n, dtype=np.int64), count)
    t = np.arange(int(count.sum()), dtype=np.int64) - np.repeat(np.cumsum(count) - count, count)
    cw = np.r_[cut_words.astype(np.int64), 0]  # a sentinel, so every index below is valid
    at = lo[run] + t
    wa0 = np.where(t == 0, first[run], cw[np.clip(at - 1, 0, cw.size - 1)])
    wa1 = np.where(t == inner[run], last[run] + 1, cw[np.clip(at, 0, cw.size - 1)]) - 1

    stride = int(last.max()) + 1  # above every word asked about, so keys stay in their run
    key = sr * stride + si

    def partner(w: np.ndarray) -> np.ndarray:
        k = np.maximum(np.searchsorted(key, run * stride + w, side="right") - 1, group[run])
        return np.maximum(first_j[run], np.minimum(last_j[run], sj[k] + (w - si[k])))

    wb0, wb1 = partner(wa0), partner(wa1)
    # words of each run's range covered by its shingles, as running counts per run
    width = last + 1 - first
    offset = np.cumsum(width) - width
    total = int(width.sum())
    at_seed = offset[sr] + si - first[sr]
    depth = np.cumsum(np.bincount(at_seed, minlength=total + 1)
                      - np.bincount(at_seed + SHINGLE, minlength=total + 1))
    running = np.r_[0, np.cumsum(depth[:total] > 0)]
    base = offset[run] - first[run]
    covered = running[base + wa1 + 1] - running[base + wa0]
    good = (wb1 >= wb0) & (4 * covered >= wa1 - wa0 + 1)
    return wa0[good], wa1[good], wb0[good], wb1[good]


def identical_sentences(text_a: str, spans_a: Sequence[tuple[int, int]], text_b: str,
                        spans_b: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Sentence pairs (index in A, index in B, words) that are word for word the same, each
    occurring once per text: a copy even when too short for a shingle run or moved out of its
    run (the sentence model, tuned to doubt look-alikes in long texts, can score it low).
    "The same" is case and spacing aside, with at least MIN_SAME_WORDS words; see
    `identical.identical_plain` for the definition."""
    return identical.identical_sentences(text_a, spans_a, text_b, spans_b, MIN_SAME_WORDS)
