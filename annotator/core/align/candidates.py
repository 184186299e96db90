"""Candidate pairs from shared rare words, vectorised so long documents stay near-linear.

Every stem shared by a sentence of A and a sentence of B votes for that pair with its IDF;
each sentence keeps its few best-voted partners, in both directions, so reordered content is
found without an all-pairs pass. Stems common in either document are no clue and are skipped;
the cap on "common" is a share of the document for news-sized texts and a constant for long
ones, which bounds the votes per stem and keeps time and memory linear in the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain, repeat

import numpy as np

from ..cancel import StopCheck, check

COMMON_SHARE = 0.25  # a stem in more than this share of a document's sentences is no clue
MIN_CAP = 12  # ...but in a short text, a stem in up to 12 sentences still counts
MAX_CAP = 60  # ...and in a long text, never more than 60 (bounds the votes per stem)


def frequency_cap(sentences: int) -> int:
    return min(MAX_CAP, max(MIN_CAP, int(COMMON_SHARE * sentences)))


def _entries(stem_sets: Sequence[Iterable[str]], ids: dict[str, int],
             ) -> tuple[np.ndarray, np.ndarray]:
    """(stem id, sentence) of every stem of every sentence that has an id, sorted by stem id
    and, within one stem, by sentence: all posting lists, end to end."""
    lists = [list(stems) for stems in stem_sets]
    flat = list(chain.from_iterable(lists))
    codes = np.fromiter(map(ids.get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
    owner = np.repeat(np.arange(len(lists), dtype=np.int64),
                      np.fromiter(map(len, lists), dtype=np.int64, count=len(lists)))
    known = codes >= 0
    codes, owner = codes[known], owner[known]
    order = np.argsort(codes, kind="stable")  # stable: sentence order within a stem
    return codes[order], owner[order]


def candidate_pairs(stems_a: Sequence[Iterable[str]], stems_b: Sequence[Iterable[str]],
                    idf: dict[str, float], per_sentence: int,
                    stop: StopCheck | None = None) -> list[tuple[int, int]]:
    """Each sentence's best `per_sentence` partners by summed IDF of shared stems, both ways.

    Ties go to the partner that comes first in its document. (0, 0) is always a candidate:
    headline to headline, even when reworded. `stop` is asked between the vote's steps (a
    long pair's take a fifth of a second; see suggest.PairSuggestions).
    """
    n_a, n_b = len(stems_a), len(stems_b)
    if not n_a or not n_b:
        return []
    shared = set().union(*stems_a) & set().union(*stems_b)
    ordered = sorted(shared)
    ids = {stem: k for k, stem in enumerate(ordered)}
    weight = np.fromiter((idf.get(stem, 1.0) for stem in ordered), dtype=np.float64,
                         count=len(ordered))
    code_a, owner_a = _entries(stems_a, ids)
    check(stop)
    voted = _vote(_sorted_pairs(owner_a, code_a, len(ordered))[::-1], _entries(stems_b, ids),
                  weight, n_a, n_b, per_sentence, stop=stop)
    check(stop)
    return _listed(voted)


def _listed(pairs: tuple[np.ndarray, np.ndarray]) -> list[tuple[int, int]]:
    return list(zip(pairs[0].tolist(), pairs[1].tolist(), strict=True))


def candidate_arrays(a: tuple[np.ndarray, np.ndarray], n_a: int,
                     b: tuple[np.ndarray, np.ndarray], n_b: int, names: Sequence[str],
                     idf: dict[str, float], per_sentence: int,
                     skip: tuple[np.ndarray, np.ndarray] | None = None,
                     ) -> tuple[np.ndarray, np.ndarray]:
    """`candidate_pairs` from each document's (sentence, stem id) arrays, sorted by sentence
    and holding each pair once (SpanTokens.stems; `names[k]` is stem id k's stem), as two
    arrays (A's sentences, B's) sorted by (i, j). Same result: stems are ranked by their
    strings, as there.

    With `skip`, boolean masks over A's and B's sentences (those the copy stage linked), only
    the pairs of two unskipped sentences are returned, the same as filtering the full result:
    a pair of two skipped sentences is in no ranking that matters, so its votes are never
    counted (on a long copied pair, most of the vote grid)."""
    if not n_a or not n_b:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    present_a = np.bincount(a[1], minlength=len(names)) > 0
    present_b = np.bincount(b[1], minlength=len(names)) > 0
    ordered = sorted(np.flatnonzero(present_a & present_b).tolist(), key=names.__getitem__)
    rank = np.full(len(names), -1, dtype=np.int64)
    rank[np.asarray(ordered, dtype=np.int64)] = np.arange(len(ordered), dtype=np.int64)

    def codes(owner: np.ndarray, stem: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        code = rank[stem]
        keep = code >= 0
        return code[keep], owner[keep]

    weight = np.fromiter((idf.get(names[k], 1.0) for k in ordered), dtype=np.float64,
                         count=len(ordered))
    code_a, owner_a = codes(*a)
    code_b, owner_b = codes(*b)
    rows, cols = _vote(_sorted_pairs(owner_a, code_a, len(ordered))[::-1],
                       _sorted_pairs(code_b, owner_b, n_b), weight, n_a, n_b, per_sentence, skip)
    if skip is None:
        return rows, cols
    keep = ~skip[0][rows] & ~skip[1][cols]
    return rows[keep], cols[keep]


def _sorted_pairs(major: np.ndarray, minor: np.ndarray, minor_size: int,
                  ) -> tuple[np.ndarray, np.ndarray]:
    """(major, minor) sorted by major then minor: one sort of packed integers."""
    packed = np.sort(major * max(1, minor_size) + minor)
    return packed // max(1, minor_size), packed % max(1, minor_size)


def _vote(entries_a: tuple[np.ndarray, np.ndarray], entries_b: tuple[np.ndarray, np.ndarray],
          weight: np.ndarray, n_a: int, n_b: int, per_sentence: int,
          skip: tuple[np.ndarray, np.ndarray] | None = None,
          stop: StopCheck | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The votes and each sentence's top partners, from A's (stem code, sentence) entries
    sorted by sentence then code and B's sorted by code then sentence; `weight[code]` is the
    stem's IDF.

    Every (row, col) of a clue stem is one vote, and a pair's votes are summed stem by stem
    (so the sums are the same floats whatever the layout); each sentence keeps its
    `per_sentence` best-voted partners, ties to the partner first in its document. With
    `skip` (see candidate_arrays), a skipped row votes only with unskipped columns: the
    rankings of skipped rows and columns come out wrong, and are the caller's to drop.
    `stop` is asked between the steps."""
    code_a, rows = entries_a
    code_b, cols_sorted = entries_b
    count_a = np.bincount(code_a, minlength=weight.size)
    count_b = np.bincount(code_b, minlength=weight.size)
    clue = (count_a <= frequency_cap(n_a)) & (count_b <= frequency_cap(n_b))
    take = clue[code_a]
    code_a, rows = code_a[take], rows[take]
    reps = count_b[code_a]
    start_b = np.cumsum(count_b) - count_b  # where each stem's postings start in B
    if skip is not None:  # skipped rows: postings of unskipped columns only, placed after
        kept = ~skip[1][cols_sorted]
        count_kept = np.bincount(code_b[kept], minlength=weight.size)
        start_kept = np.cumsum(count_kept) - count_kept + cols_sorted.size
        cols_sorted = np.r_[cols_sorted, cols_sorted[kept]]
        skipped = skip[0][rows]
        reps = np.where(skipped, count_kept[code_a], reps)
        start = np.where(skipped, start_kept[code_a], start_b[code_a])
    else:
        start = start_b[code_a]
    total = int(reps.sum())
    chosen_keys = [np.zeros(1, dtype=np.int64)]  # (0, 0)
    if total:
        # every (row, col) of every clue stem, by row then stem: sorting that by (row, col)
        # sorts short runs, and keeps each pair's votes in stem order
        within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(reps) - reps, reps)
        keys = np.repeat(rows * n_b, reps) + cols_sorted[np.repeat(start, reps) + within]
        check(stop)
        order, keys = _stable_order(keys)
        check(stop)
        new = np.r_[True, keys[1:] != keys[:-1]]
        pair_keys = keys[new]
        code = np.repeat(code_a, reps)[order]
        votes = np.bincount(np.cumsum(new) - 1, weights=weight[code])  # stem order: stable
        rows_i, cols_j = pair_keys // n_b, pair_keys % n_b
        place = _vote_places(votes, weight, code[new], new)
        for major, minor in ((rows_i, cols_j), (cols_j, rows_i)):
            check(stop)
            row, col = _top(major, place, minor, per_sentence)
            chosen_keys.append(row * n_b + col if major is rows_i else col * n_b + row)
    chosen = np.sort(np.concatenate(chosen_keys))  # by key: by (i, j)
    chosen = chosen[np.r_[True, chosen[1:] != chosen[:-1]]]  # each pair once
    return chosen // n_b, chosen % n_b


def _bits(values: np.ndarray) -> int:
    return int(values.max()).bit_length() if values.size else 0


def _stable_order(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`np.argsort(keys, kind="stable")` and the sorted keys: each key packed with its index
    and sorted by value (SIMD sort, several times faster than the stable argsort)."""
    shift = max(1, (keys.size - 1).bit_length())
    if _bits(keys) + shift > 62:
        order = np.argsort(keys, kind="stable")
        return order, keys[order]
    packed = np.sort((keys << shift) | np.arange(keys.size, dtype=np.int64))
    return packed & ((1 << shift) - 1), packed >> shift


def _vote_places(votes: np.ndarray, weight: np.ndarray, first_code: np.ndarray,
                 new: np.ndarray) -> np.ndarray:
    """Each vote's place among the distinct votes, best first (equal votes, equal places). A
    pair with one vote has its stem's weight, so only the other votes are sorted with the
    weights, a few thousand values. `first_code` is each pair's first stem, `new` flags each
    pair's first vote."""
    if not votes.size:
        return np.zeros(0, dtype=np.int64)
    ends = np.flatnonzero(np.r_[new[1:], True])
    single = np.diff(np.r_[-1, ends]) == 1  # pairs with one vote: the vote is the weight
    values = np.r_[weight, votes[~single]]
    order = np.argsort(values)  # ranks by a sort and a neighbour test (np.unique's first
    ranked = values[order]  # call in a process costs more than this whole function)
    rank = np.empty(values.size, dtype=np.int64)
    rank[order] = np.cumsum(np.r_[False, ranked[1:] != ranked[:-1]])
    place = np.empty(votes.size, dtype=np.int64)
    place[single] = rank[first_code[single]]
    place[~single] = rank[weight.size :]
    return int(rank.max(initial=0)) - place


def _top(major: np.ndarray, place: np.ndarray, minor: np.ndarray,
         per_sentence: int) -> tuple[np.ndarray, np.ndarray]:
    """(major, minor) of each major value's first `per_sentence` pairs by (place, minor):
    the triples are distinct, so one sort of them packed in an integer orders them exactly
    (np.lexsort where they do not fit)."""
    b_place, b_minor = max(1, _bits(place)), max(1, _bits(minor))
    if _bits(major) + b_place + b_minor <= 62:
        ranked = np.sort((major << (b_place + b_minor)) | (place << b_minor) | minor)
        group, low = ranked >> (b_place + b_minor), ranked & ((1 << b_minor) - 1)
    else:
        order = np.lexsort((minor, place, major))
        group, low = major[order], minor[order]
    at = np.arange(group.size, dtype=np.int64)
    starts = np.maximum.accumulate(np.where(np.r_[True, group[1:] != group[:-1]], at, 0))
    keep = at - starts < per_sentence  # the first few of each sentence's run
    return group[keep], low[keep]
