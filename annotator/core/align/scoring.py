"""How likely two sentences say the same thing: signals combined into a calibrated probability.

Each candidate pair gets named feature columns (IDF-weighted word overlap both ways, shared
and conflicting numbers, shared names and word pairs, words only the two sentences share,
rapidfuzz token scores; `meaning.py` adds sentence-embedding columns when the method has a
model). Stage one, a logistic model over those, says how alike the two sentences are; stage
two (`linking.py`) adds where they sit and how the pair ranks among its rivals. Both stages'
weights are fitted offline on held-out gold data by `benchmarks/quality_calibrate.py` and kept
by name in `calibration.py`, so a score of 0.8 means that about four in five such pairs were
gold links there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from ..cancel import StopCheck, check
from .features import Tokens

Weights = dict[str, float]
"""A logistic model: feature name -> weight; "bias" is the intercept. Names it lacks weigh 0."""

LEXICAL = (
    "cosine", "cover_min", "cover_max", "fuzzy_set", "fuzzy_ratio", "numbers_shared",
    "numbers_conflict", "names_shared", "bigrams", "position", "headline", "length_ratio",
    "sort_ratio", "unmatched_min", "unmatched_max", "jaccard", "negation_differs",
    "numbers_equal", "heading_differs", "anchors",
)
"""The columns `pair_features` computes from the two sentences' words (and where they sit)."""
STOP_EVERY = 512  # pairs scored between two stop checks (about 10 ms)
CONTENT = tuple(name for name in LEXICAL if name not in ("position", "headline"))
"""Stage one ("do these two say the same thing") sees the passages only, not where they sit."""


class Features:
    """Named feature columns, one row per candidate pair: a model reads the columns its
    weights name, so adding a signal is a new column and a refit, not an index shift."""

    def __init__(self, rows: int, columns: dict[str, np.ndarray] | None = None) -> None:
        self.rows = rows
        self.columns: dict[str, np.ndarray] = {}
        for name, values in (columns or {}).items():
            self[name] = values

    def __getitem__(self, name: str) -> np.ndarray:
        try:
            return self.columns[name]
        except KeyError:
            raise KeyError(f"no feature {name!r}; known: {sorted(self.columns)}") from None

    def __setitem__(self, name: str, values: np.ndarray | float) -> None:
        column = np.broadcast_to(np.asarray(values, dtype=np.float64), (self.rows,))
        self.columns[name] = np.array(column)

    def __contains__(self, name: object) -> bool:
        return name in self.columns

    def names(self) -> list[str]:
        return list(self.columns)

    def matrix(self, names: Sequence[str]) -> np.ndarray:
        """The named columns side by side (rows x len(names))."""
        if not names:
            return np.zeros((self.rows, 0))
        return np.column_stack([self[name] for name in names])

    def take(self, rows: np.ndarray | Sequence[int]) -> Features:
        """The same columns for some rows only."""
        index = np.asarray(rows, dtype=np.int64)
        return Features(int(index.size), {k: v[index] for k, v in self.columns.items()})


def probability(features: Features, weights: Weights) -> np.ndarray:
    """A logistic model over named columns (`weights["bias"]` the intercept)."""
    z = np.full(features.rows, float(weights.get("bias", 0.0)))
    for name, weight in weights.items():
        if name != "bias" and weight:
            z += weight * features[name]
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0))))


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
    heading: bool  # a few words without a full stop: a (sub)heading labels, a sentence says


# Stopwords to the content model, but a sentence with one and its partner without one
# usually say opposite things.
HEADING_WORDS = 10
_SENTENCE_END = (".", "!", "?", ".\"", "!\"", "?\"", ".”", "!”", "?”", ".’", ":", ";")
_NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without)\b|n't|n’t")


def make_bag(tokens: Tokens, text: str, idf: dict[str, float]) -> Bag:
    stems = frozenset(tokens.content)
    folded = text.casefold()
    return Bag(stems, sum(idf.get(w, 1.0) for w in stems), tokens.numbers, tokens.names,
               frozenset(zip(tokens.content, tokens.content[1:], strict=False)),
               " ".join(tokens.content), folded, max(1, tokens.words),
               _NEGATION.search(folded) is not None,
               tokens.words <= HEADING_WORDS and not text.rstrip().endswith(_SENTENCE_END))


ANCHORS_FULL = 5.0  # this many words found in only the two sentences make the column 1


class _AnchorWeights(dict[str, float]):
    """Per stem, how much sharing it marks two sentences as each other's counterparts: 2/df
    (1 for a word found in only the two sentences, like a quoted expert's name that each
    article names once) less 2/passages, what any shared word gets by chance when the texts
    are a sentence or two long (a lone pair of sentences shares nothing else to tell apart).
    The document frequency df is read back from the smoothed IDF over the pair's sentences
    (`features.idf_table`), counted once per stem."""

    def __init__(self, idf: dict[str, float], passages: int) -> None:
        super().__init__()
        self.idf, self.passages = idf, max(2, passages)

    def __missing__(self, word: str) -> float:
        value = self.idf.get(word)
        df = self.passages if value is None else round(
            (1 + self.passages) / math.exp(value - 1.0) - 1.0)
        weight = self[word] = max(0.0, 2.0 / max(2, df) - 2.0 / self.passages)
        return weight


def pair_features(bags_a: Sequence[Bag], bags_b: Sequence[Bag], pairs: Sequence[tuple[int, int]],
                  idf: dict[str, float], copy_share: float = 0.0,
                  stop: StopCheck | None = None) -> Features:
    """The LEXICAL columns of every candidate pair, plus two about the whole pair of texts:
    `size` (more look-alikes per true partner in longer texts) and `copy_share` (the share of
    sentences the copy stage already linked verbatim). `stop` is asked every STOP_EVERY
    pairs: a long pair's tens of thousands are the longest step of scoring suggestions,
    which an alignment waiting in the same worker must not sit out."""
    n_a, n_b = max(1, len(bags_a)), max(1, len(bags_b))
    anchor = _AnchorWeights(idf, len(bags_a) + len(bags_b))
    rows = []  # one tuple per pair, made into an array at once (not 18 numpy writes a pair)
    for k, (i, j) in enumerate(pairs):
        if not k % STOP_EVERY:
            check(stop)
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
        rows.append((  # in the order of LEXICAL
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
            fuzz.token_sort_ratio(a.folded, b.folded) / 100.0,
            min(only_a, only_b) / 5.0,
            max(only_a, only_b) / 10.0,
            len(shared) / union if union else 0.0,
            float(a.negated != b.negated),
            float(bool(a.numbers) and a.numbers == b.numbers),
            float(a.heading != b.heading),
            min(ANCHORS_FULL, sum(anchor[s] for s in shared)) / ANCHORS_FULL,
        ))
    x = (np.array(rows, dtype=np.float64) if rows
         else np.zeros((0, len(LEXICAL)), dtype=np.float64))
    features = Features(len(pairs), {name: x[:, k] for k, name in enumerate(LEXICAL)})
    # the longer the texts, the more look-alikes per true partner: a prior, learnt like the rest
    features["size"] = math.log2(n_a + n_b) / 10.0
    features["copy_share"] = copy_share
    return features
