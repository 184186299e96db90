"""The aligner: candidates from rare shared words, calibrated pair probabilities, then links.

No all-pairs step: an inverted index over each sentence's words proposes a handful of partners
per sentence (both directions, so reordering costs nothing), and only those are scored. Pairs
above the threshold are kept, at most `max_group` partners per sentence (gold news links are
often one-to-two: a sentence split or echoed), and neighbouring sentences linked to the same
partners are joined into one n:m link.

A long pair uses two cores (`twocore`): a forked child makes A's stems and finds the copied
passages while this process makes B's stems, the candidates and the identical sentences.
Either way the same functions run on the same inputs, so the links are the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from threading import Lock
from typing import TYPE_CHECKING

import numpy as np

from .. import twocore
from ..document import Document, Span, segment_pair
from ..segment import Segment
from . import calibration
from .candidates import candidate_arrays
from .cover import covered
from .features import Tokens
from .lazy import LazySequence
from .scoring import Bag, link_probability, make_bag, pair_features
from .spantokens import (
    DocStems,
    SpanTokens,
    StemIds,
    TextTokens,
    doc_stems,
    flat_idf,
    merge_stems,
)
from .verbatim import Passage, copied_passages, identical_sentences

if TYPE_CHECKING:
    from ..annotations import AlignmentLink
    from . import AlignOptions

CANDIDATES_PER_SENTENCE = 6
VERBATIM_SCORE = 0.98  # a shared run of 25+ words is a copy; only a user's decision outranks it
Group = tuple[Sequence[Span | Segment], Sequence[Span | Segment], float]


@dataclass
class Scored:
    """Every candidate pair of two documents with its features and probability."""

    sents_a: list[Segment]
    sents_b: list[Segment]
    pairs: list[tuple[int, int]]
    features: np.ndarray
    prob: np.ndarray
    copies: list[Passage]  # verbatim passages; their sentences are not among the pairs


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


_LAST: list[tuple[tuple[object, ...], Scored]] = []  # the pair scored last, and its key
_LAST_LOCK = Lock()


def score_documents(doc_a: Document, doc_b: Document, method: str = "default",
                    report: Callable[[float], None] | None = None) -> Scored:
    """Candidates of two documents with features and calibrated probabilities. Memoised for
    the last pair (texts, sentences, method): moving the threshold, or accepting and
    rejecting links, re-aligns the same pair, and only the selection depends on those."""
    segment_pair(doc_a, doc_b)  # on two cores when long and not split yet
    key = (doc_a.text, doc_b.text, tuple((s.start, s.end) for s in doc_a.sentences),
           tuple((s.start, s.end) for s in doc_b.sentences), method)
    with _LAST_LOCK:
        last = _LAST[0] if _LAST and _LAST[0][0] == key else None
    if last is not None:
        if report:
            report(0.3)
            report(0.6)
        return last[1]
    scored = _score_documents(doc_a, doc_b, method, report)
    with _LAST_LOCK:
        _LAST[:] = [(key, scored)]
    return scored


def _score_documents(doc_a: Document, doc_b: Document, method: str,
                     report: Callable[[float], None] | None) -> Scored:
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
        child = twocore.start(a_side, len(text_a) + len(text_b))
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
    skip_a = covered(spans_a, [c.a for c in passages])
    skip_b = covered(spans_b, [c.b for c in passages])
    for i, j, words in same:
        if i not in skip_a and j not in skip_b:
            passages.append(Passage(spans_a[i], spans_b[j], words))
            skip_a.add(i)
            skip_b.add(j)
    # after the copies: a pair of two copied sentences is never voted on (most of the votes
    # on a long copied pair), and only pairs of two uncopied sentences come back
    skip = (np.zeros(len(sa), dtype=bool), np.zeros(len(sb), dtype=bool))
    skip[0][list(skip_a)], skip[1][list(skip_b)] = True, True
    rows, cols = candidate_arrays(stems_a, len(sa), stems_b, len(sb), list(ids), idf,
                                  CANDIDATES_PER_SENTENCE, skip)
    pairs = list(zip(rows.tolist(), cols.tolist(), strict=True))
    semantic = None
    weights = calibration.DEFAULT
    if method == "semantic":
        from .semantic import cosine_matrix

        semantic = cosine_matrix([text_a[s.start : s.end] for s in sa],
                                 [text_b[s.start : s.end] for s in sb])
        pairs = sorted(set(pairs) | {(i, j) for i, j in _semantic_candidates(semantic)
                                     if i not in skip_a and j not in skip_b})
        weights = calibration.SEMANTIC
    elif method != "default":
        raise ValueError(f"unknown alignment method {method!r}")
    if report:
        report(0.6)
    copy_share = (len(skip_a) + len(skip_b)) / max(1, len(sa) + len(sb))
    x = pair_features(bags_a, bags_b, pairs, idf, semantic, copy_share)
    return Scored(sa, sb, pairs, x, link_probability(x, pairs, *weights), passages)


def _semantic_candidates(cos: np.ndarray, per_sentence: int = 3) -> set[tuple[int, int]]:
    """Paraphrases may share no rare word: add each sentence's nearest neighbours by meaning."""
    out: set[tuple[int, int]] = set()
    if cos.size == 0:
        return out
    k_b = min(per_sentence, cos.shape[1])
    k_a = min(per_sentence, cos.shape[0])
    for i, row in enumerate(np.argsort(-cos, axis=1)[:, :k_b].tolist()):
        out.update((i, j) for j in row)
    for j, col in enumerate(np.argsort(-cos, axis=0)[:k_a, :].T.tolist()):
        out.update((i, j) for i in col)
    return out


def align_segments(doc_a: Document, doc_b: Document, options: AlignOptions,
                   anchors: Sequence[AlignmentLink],
                   report: Callable[[float], None]) -> list[Group]:
    scored = score_documents(doc_a, doc_b, options.method, report)
    sa, sb = scored.sents_a, scored.sents_b
    kept = [link for link in anchors if link.status.value != "rejected"]
    rejected = [link for link in anchors if link.status.value == "rejected"]
    copies = _copies(scored.copies, kept, rejected) if options.threshold <= VERBATIM_SCORE else []
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
    groups: list[Group] = [([sa[i] for i in group_a], [sb[j] for j in group_b], score)
                           for group_a, group_b, score in group_pairs(chosen)]
    return sorted(groups + copies, key=lambda g: (g[0][0].start, g[1][0].start))


def _copies(passages: Sequence[Passage], kept: Sequence[AlignmentLink],
            rejected: Sequence[AlignmentLink]) -> list[Group]:
    """Verbatim passages as links with exact boundaries, except where a person decided:
    nothing overlapping a kept link's side, nothing a rejected link already spans."""
    def hits(span: Span, spans: Sequence[Span]) -> bool:
        return any(span.start < s.end and s.start < span.end for s in spans)

    if not kept and not rejected:  # nobody decided anything yet: every passage stands
        return [([Span(*p.a)], [Span(*p.b)], VERBATIM_SCORE) for p in passages]
    out: list[Group] = []
    for p in passages:
        a, b = Span(*p.a), Span(*p.b)
        if any(hits(a, link.a) or hits(b, link.b) for link in kept):
            continue
        if any(hits(a, link.a) and hits(b, link.b) for link in rejected):
            continue
        out.append(([a], [b], VERBATIM_SCORE))
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
