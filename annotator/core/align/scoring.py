"""How likely two sentences say the same thing: signals combined into a calibrated probability.

Each candidate pair gets a row of features (IDF-weighted word overlap both ways, shared and
conflicting numbers, shared names and word pairs, rapidfuzz token scores, the semantic cosine
when that backend runs). Stage one, a logistic model over those, says how alike the two
sentences are. Stage two adds where they sit (position, headline), how the pair ranks among the
other candidates of its row and column, whether its diagonal neighbours match too, and verbatim
copying. Both stages' weights are fitted offline on held-out gold data by
`benchmarks/quality_calibrate.py` and kept in `calibration.py`, so a score of 0.8 means that
about four in five such pairs were gold links there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from .chain import chain_features
from .features import Tokens

FEATURES = (
    "bias", "cosine", "cover_min", "cover_max", "fuzzy_set", "fuzzy_ratio", "numbers_shared",
    "numbers_conflict", "names_shared", "bigrams", "position", "headline", "length_ratio",
    "semantic", "size", "sort_ratio", "unmatched_min", "unmatched_max", "jaccard",
    "negation_differs", "numbers_equal", "copy_share",
)
# Stage one, "do these two passages say the same thing", sees only the passages themselves;
# stage two, "is this a link", adds where they sit and how they rank among the alternatives.
SIMILARITY = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 18, 19, 20)
# Stage two must rise with stage one's similarity (a sentence pair on its own is then ranked
# by content alone), so it sees the similarity only, never its ingredients again.
LINK_FEATURES = (
    "bias", "similarity_logit", "position", "headline", "row_best", "col_best", "row_margin",
    "col_margin", "neighbours", "verbatim", "on_chain", "chain_gap", "doc_related", "size",
    "copy_share",
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
    negated: bool  # says "not", "never", "n't"...: a paraphrase rarely flips that


# Stopwords to the content model, but a sentence with one and its partner without one
# usually say opposite things.
_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without)\b|n't|n’t")


def make_bag(tokens: Tokens, text: str, idf: dict[str, float]) -> Bag:
    stems = frozenset(tokens.content)
    folded = text.casefold()
    return Bag(stems, sum(idf.get(w, 1.0) for w in stems), tokens.numbers, tokens.names,
               frozenset(zip(tokens.content, tokens.content[1:], strict=False)),
               " ".join(tokens.content), folded, max(1, tokens.words),
               _NEGATION.search(folded) is not None)


def pair_features(bags_a: Sequence[Bag], bags_b: Sequence[Bag], pairs: Sequence[tuple[int, int]],
                  idf: dict[str, float], semantic: np.ndarray | None = None,
                  copy_share: float = 0.0) -> np.ndarray:
    """One feature row per candidate pair, in the order of FEATURES.

    `semantic`, when given, is the full cosine matrix of sentence embeddings (A x B);
    without it that column stays 0. `copy_share` is the share of sentences the copy stage
    already linked verbatim.
    """
    n_a, n_b = max(1, len(bags_a)), max(1, len(bags_b))
    rows = []  # one tuple per pair, made into an array at once (not 17 numpy writes a pair)
    for i, j in pairs:
        a, b = bags_a[i], bags_b[j]
        shared = a.stems & b.stems
        w = sum(idf.get(s, 1.0) for s in shared)
        # share of each side's content found in the other; a three-word subheading is easily
        # "covered", so short sides count for less
        cover_a = w / a.weight * min(1.0, len(a.stems) / 6) if a.weight else 0.0
        cover_b = w / b.weight * min(1.0, len(b.stems) / 6) if b.weight else 0.0
        numbers_shared = numbers_conflict = bigrams = 0.0
        if a.numbers and b.numbers:
            common = len(a.numbers & b.numbers)
            numbers_shared, numbers_conflict = min(1.0, float(common)), float(common == 0)
        if a.bigrams and b.bigrams:
            bigrams = len(a.bigrams & b.bigrams) / min(len(a.bigrams), len(b.bigrams))
        # What a paraphrase leaves out or adds: sentences sharing most words but each with a
        # clause of its own are the typical near-miss (MSRP's negatives).
        only_a, only_b = len(a.stems) - len(shared), len(b.stems) - len(shared)
        union = len(a.stems) + len(b.stems) - len(shared)
        rows.append((
            1.0,
            w / math.sqrt(a.weight * b.weight) if a.weight and b.weight else 0.0,
            min(cover_a, cover_b),
            max(cover_a, cover_b),
            fuzz.token_set_ratio(a.joined, b.joined) / 100.0 if shared else 0.0,
            fuzz.ratio(a.folded, b.folded) / 100.0,
            numbers_shared,
            numbers_conflict,
            min(3, len(a.names & b.names)) / 3.0,
            bigrams,
            abs((i + 0.5) / n_a - (j + 0.5) / n_b),
            float(i == 0 and j == 0),
            abs(math.log(a.words / b.words)),
            0.0,  # semantic, below
            0.0,  # size, below
            fuzz.token_sort_ratio(a.folded, b.folded) / 100.0,
            min(only_a, only_b) / 5.0,
            max(only_a, only_b) / 10.0,
            len(shared) / union if union else 0.0,
            float(a.negated != b.negated),
            float(bool(a.numbers) and a.numbers == b.numbers),
            0.0,  # copy_share, below
        ))
    x = (np.array(rows, dtype=np.float64) if rows
         else np.zeros((0, len(FEATURES)), dtype=np.float64))
    # the longer the texts, the more look-alikes per true partner: a prior, learnt like the rest
    x[:, 14] = math.log2(n_a + n_b) / 10.0
    x[:, 21] = copy_share
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
    clipped = np.clip(sim, 1e-6, 1 - 1e-6)
    z[:, 1] = np.log(clipped / (1 - clipped))
    z[:, 2] = x[:, 10]
    z[:, 3] = x[:, 11]
    z[:, 4:8] = _rank_features(sim, pairs)
    # Copying and rewriting keep runs of sentences in order: a pair whose diagonal neighbours
    # are alike too is more likely a link than an isolated look-alike.
    by_pair = dict(zip(pairs, sim.tolist(), strict=True))
    z[:, 8] = [max(by_pair.get((i - 1, j - 1), 0.0), by_pair.get((i + 1, j + 1), 0.0))
               for i, j in pairs]
    # A copied sentence is near-certain wherever it sits; the content model is tuned to doubt.
    z[:, 9] = np.clip(2.0 * (x[:, 5] - 0.5), 0.0, 1.0)
    # Order as support, not as a rule: in line with the heaviest monotone chain or astray.
    z[:, 10:12] = chain_features(pairs, sim)
    # How much of A finds a likely partner at all: a rewrite lowers the bar for weak pairs,
    # two loosely related articles raise it.
    z[:, 12] = _relatedness(sim, pairs)
    z[:, 13] = x[:, 14]
    # Where one text copies the other in long runs, a look-alike outside the runs is more
    # often chance than a rewrite.
    z[:, 14] = x[:, 21]
    return z


def _relatedness(sim: np.ndarray, pairs: Sequence[tuple[int, int]]) -> float:
    """Mean over A's sentences with candidates of their best similarity."""
    best: dict[int, float] = {}
    for (i, _), v in zip(pairs, sim.tolist(), strict=True):
        best[i] = max(best.get(i, 0.0), v)
    return float(np.mean(list(best.values()))) if best else 0.0


def link_probability(x: np.ndarray, pairs: Sequence[tuple[int, int]],
                     sim_weights: Sequence[float], link_weights: Sequence[float]) -> np.ndarray:
    """Both stages: the calibrated probability that a candidate pair is a link."""
    if not len(pairs):
        return np.zeros(0)
    return probability(link_features(x, similarity(x, sim_weights), pairs), link_weights)


def _rank_features(values: np.ndarray, pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """Is each pair the best of its row / column among the candidates, and by how much behind."""
    row_max: dict[int, float] = {}
    col_max: dict[int, float] = {}
    for (i, j), v in zip(pairs, values.tolist(), strict=True):
        row_max[i] = max(row_max.get(i, 0.0), v)
        col_max[j] = max(col_max.get(j, 0.0), v)
    out = np.zeros((len(pairs), 4))
    for k, ((i, j), v) in enumerate(zip(pairs, values.tolist(), strict=True)):
        out[k] = (float(v > 0 and v >= row_max[i]), float(v > 0 and v >= col_max[j]),
                  v - row_max[i], v - col_max[j])
    return out


def probability(x: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    """A logistic model over the columns of x."""
    z = np.clip(x @ np.asarray(weights, dtype=np.float64), -30.0, 30.0)
    return np.asarray(1.0 / (1.0 + np.exp(-z)))
