"""How likely two sentences say the same thing: signals combined into a calibrated probability.

Each candidate pair gets a row of features (IDF-weighted word overlap both ways, shared and
conflicting numbers, shared names and word pairs, rapidfuzz token scores, position in the two
articles, and how the pair ranks among the other candidates of its row and column). A logistic
model maps them to a probability; its weights are fitted offline on gold data by
`benchmarks/quality_calibrate.py` and kept in `calibration.py`, so a score of 0.8 means that
about four in five such pairs were gold links.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from .features import Tokens

FEATURES = (
    "bias", "cosine", "cover_min", "cover_max", "fuzzy_set", "fuzzy_ratio", "numbers_shared",
    "numbers_conflict", "names_shared", "bigrams", "position", "headline", "length_ratio",
    "semantic",
)
# Stage one, "do these two passages say the same thing", sees only the passages themselves;
# stage two, "is this a link", adds where they sit and how they rank among the alternatives.
SIMILARITY = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12)
LINK_FEATURES = (
    "bias", "similarity", "cosine", "cover_max", "position", "headline", "row_best", "col_best",
    "row_margin", "col_margin",
)


@dataclass(frozen=True, slots=True)
class Bag:
    """One sentence prepared for scoring: weights looked up once, not per pair."""

    stems: frozenset[str]
    weight: float  # sum of IDF over distinct stems
    numbers: frozenset[str]
    names: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    joined: str  # stems in order, for rapidfuzz
    folded: str  # the sentence lower-cased, for character-level similarity
    words: int


def make_bag(tokens: Tokens, text: str, idf: dict[str, float]) -> Bag:
    stems = frozenset(tokens.content)
    return Bag(stems, sum(idf.get(w, 1.0) for w in stems), tokens.numbers, tokens.names,
               frozenset(zip(tokens.content, tokens.content[1:], strict=False)),
               " ".join(tokens.content), text.casefold(), max(1, tokens.words))


def pair_features(bags_a: Sequence[Bag], bags_b: Sequence[Bag], pairs: Sequence[tuple[int, int]],
                  idf: dict[str, float], semantic: np.ndarray | None = None) -> np.ndarray:
    """One feature row per candidate pair, in the order of FEATURES.

    `semantic`, when given, is the full cosine matrix of sentence embeddings (A x B);
    without it that column stays 0.
    """
    n_a, n_b = max(1, len(bags_a)), max(1, len(bags_b))
    x = np.zeros((len(pairs), len(FEATURES)), dtype=np.float64)
    x[:, 0] = 1.0
    for row, (i, j) in enumerate(pairs):
        a, b = bags_a[i], bags_b[j]
        shared = a.stems & b.stems
        w = sum(idf.get(s, 1.0) for s in shared)
        cover_a = w / a.weight if a.weight else 0.0
        cover_b = w / b.weight if b.weight else 0.0
        x[row, 1] = w / math.sqrt(a.weight * b.weight) if a.weight and b.weight else 0.0
        x[row, 2] = min(cover_a, cover_b)
        x[row, 3] = max(cover_a, cover_b)
        x[row, 4] = fuzz.token_set_ratio(a.joined, b.joined) / 100.0 if shared else 0.0
        x[row, 5] = fuzz.ratio(a.folded, b.folded) / 100.0
        if a.numbers and b.numbers:
            common = len(a.numbers & b.numbers)
            x[row, 6] = min(1.0, float(common))
            x[row, 7] = float(common == 0)
        x[row, 8] = min(3, len(a.names & b.names)) / 3.0
        if a.bigrams and b.bigrams:
            x[row, 9] = len(a.bigrams & b.bigrams) / min(len(a.bigrams), len(b.bigrams))
        x[row, 10] = abs((i + 0.5) / n_a - (j + 0.5) / n_b)
        x[row, 11] = float(i == 0 and j == 0)
        x[row, 12] = abs(math.log(a.words / b.words))
    if semantic is not None and len(pairs):
        idx_a = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
        idx_b = np.fromiter((j for _, j in pairs), dtype=np.int64, count=len(pairs))
        x[:, 13] = semantic[idx_a, idx_b]
    return x


def similarity(x: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    """Stage one: probability that two passages say the same thing, from their content alone.
    With one weight more than SIMILARITY has, the last one applies to the semantic cosine."""
    columns = list(SIMILARITY) + ([13] if len(weights) > len(SIMILARITY) else [])
    return probability(x[:, columns], weights)


def link_features(x: np.ndarray, sim: np.ndarray, pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """Stage two's inputs, in the order of LINK_FEATURES."""
    z = np.zeros((len(pairs), len(LINK_FEATURES)))
    z[:, 0] = 1.0
    z[:, 1] = sim
    z[:, 2] = x[:, 1]
    z[:, 3] = x[:, 3]
    z[:, 4] = x[:, 10]
    z[:, 5] = x[:, 11]
    _rank_features(z, pairs, 1, 6)
    return z


def link_probability(x: np.ndarray, pairs: Sequence[tuple[int, int]],
                     sim_weights: Sequence[float], link_weights: Sequence[float]) -> np.ndarray:
    """Both stages: the calibrated probability that a candidate pair is a link."""
    if not len(pairs):
        return np.zeros(0)
    return probability(link_features(x, similarity(x, sim_weights), pairs), link_weights)


def _rank_features(x: np.ndarray, pairs: Sequence[tuple[int, int]], col: int, out: int) -> None:
    """Is the pair the best of its row / column among the candidates, and by how much behind."""
    row_max: dict[int, float] = {}
    col_max: dict[int, float] = {}
    for k, (i, j) in enumerate(pairs):
        v = x[k, col]
        row_max[i] = max(row_max.get(i, 0.0), v)
        col_max[j] = max(col_max.get(j, 0.0), v)
    for k, (i, j) in enumerate(pairs):
        v = x[k, col]
        x[k, out] = float(v > 0 and v >= row_max[i])
        x[k, out + 1] = float(v > 0 and v >= col_max[j])
        x[k, out + 2] = v - row_max[i]
        x[k, out + 3] = v - col_max[j]


def probability(x: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    """A logistic model over the columns of x."""
    z = np.clip(x @ np.asarray(weights, dtype=np.float64), -30.0, 30.0)
    return np.asarray(1.0 / (1.0 + np.exp(-z)))
