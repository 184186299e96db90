"""Stage two of the pair model: is a similar pair a link, given where it sits and its rivals.

Stage one (`similarity`) says how alike two sentences are from their content alone. Stage two
sees that similarity (never its ingredients again, so a pair on its own is ranked by content)
plus features of the pair's place among the other candidates: its rank in its row and column,
diagonal neighbours, the heaviest monotone chain, how related the two texts are overall,
verbatim copying. Each link feature is a named function in LINK_FEATURES; a model's weights
name the ones it uses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypedDict

import numpy as np

from .chain import chain_features
from .scoring import Features, Weights, probability

Pairs = Sequence[tuple[int, int]]


class Model(TypedDict):
    """A fitted two-stage pair model: stage one's and stage two's weights, by feature name."""

    similarity: Weights
    link: Weights


@dataclass
class Context:
    """What the link features are computed from; shared intermediate results kept once."""

    features: Features
    sim: np.ndarray
    pairs: Pairs
    cache: dict[str, np.ndarray] = field(default_factory=dict)

    def ranks(self) -> np.ndarray:
        if "ranks" not in self.cache:
            self.cache["ranks"] = _rank_features(self.sim, self.pairs)
        return self.cache["ranks"]

    def chain(self) -> np.ndarray:
        if "chain" not in self.cache:
            self.cache["chain"] = chain_features(self.pairs, self.sim)
        return self.cache["chain"]


LINK_FEATURES: dict[str, Callable[[Context], np.ndarray | float]] = {}


def link_feature(name: str) -> Callable[[Callable[[Context], np.ndarray | float]],
                                         Callable[[Context], np.ndarray | float]]:
    """Register a link-stage feature under `name` (the key its weight is fitted under)."""
    def register(fn: Callable[[Context], np.ndarray | float]) -> Callable[[Context],
                                                                          np.ndarray | float]:
        LINK_FEATURES[name] = fn
        return fn
    return register


@link_feature("similarity_logit")
def _similarity_logit(c: Context) -> np.ndarray:
    clipped = np.clip(c.sim, 1e-6, 1 - 1e-6)
    return np.asarray(np.log(clipped / (1 - clipped)))


def _column(name: str) -> Callable[[Context], np.ndarray]:
    return lambda c: c.features[name]


for _name in ("position", "headline", "size", "copy_share"):
    # where the pair sits, and two facts about the whole pair of texts (see pair_features):
    # where one text copies the other in long runs, a look-alike outside them is mostly chance
    LINK_FEATURES[_name] = _column(_name)

for _k, _name in enumerate(("row_best", "col_best", "row_margin", "col_margin")):
    LINK_FEATURES[_name] = (lambda k: lambda c: c.ranks()[:, k])(_k)


@link_feature("words_logit")
def _words_logit(c: Context) -> np.ndarray:
    """How alike the words-only model finds the pair (log-odds; 0 for the words-only method,
    which has nothing to add it to): a pair whose words say "counterpart" (a rare name, a
    shared quote) keeps that evidence even where the embeddings find the two sentences unlike."""
    if "words_logit" not in c.features:
        return np.zeros(c.features.rows)
    return c.features["words_logit"]


@link_feature("long_similarity")
def _long_similarity(c: Context) -> np.ndarray:
    """The similarity again, scaled by the texts' length: in a long page a look-alike is
    more often chance, so a long pair of texts may ask for more similarity than a short one."""
    return np.asarray(_similarity_logit(c) * c.features["size"])


@link_feature("neighbours")
def _neighbours(c: Context) -> np.ndarray:
    """Copying and rewriting keep runs of sentences in order: a pair whose diagonal neighbours
    are alike too is more likely a link than an isolated look-alike."""
    by_pair = dict(zip(c.pairs, c.sim.tolist(), strict=True))
    return np.array([max(by_pair.get((i - 1, j - 1), 0.0), by_pair.get((i + 1, j + 1), 0.0))
                     for i, j in c.pairs], dtype=np.float64)


@link_feature("verbatim")
def _verbatim(c: Context) -> np.ndarray:
    """A copied sentence is near-certain wherever it sits; the content model is tuned to doubt."""
    return np.asarray(np.clip(2.0 * (c.features["fuzzy_ratio"] - 0.5), 0.0, 1.0))


@link_feature("on_chain")
def _on_chain(c: Context) -> np.ndarray:
    """Order as support, not as a rule: on the heaviest monotone chain or not..."""
    return c.chain()[:, 0]


@link_feature("chain_gap")
def _chain_gap(c: Context) -> np.ndarray:
    """...and how far astray from it."""
    return c.chain()[:, 1]


@link_feature("doc_related")
def _relatedness(c: Context) -> float:
    """How much of A finds a likely partner at all (mean of each A sentence's best
    similarity): a rewrite lowers the bar for weak pairs, loosely related texts raise it."""
    best: dict[int, float] = {}
    for (i, _), v in zip(c.pairs, c.sim.tolist(), strict=True):
        best[i] = max(best.get(i, 0.0), v)
    return float(np.mean(list(best.values()))) if best else 0.0


def similarity(features: Features, weights: Weights) -> np.ndarray:
    """Stage one: probability that two passages say the same thing, from their content alone."""
    return probability(features, weights)


def link_features(features: Features, sim: np.ndarray, pairs: Pairs,
                  names: Sequence[str] | None = None) -> Features:
    """Stage two's inputs: the named link features (all registered ones by default)."""
    context = Context(features, sim, pairs)
    out = Features(len(pairs))
    for name in names if names is not None else LINK_FEATURES:
        out[name] = LINK_FEATURES[name](context)
    return out


def link_probability(features: Features, pairs: Pairs, model: Model) -> np.ndarray:
    """Both stages: the calibrated probability that a candidate pair is a link."""
    if not len(pairs):
        return np.zeros(0)
    sim = similarity(features, model["similarity"])
    used = [name for name, weight in model["link"].items() if name != "bias" and weight]
    return probability(link_features(features, sim, pairs, used), model["link"])


def _rank_features(values: np.ndarray, pairs: Pairs) -> np.ndarray:
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
