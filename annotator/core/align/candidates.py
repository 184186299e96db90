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
                    idf: dict[str, float], per_sentence: int) -> list[tuple[int, int]]:
    """Each sentence's best `per_sentence` partners by summed IDF of shared stems, both ways.

    Ties go to the partner that comes first in its document. (0, 0) is always a candidate:
    headline to headline, even when reworded.
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
    by_row = np.argsort(owner_a, kind="stable")  # by sentence, then stem
    return _listed(_vote((code_a[by_row], owner_a[by_row]), _entries(stems_b, ids), weight,
                         n_a, n_b, per_sentence))


def _listed(pairs: tuple[np.ndarray, np.ndarray]) -> list[tuple[int, int]]:
    return list(zip(pairs[0].tolist(), pairs[1].tolist(), strict=True))


def candidate_pairs_flat(a: tuple[np.ndarray, np.ndarray], n_a: int,
                         b: tuple[np.ndarray, np.ndarray], n_b: int, names: Sequence[str],
                         idf: dict[str, float], per_sentence: int) -> list[tuple[int, int]]:
    """`candidate_pairs` from each document's (sentence, stem id) arrays, sorted by sentence
    and holding each pair once (SpanTokens.stems); `names[k]` is stem id k's stem. Same
    result: stems are ranked by their strings, as there."""
    return _listed(candidate_arrays(a, n_a, b, n_b, names, idf, per_sentence))


def candidate_arrays(a: tuple[np.ndarray, np.ndarray], n_a: int,
                     b: tuple[np.ndarray, np.ndarray], n_b: int, names: Sequence[str],
                     idf: dict[str, float], per_sentence: int) -> tuple[np.ndarray, np.ndarray]:
    """`candidate_pairs_flat` as two arrays (A's sentences, B's), sorted by (i, j): filter
    them with masks rather than a Python test per pair (300k pairs on a 1M-word pair)."""
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
    code_a, owner_a = codes(*a)  # by sentence (then stem id: not stem order)
    by_row = np.argsort(owner_a * max(1, len(ordered)) + code_a, kind="stable")
    code_b, owner_b = codes(*b)
    small = code_b.astype(np.uint16) if len(ordered) <= 1 << 16 else code_b  # radix-sortable
    by_code = np.argsort(small, kind="stable")  # stable: sentence order within a stem
    return _vote((code_a[by_row], owner_a[by_row]), (code_b[by_code], owner_b[by_code]), weight,
                 n_a, n_b, per_sentence)


def _vote(entries_a: tuple[np.ndarray, np.ndarray], entries_b: tuple[np.ndarray, np.ndarray],
          weight: np.ndarray, n_a: int, n_b: int, per_sentence: int,
          ) -> tuple[np.ndarray, np.ndarray]:
    """The votes and each sentence's top partners, from A's (stem code, sentence) entries
    sorted by sentence then code and B's sorted by code then sentence; `weight[code]` is the
    stem's IDF.

    Every (row, col) of a clue stem is one vote, and a pair's votes are summed stem by stem
    (so the sums are the same floats whatever the layout); each sentence keeps its
    `per_sentence` best-voted partners, ties to the partner first in its document."""
    code_a, rows = entries_a
    code_b, cols_sorted = entries_b
    count_a = np.bincount(code_a, minlength=weight.size)
    count_b = np.bincount(code_b, minlength=weight.size)
    clue = (count_a <= frequency_cap(n_a)) & (count_b <= frequency_cap(n_b))
    take = clue[code_a]
    code_a, rows = code_a[take], rows[take]
    reps = count_b[code_a]
    total = int(reps.sum())
    chosen_keys = [np.zeros(1, dtype=np.int64)]  # (0, 0)
    if total:
        # every (row, col) of every clue stem, by row then stem: sorting that by (row, col)
        # sorts short runs, and keeps each pair's votes in stem order
        start_b = np.cumsum(count_b) - count_b  # where each stem's postings start in B
        within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(reps) - reps, reps)
        keys = np.repeat(rows * n_b, reps) + cols_sorted[np.repeat(start_b[code_a], reps) + within]
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        new = np.r_[True, keys[1:] != keys[:-1]]
        pair_keys = keys[new]
        code = np.repeat(code_a, reps)[order]
        votes = np.bincount(np.cumsum(new) - 1, weights=weight[code])  # stem order: stable
        rows_i, cols_j = pair_keys // n_b, pair_keys % n_b
        # best vote first; pair_keys run by (i, j), so a stable sort keeps ties in partner order
        by_vote = _by_vote(votes, weight, code[new], new)
        for major, size in ((rows_i, n_a), (cols_j, n_b)):
            small = major.astype(np.uint16 if size <= 1 << 16 else np.int64)  # radix-sortable
            order = by_vote[np.argsort(small[by_vote], kind="stable")]  # by sentence, then vote
            ranked = major[order]
            at = np.arange(ranked.size, dtype=np.int64)
            starts = np.maximum.accumulate(np.where(np.r_[True, ranked[1:] != ranked[:-1]],
                                                    at, 0))  # where each sentence's run starts
            chosen_keys.append(pair_keys[order[at - starts < per_sentence]])
    chosen = np.sort(np.concatenate(chosen_keys))  # by key: by (i, j)
    chosen = chosen[np.r_[True, chosen[1:] != chosen[:-1]]]  # each pair once
    return chosen // n_b, chosen % n_b


def _by_vote(votes: np.ndarray, weight: np.ndarray, first_code: np.ndarray,
             new: np.ndarray) -> np.ndarray:
    """`np.argsort(-votes, kind="stable")`, by radix: votes ranked among their distinct values
    (a few thousand: most pairs share one stem, and their vote is that stem's weight, so only
    the other pairs' votes need a search). Falls back to the float sort past 2^16 values.
    `first_code` is each pair's first stem, `new` flags each pair's first vote."""
    if not votes.size:
        return np.zeros(0, dtype=np.int64)
    ends = np.flatnonzero(np.r_[new[1:], True])
    single = np.diff(np.r_[-1, ends]) == 1  # pairs with one vote: the vote is the weight
    several = votes[~single]
    distinct = np.unique(np.r_[weight, several])
    if distinct.size > 1 << 16:
        return np.argsort(-votes, kind="stable")
    rank = np.empty(votes.size, dtype=np.int64)
    rank[single] = np.searchsorted(distinct, weight)[first_code[single]]
    rank[~single] = np.searchsorted(distinct, several)
    return np.argsort((distinct.size - 1 - rank).astype(np.uint16), kind="stable")
