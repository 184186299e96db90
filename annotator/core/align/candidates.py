"""Candidate pairs from shared rare words, vectorised so long documents stay near-linear.

Every stem shared by a sentence of A and a sentence of B votes for that pair with its IDF;
each sentence keeps its few best-voted partners, in both directions, so reordered content is
found without an all-pairs pass. Stems common in either document are no clue and are skipped;
the cap on "common" is a share of the document for news-sized texts and a constant for long
ones, which bounds the votes per stem and keeps time and memory linear in the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

COMMON_SHARE = 0.25  # a stem in more than this share of a document's sentences is no clue
MIN_CAP = 12  # ...but in a short text, a stem in up to 12 sentences still counts
MAX_CAP = 60  # ...and in a long text, never more than 60 (bounds the votes per stem)


def frequency_cap(sentences: int) -> int:
    return min(MAX_CAP, max(MIN_CAP, int(COMMON_SHARE * sentences)))


def _postings(stem_sets: Sequence[Iterable[str]], ids: dict[str, int]) -> list[list[int]]:
    lists: list[list[int]] = [[] for _ in ids]
    for index, stems in enumerate(stem_sets):
        for stem in stems:
            number = ids.get(stem)
            if number is not None:
                lists[number].append(index)
    return lists


def candidate_pairs(stems_a: Sequence[Iterable[str]], stems_b: Sequence[Iterable[str]],
                    idf: dict[str, float], per_sentence: int) -> list[tuple[int, int]]:
    """Each sentence's best `per_sentence` partners by summed IDF of shared stems, both ways.

    Ties go to the partner that comes first in its document. (0, 0) is always a candidate:
    headline to headline, even when reworded.
    """
    n_a, n_b = len(stems_a), len(stems_b)
    if not n_a or not n_b:
        return []
    shared = set().union(*map(set, stems_a)) & set().union(*map(set, stems_b))
    ids = {stem: k for k, stem in enumerate(sorted(shared))}
    post_a, post_b = _postings(stems_a, ids), _postings(stems_b, ids)
    cap_a, cap_b = frequency_cap(n_a), frequency_cap(n_b)
    keys: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    for stem, k in ids.items():
        rows, cols = post_a[k], post_b[k]
        if len(rows) > cap_a or len(cols) > cap_b:
            continue
        grid = (np.asarray(rows, dtype=np.int64)[:, None] * n_b
                + np.asarray(cols, dtype=np.int64)[None, :]).ravel()
        keys.append(grid)
        weights.append(np.full(grid.size, idf.get(stem, 1.0)))
    chosen = {(0, 0)}
    if keys:
        pair_keys, inverse = np.unique(np.concatenate(keys), return_inverse=True)
        votes = np.bincount(inverse, weights=np.concatenate(weights))
        rows_i, cols_j = pair_keys // n_b, pair_keys % n_b
        for major, minor in ((rows_i, cols_j), (cols_j, rows_i)):
            order = np.lexsort((minor, -votes, major))  # by sentence, best vote, earliest partner
            ranked = major[order]
            starts = np.searchsorted(ranked, ranked, side="left")
            keep = order[np.arange(ranked.size) - starts < per_sentence]
            chosen.update(zip(rows_i[keep].tolist(), cols_j[keep].tolist(), strict=True))
    return sorted(chosen)
