"""Suggested partners: for a passage of one article, its likeliest counterparts in the other.

What the aligner leaves unlinked is where a person finishes the job, so each sentence gets
the other article's sentences ranked by how likely each is its partner: a small model
(RANKER) over the aligner's word-based link probability, judged among all the sentence's
alternatives as `align()` judges its candidates, and, where the aligner embedded the
sentences, the words-only similarity, the rare words only the two share, and the
embeddings' hub-corrected cosine. Short pairs are scored all against all; long ones over
each sentence's candidates by shared rare words, which keeps the cost near-linear.

A person's decisions count: a rejected pair is never suggested again, and the partners a
passage is already linked with are not suggested to it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .align.candidates import candidate_pairs
from .align.features import idf_table, tokenize
from .align.partners import AlignMemo
from .align.pipeline import score_documents, scored_pair_columns, scored_pair_scores
from .annotations import AlignmentLink, LinkStatus
from .cancel import StopCheck, check
from .document import Document, Span

SIDES = ("A", "B")
ALL_PAIRS_LIMIT = 40_000  # up to this many sentence pairs (200 x 200), score every one
CANDIDATES_PER_SENTENCE = 12  # past it, each sentence's best partners by shared rare words
MIN_SCORE = 0.001  # below this a sentence is no likely partner: not suggested at all
MEANING_FEATURES = ("words_logit", "anchors", "semantic", "semantic_csls")
"""The columns of an embedded pair the ranking may weigh besides the link log-odds."""
# The ranking model: weights over ranking_features, fitted on gold partners of unmatched
# sentences in the fitting half of news_synth by `benchmarks/suggest_ranker.py`.
RANKER: dict[str, float] = {"bias": 0.5278, "link_logit": 0.8272, "words_logit": -0.1807,
                            "anchors": 3.6975, "semantic_csls": 4.4455}


Bounds = tuple[list[int], list[int]]
"""A document's sentence starts and ends, in order."""


def _bounds(doc: Document) -> Bounds:
    return [s.start for s in doc.sentences], [s.end for s in doc.sentences]


def score_text(score: float) -> str:
    """A candidate's score for people, two decimals; "<0.01" for one that would print as
    0.00 (a long pair scored by words alone offers candidates of 0.001-0.005), which read as
    "no evidence at all" rather than "a long shot"."""
    return "<0.01" if score < 0.005 else f"{score:.2f}"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One suggested counterpart: a sentence of the other article and how likely it is the
    passage's partner (a probability fitted on held-out gold alignments; see score_pairs)."""

    span: Span
    score: float


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A passage of article `doc` ("A" or "B") and its candidates in the other, best first."""

    doc: str
    span: Span
    candidates: tuple[Candidate, ...]


def score_pairs(doc_a: Document, doc_b: Document, pairs: Sequence[tuple[int, int]],
                memo: AlignMemo | None = None, stop: StopCheck | None = None) -> np.ndarray:
    """How likely each sentence pair (i in A, j in B) is a passage and its partner: RANKER
    over `ranking_features`, a probability fitted on held-out gold partners; where the pair
    has no sentence embeddings (a long pair, or none installed), the aligner's lexical link
    probability. `memo` may hold the aligner's scores of the pair (the GUI's worker passes
    its own, so suggestions after an alignment do not score the pair again); it is only
    read. `stop` may abandon the scoring between steps (`Cancelled`)."""
    features = ranking_features(doc_a, doc_b, pairs, memo, stop)
    if "semantic" not in features:
        return _sigmoid(features["link_logit"])
    z = np.full(len(pairs), RANKER["bias"])
    for name, weight in RANKER.items():
        if name != "bias":
            z += weight * features[name]
    return _sigmoid(z)


def ranking_features(doc_a: Document, doc_b: Document, pairs: Sequence[tuple[int, int]],
                     memo: AlignMemo | None = None, stop: StopCheck | None = None,
                     ) -> dict[str, np.ndarray]:
    """What the ranking sees of each pair: the log-odds of the aligner's lexical link
    probability (words, numbers, names, position, each pair among its rivals) and, when the
    aligner embedded the sentences, MEANING_FEATURES: the words-only similarity (stage one,
    which the link log-odds mixes with position and rivals; apart, the ranker can weigh
    plain word overlap against the other columns), the rare words only these two sentences
    share (`anchors`), and the embeddings' cosine and its hub-corrected (CSLS) form. All
    are read off one computation of the pair features over the aligner's own scores: an
    embedded pair's columns hold the words-only model's, so nothing is scored twice."""
    if not pairs:
        return {"link_logit": np.zeros(0)}
    scored = score_documents(doc_a, doc_b, memo=memo, remember=False)
    out: dict[str, np.ndarray] = {}
    if scored.meaning is None and scored.method == "lexical":  # a long or copied pair: the
        lexical = scored_pair_scores(scored, pairs, stop)  # aligner's own are the lexical ones
    else:
        names = MEANING_FEATURES if scored.meaning is not None else ()
        lexical, out = scored_pair_columns(scored, pairs, "lexical", names, stop)
    check(stop)
    lexical = np.clip(lexical, 1e-6, 1 - 1e-6)
    return {"link_logit": np.log(lexical / (1 - lexical))} | out


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0))))


def _pairs_to_score(doc_a: Document, doc_b: Document,
                    focus: Mapping[str, Iterable[int]] | None,
                    stop: StopCheck | None = None) -> list[tuple[int, int]]:
    n_a, n_b = len(doc_a.sentences), len(doc_b.sentences)
    if n_a * n_b <= ALL_PAIRS_LIMIT:
        return [(i, j) for i in range(n_a) for j in range(n_b)]
    stems_a = [frozenset(tokenize(doc_a.slice(s)).content) for s in doc_a.sentences]
    check(stop)
    stems_b = [frozenset(tokenize(doc_b.slice(s)).content) for s in doc_b.sentences]
    check(stop)
    idf = idf_table(stems_a + stems_b)
    pairs = candidate_pairs(stems_a, stems_b, idf, CANDIDATES_PER_SENTENCE, stop)
    check(stop)
    if focus is None:
        return pairs
    rows, cols = set(focus.get("A", ())), set(focus.get("B", ()))
    return [(i, j) for i, j in pairs if i in rows or j in cols]


@dataclass
class _Ranked:
    """Per sentence of one side: the other side's sentences and their scores, best first."""

    partners: dict[int, np.ndarray] = field(default_factory=dict)
    scores: dict[int, np.ndarray] = field(default_factory=dict)


class PairSuggestions:
    """Sentence pairs of two documents scored once; suggestions are read from that, for any
    links. It keeps no text (only sentence bounds and rankings), so it travels light between
    processes.

    Building it is the expensive step: all pairs of news-sized articles (tens of ms); on a
    long pair (more than ALL_PAIRS_LIMIT pairs) each sentence's candidates by shared rare
    words, and with `focus` ({"A": sentence indices, "B": ...}) only those sentences' (the
    unmatched ones, a selected passage), which keeps a book-length pair to about a second.
    `keep` trims each sentence's ranking to its best few. The GUI builds it in the alignment
    worker process, the CLI once per pair. `stop` is asked between the steps (and within the
    long scoring one); when it says stop, `Cancelled` is raised: the worker gives way to an
    alignment the user is waiting for rather than finish scoring first."""

    def __init__(self, doc_a: Document, doc_b: Document,
                 focus: Mapping[str, Iterable[int]] | None = None,
                 keep: int | None = None, memo: AlignMemo | None = None,
                 stop: StopCheck | None = None) -> None:
        self.bounds = {"A": _bounds(doc_a), "B": _bounds(doc_b)}
        self.complete = focus is None or (
            len(doc_a.sentences) * len(doc_b.sentences) <= ALL_PAIRS_LIMIT)
        self._focus = {side: frozenset(() if focus is None else focus.get(side, ()))
                       for side in SIDES}
        check(stop)
        pairs = _pairs_to_score(doc_a, doc_b, focus, stop)
        check(stop)
        prob = score_pairs(doc_a, doc_b, pairs, memo, stop)
        rows = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
        cols = np.fromiter((j for _, j in pairs), dtype=np.int64, count=len(pairs))
        self._ranked = {"A": _rank(rows, cols, prob, keep), "B": _rank(cols, rows, prob, keep)}

    @classmethod
    def for_links(cls, doc_a: Document, doc_b: Document, links: Iterable[AlignmentLink],
                  spans: Iterable[tuple[str, Span]] = (), keep: int | None = None,
                  memo: AlignMemo | None = None, stop: StopCheck | None = None,
                  ) -> PairSuggestions:
        """Scores for what suggestions will be asked for: every sentence the links leave
        unmatched, and the sentences of these (side, span) passages."""
        links = list(links)
        bounds = {"A": _bounds(doc_a), "B": _bounds(doc_b)}
        focus = {side: set(_unmatched_rows(bounds[side], side, links)) for side in SIDES}
        for side, span in spans:
            focus[side].update(_overlapping(bounds[side], span))
        return cls(doc_a, doc_b, focus, keep, memo, stop)

    def knows(self, side: str, span: Span) -> bool:
        """Whether every sentence of the passage was scored (always, unless a long pair
        was scored for a focus)."""
        return self.complete or all(i in self._focus[side]
                                    for i in _overlapping(self.bounds[side], span))

    def linked(self, links: Sequence[AlignmentLink]) -> dict[str, dict[int, set[int]]]:
        """Per side, per sentence, the other side's sentences the links (any status) pair it
        with: pass a side's to for_span to ask about many passages under the same links."""
        return _linked_sides(self.bounds, links)

    def for_span(self, side: str, span: Span, k: int = 3, links: Iterable[AlignmentLink] = (),
                 linked: dict[int, set[int]] | None = None) -> tuple[Candidate, ...]:
        """The `k` likeliest counterparts of a passage of `side` (the sentences it overlaps),
        best first, none below MIN_SCORE. A candidate's score is its best pair with one of
        those sentences."""
        rows = _overlapping(self.bounds[side], span)
        if not rows or k <= 0:
            return ()
        best: dict[int, float] = {}
        ranked = self._ranked[side]
        for i in rows:
            for j, p in zip(ranked.partners.get(i, ()), ranked.scores.get(i, ()), strict=True):
                best[int(j)] = max(best.get(int(j), 0.0), float(p))
        linked = _linked(side, self.bounds, list(links)) if linked is None else linked
        skip = set().union(*(linked.get(i, ()) for i in rows))
        order = sorted((j for j in best if j not in skip and best[j] >= MIN_SCORE),
                       key=lambda j: (-best[j], j))
        starts, ends = self.bounds[_other(side)]
        return tuple(Candidate(Span(starts[j], ends[j]), round(best[j], 4)) for j in order[:k])

    def for_unmatched(self, links: Iterable[AlignmentLink] = (), k: int = 3,
                      ) -> list[Suggestion]:
        """Every sentence that no link covers (half or more), A's then B's in reading order,
        with its `k` likeliest counterparts."""
        links = list(links)
        out: list[Suggestion] = []
        linked_sides = _linked_sides(self.bounds, links)
        for side in SIDES:
            linked = linked_sides[side]
            starts, ends = self.bounds[side]
            for i in _unmatched_rows(self.bounds[side], side, links):
                span = Span(starts[i], ends[i])
                out.append(Suggestion(side, span, self.for_span(side, span, k, links, linked)))
        return out


def suggest(doc_a: Document, doc_b: Document, links: Iterable[AlignmentLink] = (),
            k: int = 3) -> list[Suggestion]:
    """Suggestions for every unmatched sentence of either article (see PairSuggestions)."""
    links = list(links)
    return PairSuggestions.for_links(doc_a, doc_b, links).for_unmatched(links, k)


def unmatched(doc: Document, side: str, links: Iterable[AlignmentLink]) -> list[Span]:
    """Sentences of one side that the links (rejected ones aside) cover less than half."""
    starts, ends = bounds = _bounds(doc)
    return [Span(starts[i], ends[i]) for i in _unmatched_rows(bounds, side, list(links))]


def _unmatched_rows(bounds: Bounds, side: str, links: Sequence[AlignmentLink]) -> list[int]:
    spans = sorted((s.start, s.end) for link in links if link.status is not LinkStatus.REJECTED
                   for s in (link.a if side == "A" else link.b))
    runs: list[list[int]] = []  # the covered characters as disjoint runs
    for start, end in spans:
        if runs and start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    run_starts = np.asarray([r[0] for r in runs], dtype=np.int64)
    run_ends = np.asarray([r[1] for r in runs], dtype=np.int64)
    out = []
    for i, (start, end) in enumerate(zip(*bounds, strict=True)):
        lo, hi = np.searchsorted(run_ends, start, "right"), np.searchsorted(run_starts, end)
        inside = int((np.minimum(run_ends[lo:hi], end) - np.maximum(run_starts[lo:hi], start))
                     .sum()) if hi > lo else 0
        if 2 * inside < end - start:
            out.append(i)
    return out


def _rank(rows: np.ndarray, cols: np.ndarray, prob: np.ndarray, keep: int | None) -> _Ranked:
    ranked = _Ranked()
    if not rows.size:
        return ranked
    order = np.lexsort((cols, -prob, rows))  # by row, then best first, ties to the first
    rows, cols, prob = rows[order], cols[order], prob[order]
    cuts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1], True])
    for lo, hi in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
        hi = hi if keep is None else min(hi, lo + keep)
        ranked.partners[int(rows[lo])] = cols[lo:hi]
        ranked.scores[int(rows[lo])] = prob[lo:hi]
    return ranked


def _other(side: str) -> str:
    return "B" if side == "A" else "A"


def _overlapping(bounds: Bounds, span: Span) -> range:
    """Sentences sharing a character with the span; an empty span (a caret) picks its own."""
    starts, ends = bounds
    lo = bisect_right(ends, span.start)  # the first ending past the start
    hi = bisect_left(starts, max(span.end, span.start + 1))
    return range(lo, max(lo, hi))


def _linked(side: str, bounds: dict[str, Bounds], links: Sequence[AlignmentLink],
            ) -> dict[int, set[int]]:
    return _linked_sides(bounds, links)[side]


def _linked_sides(bounds: dict[str, Bounds], links: Sequence[AlignmentLink],
                  ) -> dict[str, dict[int, set[int]]]:
    """Per side, per sentence, the other side's sentences a link (any status: rejected
    pairs are not to be suggested again either) already pairs it with. The spans' sentences
    are found for all links at once (a long pair has thousands), once for both sides."""
    ranges: dict[str, list[tuple[int, int, int]]] = {}
    for side in SIDES:
        spans = [(k, s.start, s.end) for k, link in enumerate(links)
                 for s in (link.a if side == "A" else link.b)]
        at = np.asarray(spans, dtype=np.int64).reshape(-1, 3)
        starts, ends = bounds[side]
        lo = np.searchsorted(np.asarray(ends, dtype=np.int64), at[:, 1], "right")
        hi = np.searchsorted(np.asarray(starts, dtype=np.int64),
                             np.maximum(at[:, 2], at[:, 1] + 1), "left")
        ranges[side] = list(zip(at[:, 0].tolist(), lo.tolist(), hi.tolist(), strict=True))
    out: dict[str, dict[int, set[int]]] = {}
    for side in SIDES:
        partners: dict[int, set[int]] = {}
        for k, first, past in ranges[_other(side)]:
            partners.setdefault(k, set()).update(range(first, past))
        own: dict[int, set[int]] = {}
        for k, first, past in ranges[side]:
            for i in range(first, past):
                own.setdefault(i, set()).update(partners.get(k, ()))
        out[side] = own
    return out
