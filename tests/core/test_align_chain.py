"""The heaviest monotone chain: order as support for weak pairs, never as a rule."""

from __future__ import annotations

import itertools
import random

import numpy as np

from annotator.core.align.chain import chain_features, heaviest_chain


def _brute(pairs: list[tuple[int, int]], weights: list[float]) -> float:
    best = 0.0
    for r in range(1, len(pairs) + 1):
        for combo in itertools.combinations(sorted(range(len(pairs)), key=lambda k: pairs[k]), r):
            pts = [pairs[k] for k in combo]
            if all(p[0] < q[0] and p[1] < q[1] for p, q in itertools.pairwise(pts)):
                best = max(best, sum(max(0.0, weights[k]) for k in combo))
    return best


def test_chain_is_the_heaviest_increasing_one() -> None:
    rng = random.Random(3)
    for _ in range(40):
        pairs = sorted({(rng.randrange(6), rng.randrange(6)) for _ in range(8)})
        weights = [rng.uniform(-0.2, 1.0) for _ in pairs]
        chain = heaviest_chain(pairs, weights)
        pts = [pairs[k] for k in chain]
        assert all(p[0] < q[0] and p[1] < q[1] for p, q in itertools.pairwise(pts))
        assert np.isclose(sum(weights[k] for k in chain), _brute(pairs, weights))


def test_a_pair_in_line_fits_and_a_stray_one_does_not() -> None:
    pairs = [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (2, 9)]
    sim = np.array([0.9, 0.8, 0.1, 0.9, 0.9, 0.3])
    out = chain_features(pairs, sim)
    assert out[0, 0] == 1.0 and out[3, 0] == 1.0
    assert out[2, 1] == 0.0  # weak but in line
    assert out[5, 1] == 1.0  # far off the line
