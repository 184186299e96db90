"""Order as evidence, not as a rule: the heaviest monotone chain through the candidate pairs.

Rewrites and copies mostly keep their source's order, so a weakly similar pair that sits in
line with its strongly similar neighbours is likely a link, while a same-topic look-alike far
from that line is likely not. The chain is a weighted longest increasing subsequence over the
sparse candidates (O(k log k), never all pairs); pairs off the chain keep their own score, so
reordered passages are still found, they only lack this support.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import numpy as np


def heaviest_chain(pairs: Sequence[tuple[int, int]], weights: Sequence[float]) -> list[int]:
    """Indices into `pairs` of the chain (strictly increasing in both i and j) whose weights
    sum highest; pairs with weight <= 0 never join. Deterministic: ties keep the earlier pair."""
    order = sorted((k for k, w in enumerate(weights) if w > 0), key=lambda k: pairs[k])
    if not order:
        return []
    cols = sorted({pairs[k][1] for k in order})
    rank = {j: r + 1 for r, j in enumerate(cols)}
    size = len(cols)
    tree_val = [0.0] * (size + 1)  # Fenwick tree of prefix maxima over column ranks
    tree_arg = [-1] * (size + 1)
    best = [0.0] * len(pairs)
    back = [-1] * len(pairs)
    start = 0
    while start < len(order):  # one row at a time: pairs of a row may not chain together
        end = start
        row = pairs[order[start]][0]
        while end < len(order) and pairs[order[end]][0] == row:
            end += 1
        for k in order[start:end]:
            r = rank[pairs[k][1]] - 1
            value, arg = 0.0, -1
            while r > 0:
                if tree_val[r] > value:
                    value, arg = tree_val[r], tree_arg[r]
                r -= r & -r
            best[k], back[k] = value + float(weights[k]), arg
        for k in order[start:end]:
            r = rank[pairs[k][1]]
            while r <= size:
                if best[k] > tree_val[r]:
                    tree_val[r], tree_arg[r] = best[k], k
                r += r & -r
        start = end
    k = max(order, key=lambda m: (best[m], -m))
    chain = []
    while k >= 0:
        chain.append(k)
        k = back[k]
    return chain[::-1]


def chain_features(pairs: Sequence[tuple[int, int]], sim: np.ndarray) -> np.ndarray:
    """Per pair: on the chain (0/1), and how far it strays from the chain's line, in
    sentences of B (0 when it fits between the chain pairs around its row; capped at 1)."""
    out = np.zeros((len(pairs), 2))
    if not len(pairs):
        return out
    # a pair joins only for the part of its similarity above even odds of a weak match
    chain = heaviest_chain(pairs, (sim - 0.05).tolist())
    points = sorted(pairs[k] for k in chain)
    for k in chain:
        out[k, 0] = 1.0
    if not points:
        out[:, 1] = 1.0
        return out
    rows = [p[0] for p in points]
    for k, (i, j) in enumerate(pairs):
        before = bisect_right(rows, i) - 1  # last chain pair at or above row i
        after = bisect_left(rows, i)  # first chain pair at or below row i
        lo = points[before][1] if before >= 0 else 0
        hi = points[after][1] if after < len(points) else max(j, lo)
        if before >= 0 and after < len(points) and lo > hi:
            lo, hi = hi, lo
        gap = max(0, lo - j, j - hi)
        out[k, 1] = min(1.0, gap / 4.0)
    return out
