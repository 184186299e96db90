"""The aligner: candidates from rare shared words, calibrated pair probabilities, then links.

No all-pairs step: an inverted index over each sentence's words proposes a handful of partners
per sentence (both directions, so reordering costs nothing), and only those are scored. Pairs
above the threshold are kept, at most `max_group` partners per sentence (gold news links are
often one-to-two: a sentence split or echoed), and neighbouring sentences linked to the same
partners are joined into one n:m link.

A long pair may use two cores (`second_core`, given by `annotator.core.pair`): a forked child
makes A's stems and finds the copied passages while this process makes B's stems, the
candidates and the identical sentences. Either way the same functions run on the same
inputs, so the links are the same.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from ..cancel import StopCheck, check
from ..document import Document, Span
from ..segment import Segment
from . import calibration
from .candidates import candidate_arrays
from .cover import covered
from .edges import IDENTICAL_SCORE, copy_score, extend_to_edges
from .features import Tokens
from .linking import link_probability
from .meaning import Meaning
from .methods import METHODS, resolve
from .scoring import Bag, Features, make_bag, pair_features, probability
from .spantokens import (
    DocStems,
    SpanTokens,
    StemIds,
    TextTokens,
    doc_stems,
    flat_idf,
    merge_stems,
)
from .speed.lazy import LazySequence
from .verbatim import Passage, copied_passages, identical_sentences

if TYPE_CHECKING:
    from ..annotations import AlignmentLink
    from . import AlignOptions
    from .speed.memo import LastPair
    from .speed.twocore import Child

    # starts a child computing work() for a pair of that many code points, or None (one core)
    SecondCore = Callable[[Callable[[], Iterable[object]], int], Child | None]

CANDIDATES_PER_SENTENCE = 6
MEANING_MAX_SENTENCES = 150
"""Sentence embeddings score rewrites of article length. A pair is scored by words alone (its
links say `lexical`) when either side has more than MEANING_MAX_SENTENCES sentences outside
the copies, or when the copy stage found a verbatim run of 25+ words (one text copies the
other: look-alikes by meaning outside the copies are mostly chance, and the words-only model
was fitted on such pairs; an identical quoted sentence does not count). Measured on PAN13's
copied web pages: plagdet 0.96 by words, 0.86 with the model everywhere; the long pair also
stays as fast as before."""


def meaning_limit() -> int:
    return int(os.environ.get("ANNOTATOR_MEANING_MAX", MEANING_MAX_SENTENCES))
Group = tuple[Sequence[Span | Segment], Sequence[Span | Segment], float, str]
"""A link to be: A's side, B's side, score, and what made it (a method's name or COPY)."""
COPY = "copy"  # the method of a link the copy stage made: verbatim, no model involved


@dataclass
class Scored:
    """Every candidate pair of two documents with its features and probability."""

    sents_a: list[Segment]
    sents_b: list[Segment]
    pairs: list[tuple[int, int]]
    features: Features
    prob: np.ndarray
    copies: list[Passage]  # verbatim passages; their sentences are not among the pairs
    method: str  # the method that scored them (what "default" resolved to)
    bags: tuple[Sequence[Bag], Sequence[Bag]]  # to score more pairs alike (pair_scores)
    idf: dict[str, float]
    meaning: Meaning | None
    copy_share: float  # share of sentences the copy stage linked


class _Bags(LazySequence[Bag]):
    """A document's bags, each made on first use: only sentences in a candidate pair are
    scored, and most of a long copied pair's sentences are in a copy instead."""

    def __init__(self, tokens: Sequence[Tokens], text: str, segs: Sequence[Segment],
                 idf: dict[str, float]) -> None:
        super().__init__()
        self.tokens, self.text, self.segs, self.idf = tokens, text, segs, idf

    def __len__(self) -> int:
        return len(self.tokens)

    def _make(self, k: int) -> Bag:
        seg = self.segs[k]
        return make_bag(self.tokens[k], self.text[seg.start : seg.end], self.idf)


def score_documents(doc_a: Document, doc_b: Document, method: str = "default",
                    report: Callable[[float], None] | None = None,
                    memo: LastPair[Scored] | None = None,
                    second_core: SecondCore | None = None, remember: bool = True) -> Scored:
    """Candidates of two documents with features and calibrated probabilities; taken from
    `memo` when it holds this pair (texts, sentences, method), else stored there unless
    `remember` is off (a reader that must not push out what the memo's owner keeps)."""
    key = (doc_a.text, doc_b.text, tuple((s.start, s.end) for s in doc_a.sentences),
           tuple((s.start, s.end) for s in doc_b.sentences), method)
    last = memo.get(key) if memo is not None else None
    if last is not None:
        if report:
            report(0.3)
            report(0.6)
        return last
    scored = _score_documents(doc_a, doc_b, method, report, second_core)
    if memo is not None and remember:
        memo.put(key, scored)
    return scored


def _score_documents(doc_a: Document, doc_b: Document, method: str,
                     report: Callable[[float], None] | None,
                     second_core: SecondCore | None = None) -> Scored:
    sa, sb = doc_a.sentences, doc_b.sentences
    text_a, text_b = doc_a.text, doc_b.text
    spans_a, spans_b = [(s.start, s.end) for s in sa], [(s.start, s.end) for s in sb]
    cuts = [s.start for s in sa]

    def stems_of_a() -> DocStems:
        return doc_stems(SpanTokens(text_a, spans_a))

    def copies() -> list[Passage]:
        return copied_passages(text_a, text_b, cuts)

    def a_side() -> Iterator[object]:  # a child's share on two cores: A's stems, then copies
        yield stems_of_a()
        yield copies()

    with ExitStack() as stack:
        child = second_core(a_side, len(text_a) + len(text_b)) if second_core else None
        tokens_a: Sequence[Tokens]
        if child is None:
            tokens_a, tokens_b = SpanTokens(text_a, spans_a), SpanTokens(text_b, spans_b)
            ids = StemIds()
            stems_a, stems_b = tokens_a.stems(ids), tokens_b.stems(ids)
        else:
            stack.enter_context(child)  # killed and reaped however this block ends
            try:
                tokens_b = SpanTokens(text_b, spans_b)
                local_b = doc_stems(tokens_b)
            except BaseException:
                child.get(0, stems_of_a)  # one core fails on A first, if A fails
                raise
            tokens_a = TextTokens(text_a, spans_a)
            ids, stems_a, stems_b = merge_stems(child.get(0, stems_of_a), local_b)
        idf = flat_idf(ids, [stems_a[1], stems_b[1]], len(sa) + len(sb))
        bags_a = _Bags(tokens_a, text_a, sa, idf)
        bags_b = _Bags(tokens_b, text_b, sb, idf)
        if report:
            report(0.3)
        if child is None:  # first, as before: the candidates' peak memory comes after
            passages = copies()
        # independent of the copies: on two cores this runs here while the child finds them
        same = identical_sentences(text_a, spans_a, text_b, spans_b)
        if child is not None:
            passages = child.get(1, copies)
    passages = [replace(p, score=copy_score(text_a[p.a[0] : p.a[1]], text_b[p.b[0] : p.b[1]]))
                for p in extend_to_edges(passages, text_a, spans_a, text_b, spans_b)]
    copied_runs = len(passages)  # runs of 25+ words, before identical sentences join them
    skip_a = covered(spans_a, [c.a for c in passages])
    skip_b = covered(spans_b, [c.b for c in passages])
    for i, j, words in same:
        if i not in skip_a and j not in skip_b:
            passages.append(Passage(spans_a[i], spans_b[j], words, IDENTICAL_SCORE))
            skip_a.add(i)
            skip_b.add(j)
    # after the copies: a pair of two copied sentences is never voted on (most of the votes
    # on a long copied pair), and only pairs of two uncopied sentences come back
    skip = (np.zeros(len(sa), dtype=bool), np.zeros(len(sb), dtype=bool))
    skip[0][list(skip_a)], skip[1][list(skip_b)] = True, True
    rows, cols = candidate_arrays(stems_a, len(sa), stems_b, len(sb), list(ids), idf,
                                  CANDIDATES_PER_SENTENCE, skip)
    pairs = list(zip(rows.tolist(), cols.tolist(), strict=True))
    chosen = resolve(method)
    meaning = None
    active_a, active_b = np.flatnonzero(~skip[0]), np.flatnonzero(~skip[1])
    copy_share = (len(skip_a) + len(skip_b)) / max(1, len(sa) + len(sb))
    if max(active_a.size, active_b.size) > meaning_limit() or copied_runs:
        chosen = METHODS["lexical"]  # a long text or a copy: see MEANING_MAX_SENTENCES
    if chosen.embed is not None:  # meaning only where no copy links the sentences already
        meaning = Meaning(chosen.embed, _Texts(text_a, sa), _Texts(text_b, sb), active_a,
                          active_b)
        pairs = sorted(set(pairs) | meaning.nearest)
    if report:
        report(0.6)
    x = _features((bags_a, bags_b), idf, meaning, pairs, copy_share)
    prob = _probability(x, pairs, chosen.name)
    return Scored(sa, sb, pairs, x, prob, passages, chosen.name, (bags_a, bags_b), idf, meaning,
                  copy_share)


class _Texts(LazySequence[str]):
    """A document's sentence texts, each cut on first use."""

    def __init__(self, text: str, segs: Sequence[Segment]) -> None:
        super().__init__()
        self.text, self.segs = text, segs

    def __len__(self) -> int:
        return len(self.segs)

    def _make(self, k: int) -> str:
        return self.text[self.segs[k].start : self.segs[k].end]


def _probability(x: Features, pairs: Sequence[tuple[int, int]], method: str) -> np.ndarray:
    """The method's pair model, except that a (sub)heading is linked to a heading only (or
    headline to headline): "Requests for Military Aid" labels a section, it does not say what
    a sentence about a request says. Gold links of that kind are rare (20 of 600 on
    news_synth's fitting half) and removing them changed no F1 there."""
    prob = link_probability(x, pairs, calibration.MODELS[method])
    if "heading_differs" in x:
        prob = np.where((x["heading_differs"] > 0) & (x["headline"] == 0), 0.0, prob)
    return prob


def _features(bags: tuple[Sequence[Bag], Sequence[Bag]], idf: dict[str, float],
              meaning: Meaning | None, pairs: Sequence[tuple[int, int]],
              copy_share: float, stop: StopCheck | None = None) -> Features:
    """The word columns, and with a model its columns plus `words_logit`: the words-only
    model's stage one as log-odds, so that stage two can weigh the word evidence on its own
    (linking.py) rather than only mixed with the embeddings'."""
    x = pair_features(bags[0], bags[1], pairs, idf, copy_share, stop)
    if meaning is not None:
        for name, column in meaning.columns(pairs).items():
            x[name] = column
        words = probability(x, calibration.MODELS[METHODS["lexical"].name]["similarity"])
        words = np.clip(words, 1e-6, 1 - 1e-6)
        x["words_logit"] = np.log(words / (1 - words))
    return x


def align_segments(doc_a: Document, doc_b: Document, options: AlignOptions,
                   anchors: Sequence[AlignmentLink], report: Callable[[float], None],
                   memo: LastPair[Scored] | None = None,
                   second_core: SecondCore | None = None) -> list[Group]:
    scored = score_documents(doc_a, doc_b, options.method, report, memo, second_core)
    sa, sb = scored.sents_a, scored.sents_b
    kept = [link for link in anchors if link.status.value != "rejected"]
    rejected = [link for link in anchors if link.status.value == "rejected"]
    copies = _copies([p for p in scored.copies if p.score >= options.threshold], kept, rejected)
    used_a = covered(sa, [s for link in kept for s in link.a])
    used_b = covered(sb, [s for link in kept for s in link.b])
    forbidden = {
        (i, j)
        for link in rejected
        for i in covered(sa, link.a) for j in covered(sb, link.b)
    }
    report(0.8)
    order = np.argsort(-scored.prob, kind="stable")
    count_a: dict[int, int] = defaultdict(int)
    count_b: dict[int, int] = defaultdict(int)
    chosen: dict[tuple[int, int], float] = {}
    for k in order.tolist():
        p = float(scored.prob[k])
        if p < options.threshold:
            break
        i, j = scored.pairs[k]
        if i in used_a or j in used_b or (i, j) in forbidden:
            continue
        if count_a[i] >= options.max_group or count_b[j] >= options.max_group:
            continue
        chosen[i, j] = p
        count_a[i] += 1
        count_b[j] += 1
    groups: list[Group] = [([sa[i] for i in group_a], [sb[j] for j in group_b], score,
                            scored.method)
                           for group_a, group_b, score in group_pairs(chosen)]
    return sorted(groups + copies, key=lambda g: (g[0][0].start, g[1][0].start))


def _copies(passages: Sequence[Passage], kept: Sequence[AlignmentLink],
            rejected: Sequence[AlignmentLink]) -> list[Group]:
    """Verbatim passages as links with exact boundaries, except where a person decided:
    nothing overlapping a kept link's side, nothing a rejected link already spans."""
    def hits(span: Span, spans: Sequence[Span]) -> bool:
        return any(span.start < s.end and s.start < span.end for s in spans)

    if not kept and not rejected:  # nobody decided anything yet: every passage stands
        return [([Span(*p.a)], [Span(*p.b)], p.score, COPY) for p in passages]
    out: list[Group] = []
    for p in passages:
        a, b = Span(*p.a), Span(*p.b)
        if any(hits(a, link.a) or hits(b, link.b) for link in kept):
            continue
        if any(hits(a, link.a) and hits(b, link.b) for link in rejected):
            continue
        out.append(([a], [b], p.score, COPY))
    return out


def group_pairs(chosen: dict[tuple[int, int], float]) -> list[tuple[list[int], list[int], float]]:
    """Sentence pairs as links: a sentence's neighbouring partners form one side, and
    neighbouring sentences with the same partners join on the other side. A link's score is
    its best pair's."""
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j in sorted(chosen):
        partners[i].append(j)
    runs: list[tuple[int, tuple[int, ...]]] = []
    for i in sorted(partners):
        run: list[int] = []
        for j in partners[i]:
            if run and j != run[-1] + 1:
                runs.append((i, tuple(run)))
                run = []
            run.append(j)
        runs.append((i, tuple(run)))
    groups: list[tuple[list[int], list[int], float]] = []
    open_by_run: dict[tuple[int, ...], int] = {}
    for i, members in runs:
        score = max(chosen[i, j] for j in members)
        k = open_by_run.get(members)
        if k is not None and groups[k][0][-1] == i - 1:
            groups[k][0].append(i)
            groups[k] = (groups[k][0], groups[k][1], max(groups[k][2], score))
        else:
            open_by_run[members] = len(groups)
            groups.append(([i], list(members), score))
    return sorted(groups, key=lambda g: (g[0][0], g[1][0]))


def pair_scores(doc_a: Document, doc_b: Document, pairs: Sequence[tuple[int, int]],
                method: str = "default", memo: LastPair[Scored] | None = None) -> np.ndarray:
    """The pair model's probability for any sentence pairs (see partners.score_pairs), scored
    together with the aligner's own candidates so that the rank features see the same rivals."""
    return scored_pair_scores(score_documents(doc_a, doc_b, method, memo=memo), pairs)


def scored_pair_scores(scored: Scored, pairs: Sequence[tuple[int, int]],
                       stop: StopCheck | None = None) -> np.ndarray:
    """`pair_scores` from a pair's scores already made; `stop` may abandon it between steps
    (`Cancelled`)."""
    if not len(pairs):
        return np.zeros(0)
    _check_pairs(scored, pairs)
    check(stop)
    known = set(scored.pairs)
    extra = sorted({(i, j) for i, j in pairs if (i, j) not in known})
    if not extra:
        where = {pair: k for k, pair in enumerate(scored.pairs)}
        return np.array([scored.prob[where[i, j]] for i, j in pairs], dtype=np.float64)
    everything = list(scored.pairs) + extra
    x = _features(scored.bags, scored.idf, scored.meaning, everything, scored.copy_share, stop)
    check(stop)
    prob = _probability(x, everything, scored.method)
    where = {pair: k for k, pair in enumerate(everything)}
    return np.array([prob[where[i, j]] for i, j in pairs], dtype=np.float64)


def scored_pair_columns(scored: Scored, pairs: Sequence[tuple[int, int]], method: str,
                        names: Sequence[str], stop: StopCheck | None = None,
                        ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """For each pair: `method`'s link probability and the named feature columns, from one
    computation of the features over the pair's candidates and `pairs` (the rivals, as in
    scored_pair_scores). Any model whose columns the scores hold may be asked, so a pair
    the default model scored is read by the words-only model too without scoring it again
    (an embedding model's columns include the words-only model's); `stop` as in
    scored_pair_scores."""
    if not len(pairs):
        return np.zeros(0), {name: np.zeros(0) for name in names}
    _check_pairs(scored, pairs)
    check(stop)
    known = set(scored.pairs)
    everything = list(scored.pairs) + sorted({p for p in pairs if p not in known})
    x = _features(scored.bags, scored.idf, scored.meaning, everything, scored.copy_share, stop)
    check(stop)
    prob = _probability(x, everything, method)
    where = {pair: k for k, pair in enumerate(everything)}
    index = np.fromiter((where[p] for p in pairs), dtype=np.int64, count=len(pairs))
    return prob[index], {name: x[name][index] for name in names}


def _check_pairs(scored: Scored, pairs: Sequence[tuple[int, int]]) -> None:
    sa, sb = scored.sents_a, scored.sents_b
    for i, j in pairs:
        if not (0 <= i < len(sa) and 0 <= j < len(sb)):
            raise IndexError(f"no sentence pair ({i}, {j}) in documents of {len(sa)} and "
                             f"{len(sb)} sentences")
