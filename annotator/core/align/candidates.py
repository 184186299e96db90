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
    return _vote(_entries(stems_a, ids), _entries(stems_b, ids), weight, n_a, n_b, per_sentence)


def candidate_pairs_flat(a: tuple[np.ndarray, np.ndarray], n_a: int,
                         b: tuple[np.ndarray, np.ndarray], n_b: int, names: Sequence[str],
                         idf: dict[str, float], per_sentence: int) -> list[tuple[int, int]]:
    """`candidate_pairs` from each document's (sentence, stem id) arrays, sorted by sentence
    and holding each pair once (SpanTokens.stems); `names[k]` is stem id k's stem. Same
    result: stems are ranked by their strings, as there."""
    if not n_a or not n_b:
        return []
    present_a = np.bincount(a[1], minlength=len(names)) > 0
    present_b = np.bincount(b[1], minlength=len(names)) > 0
    ordered = sorted(np.flatnonzero(present_a & present_b).tolist(), key=names.__getitem__)
    rank = np.full(len(names), -1, dtype=np.int64)
    rank[np.asarray(ordered, dtype=np.int64)] = np.arange(len(ordered), dtype=np.int64)

    def entries(owner: np.ndarray, stem: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        code = rank[stem]
        keep = code >= 0
        code, owner = code[keep], owner[keep]
        order = np.argsort(code, kind="stable")  # stable: sentence order within a stem
        return code[order], owner[order]

    weight = np.fromiter((idf.get(names[k], 1.0) for k in ordered), dtype=np.float64,
                         count=len(ordered))
    return _vote(entries(*a), entries(*b), weight, n_a, n_b, per_sentence)


def _vote(entries_a: tuple[np.ndarray, np.ndarray], entries_b: tuple[np.ndarray, np.ndarray],
          weight: np.ndarray, n_a: int, n_b: int, per_sentence: int) -> list[tuple[int, int]]:
    """The votes and each sentence's top partners, from both sides' (stem code, sentence)
    entries sorted by code then sentence; `weight[code]` is the stem's IDF."""
    code_a, rows = entries_a
    code_b, cols_sorted = entries_b
    count_a = np.bincount(code_a, minlength=weight.size)
    count_b = np.bincount(code_b, minlength=weight.size)
    clue = (count_a <= frequency_cap(n_a)) & (count_b <= frequency_cap(n_b))
    # every (row, col) of a clue stem, stem by stem, row-major: the order the votes are
    # summed in, so sums are the same to the last bit whatever the layout
    take = clue[code_a]
    code_a, rows = code_a[take], rows[take]
    reps = count_b[code_a]
    total = int(reps.sum())
    chosen_keys = [np.zeros(1, dtype=np.int64)]  # (0, 0)
    if total:
        start_b = np.cumsum(count_b) - count_b  # where each stem's postings start in B
        within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(reps) - reps, reps)
        cols = cols_sorted[np.repeat(start_b[code_a], reps) + within]
        keys = np.repeat(rows, reps) * n_b + cols
        pair_keys, inverse = np.unique(keys, return_inverse=True)
        votes = np.bincount(inverse, weights=np.repeat(weight[code_a], reps))
        rows_i, cols_j = pair_keys // n_b, pair_keys % n_b
        # best vote first; pair_keys run by (i, j), so a stable sort keeps ties in partner order
        by_vote = np.argsort(-votes, kind="stable")
        for major, size in ((rows_i, n_a), (cols_j, n_b)):
            small = major.astype(np.uint16 if size <= 1 << 16 else np.int64)  # radix-sortable
            order = by_vote[np.argsort(small[by_vote], kind="stable")]  # by sentence, then vote
            ranked = major[order]
            starts = np.searchsorted(ranked, ranked, side="left")
            chosen_keys.append(pair_keys[order[np.arange(ranked.size) - starts < per_sentence]])
    chosen = np.sort(np.concatenate(chosen_keys))  # by key: by (i, j)
    chosen = chosen[np.r_[True, chosen[1:] != chosen[:-1]]]  # each pair once
    return list(zip((chosen // n_b).tolist(), (chosen % n_b).tolist(), strict=True))
