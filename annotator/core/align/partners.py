"""Scores for any sentence pair of two documents, and each sentence's likeliest partners.

The aligner only scores the few candidates its index proposes and keeps those above the
threshold; a person completing an alignment by hand wants the next-best partners of a
sentence the aligner left alone. These functions score arbitrary pairs with the same model
(the default method unless told otherwise), in the context of the aligner's own candidates,
so a pair the aligner linked gets the score its link shows.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..document import Document
from .pipeline import Scored
from .speed.memo import LastPair

Pair = tuple[int, int]
AlignMemo = LastPair[Scored]
_MEMO: AlignMemo = LastPair()


def score_pairs(doc_a: Document, doc_b: Document, pairs: Sequence[Pair],
                method: str | None = None, *, memo: AlignMemo | None = None) -> np.ndarray:
    """The calibrated probability that sentence i of A and sentence j of B are a link, for
    each (i, j) in `pairs` (indices into `doc_a.sentences` and `doc_b.sentences`), in order.

    `method` None means the method `AlignOptions()` uses by default. The pair's scores are
    kept in `memo` (by default one of this module's), so asking again about the same pair
    does not score it again; the GUI may pass its worker's."""
    from . import AlignOptions
    from .pipeline import pair_scores

    return pair_scores(doc_a, doc_b, pairs, method or AlignOptions().method,
                       _MEMO if memo is None else memo)


def ranked_partners(doc_a: Document, doc_b: Document, side: str, index: int, k: int = 3,
                    method: str | None = None, *,
                    memo: AlignMemo | None = None) -> list[tuple[int, float]]:
    """The `k` sentences of the other document likeliest to be `index`'s partner, best
    first, as (sentence index in the other document, score). `side` is "A" or "B": the
    document `index` belongs to."""
    if side not in ("A", "B"):
        raise ValueError(f"side must be 'A' or 'B', not {side!r}")
    others = len(doc_b.sentences if side == "A" else doc_a.sentences)
    if k <= 0 or not others:
        return []
    pairs = [(index, j) if side == "A" else (j, index) for j in range(others)]
    scores = score_pairs(doc_a, doc_b, pairs, method, memo=memo)
    order = np.argsort(-scores, kind="stable")[:k]  # ties: the earlier sentence first
    return [(int(m), float(scores[m])) for m in order.tolist()]
