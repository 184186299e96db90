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
    order = np.argsort(both)  # groups of equal hashes (in no order inside a group)
    hashes = both[order]
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
    i, j = np.concatenate(seeds_i), np.concatenate(seeds_j)
    by_pair = np.argsort(i * h_b.size + j)  # each (i, j) once: no ties to keep in order
    return i[by_pair], j[by_pair]


@dataclass
class Run:
    """Seeds (word index in A, in B) chained along one diagonal, give or take DRIFT."""

    first_i: int
    first_j: int
    last_i: int
    last_j: int
    seeds: list[tuple[int, int]]


def _chain(seeds_i: np.ndarray, seeds_j: np.ndarray) -> list[Run]:
    """Seeds (sorted by A's word, then B's) chained into runs: a seed continues the open run
    of the nearest diagonal within DRIFT that it follows closely enough, else opens a run.

    A copy gives streaks of seeds (i, j), (i+1, j+1), ... with nothing between them in the
    order. Once a streak's first seed is placed, its run ends in B before j + SHINGLE (a seed
    joins a run only when j > last_j - SHINGLE, and a new run ends at j), so each later seed
    of the streak finds that run on its own diagonal, one word on, and joins it: the streak
    is handled at once instead of one Python step per seed."""
    runs: list[Run] = []
    if not seeds_i.size:
        return runs
    step = (np.diff(seeds_i) == 1) & (np.diff(seeds_j) == 1)
    breaks = np.flatnonzero(np.r_[True, ~step, True])
    open_by_diagonal: dict[int, int] = {}
    all_i, all_j = seeds_i.tolist(), seeds_j.tolist()
    for lo, hi in zip(breaks[:-1].tolist(), breaks[1:].tolist(), strict=True):
        run = _place(runs, open_by_diagonal, all_i[lo], all_j[lo])
        if hi - lo > 1:
            run.last_i, run.last_j = all_i[hi - 1], max(run.last_j, all_j[hi - 1])
            run.seeds.extend(zip(all_i[lo + 1 : hi], all_j[lo + 1 : hi], strict=True))
    return runs


def _place(runs: list[Run], open_by_diagonal: dict[int, int], i: int, j: int) -> Run:
    """One seed: onto the open run of the nearest diagonal it follows, else a new run."""
    d = i - j
    for shift in _NEAREST_FIRST:
        r = open_by_diagonal.get(d + shift)
        if r is not None:
            run = runs[r]
            if i - run.last_i <= MAX_GAP + SHINGLE and j > run.last_j - SHINGLE:
                run.last_i, run.last_j = i, max(run.last_j, j)
                run.seeds.append((i, j))
                open_by_diagonal[d] = r
                return run
    run = Run(i, j, i, j, [(i, j)])
    open_by_diagonal[d] = len(runs)
    runs.append(run)
    return run


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
    ids_a, starts_a, ends_a = word_ids(text_a)
    ids_b, starts_b, ends_b = word_ids(text_b)
    runs = _chain(*_seeds(ids_a, ids_b))
    out: list[Passage] = []
    long_runs = _claim([r for r in _join(runs) if r.last_i + SHINGLE - r.first_i >= MIN_WORDS])
    if not long_runs:
        return out
    # the word starting each cut: the number of words that start before it
    cut_words = sorted(set(np.searchsorted(starts_a, np.asarray(cuts, dtype=np.int64)).tolist()))
    for run in long_runs:
        for wa0, wa1 in _pieces(run.first_i, run.last_i + SHINGLE - 1, cut_words):
            wb0, wb1 = _partner(run, wa0), _partner(run, wa1)
            if wb1 < wb0 or not _copied(run, wa0, wa1):
                continue
            out.append(Passage((int(starts_a[wa0]), int(ends_a[wa1])),
                               (int(starts_b[wb0]), int(ends_b[wb1])), wa1 - wa0 + 1))
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


def _copied(run: Run, first: int, last: int) -> bool:
    """Do the run's shingles cover at least a quarter of A's words [first, last]? A run joined
    across a sentence that A inserted (or moved away from here) spans it, but nothing of it
    is copied: its piece would pair it with whatever B has at that point."""
    lo = bisect_left(run.seeds, (first - SHINGLE + 1, -1))
    hi = bisect_right(run.seeds, (last, 1 << 62))
    covered, reach = 0, first
    for i, _ in run.seeds[lo:hi]:
        start, end = max(i, reach), min(i + SHINGLE, last + 1)
        if end > start:
            covered += end - start
            reach = end
    return 4 * covered >= last - first + 1


def _partner(run: Run, w: int) -> int:
    """B's word for A's word w: by the nearest seed at or before it, kept inside the run."""
    k = max(0, bisect_right(run.seeds, (w, 1 << 62)) - 1)
    i, j = run.seeds[k]
    return max(run.first_j, min(run.last_j + SHINGLE - 1, j + (w - i)))


_WORDS = re.compile(r"\w+")
Ranges = Sequence[tuple[int, int]]


def identical_sentences(text_a: str, spans_a: Ranges, text_b: str,
                        spans_b: Ranges) -> list[tuple[int, int, int]]:
    """Sentence pairs (index in A, index in B, words) that are word for word the same, each
    occurring once per text: a copy even when too short for a shingle run or moved out of its
    run (the sentence model, tuned to doubt look-alikes in long texts, can score it low)."""
    words: dict[str, int] = {}

    def once(text: str, spans: Ranges) -> dict[str, int]:
        seen: dict[str, int] = {}
        for k, (start, end) in enumerate(spans):
            sentence = text[start:end]
            count = len(_WORDS.findall(sentence))
            if count >= MIN_SAME_WORDS:
                key = " ".join(sentence.casefold().split())
                seen[key] = -1 if key in seen else k
                words[key] = count
        return seen

    in_a, in_b = once(text_a, spans_a), once(text_b, spans_b)
    return sorted((in_a[key], in_b[key], words[key]) for key in in_a.keys() & in_b.keys()
                  if in_a[key] >= 0 and in_b[key] >= 0)
